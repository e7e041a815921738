package readingroom.bot.commands;

import readingroom.bot.model.Messages;
import readingroom.bot.model.Reply;

/** {@code /help}: the same lines on every platform; needs no search and cannot fail. */
final class HelpCommand {

  Reply help() {
    return new Reply.HelpReply(Messages.HELP);
  }
}
