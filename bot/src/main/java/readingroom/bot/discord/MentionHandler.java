package readingroom.bot.discord;

import static readingroom.bot.discord.Responder.failure;

import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.commands.TextCommand;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Visibility;
import readingroom.bot.text.Texts;

/**
 * "@Reading Room why did ...?": answered in a new thread on the message, so the channel stays tidy,
 * or as a reply to it where threads are off or not allowed. A mention inside that thread is a
 * follow-up: asked with the thread's earlier question as context, and answered in the thread.
 * Messages that do not mention the bot itself (including {@code @everyone} and role mentions) are
 * ignored.
 */
final class MentionHandler {

  private static final Logger log = LoggerFactory.getLogger(MentionHandler.class);

  private final Responder responder;
  private final boolean threads;

  MentionHandler(Responder responder, boolean threads) {
    this.responder = responder;
    this.threads = threads;
  }

  void handle(MessageReceivedEvent event) {
    User self = event.getJDA().getSelfUser();
    Message message = event.getMessage();
    if (event.getAuthor().isBot()
        || event.isWebhookMessage()
        || !event.isFromGuild()
        // USER only: @everyone, @here and role mentions are not questions for the bot.
        || !message.getMentions().isMentioned(self, Message.MentionType.USER)) {
      return;
    }
    String question = withoutMention(message.getContentRaw(), self.getId());
    // In a thread, a question follows on from the thread's earlier one, and the parent channel's
    // reading list applies.
    String thread = event.getChannelType().isThread() ? event.getChannel().getId() : null;
    String channel =
        thread != null
            ? event.getChannel().asThreadChannel().getParentChannel().getId()
            : event.getChannel().getId();
    Origin origin =
        new Origin(Platform.DISCORD, event.getGuild().getId(), channel, event.getAuthor().getId());
    // The same typed-command parser as Slack and the console: "@Reading Room sources" lists them.
    TextCommand command = TextCommand.parse(withoutMention(message.getContentRaw(), self.getId()));
    String answerId = message.getId();
    responder.questions.remember(answerId, question);
    responder.work(
        "mention",
        apology -> replyTo(message, apology),
        () -> {
          // A thread or a reply is seen by everyone: what must stay private needs a slash command.
          // Help is the exception: it is the same for everyone.
          if (command.kind() != TextCommand.Kind.HELP
              && responder.commands.audience(origin, command.kind(), command.privately())
                  == Visibility.PRIVATE) {
            replyTo(
                message,
                DiscordMessage.text(
                    command.kind() == TextCommand.Kind.ASK
                        ? Messages.MENTION_ANSWERS_PRIVATE
                        : Messages.MENTION_REPLY_PRIVATE));
            return;
          }
          // Nobody manages a channel by mention: its settings and digest need the slash commands.
          Reply reply = responder.commands.run(origin, thread, command, false);
          DiscordMessage rendered = responder.withButtons(answerId, reply, false);
          if (thread != null) {
            replyTo(message, rendered);
          } else {
            answer(
                message,
                question,
                rendered,
                opened -> {
                  if (command.kind() == TextCommand.Kind.ASK) {
                    responder.commands.answeredInThread(origin, opened, command.argument(), reply);
                  }
                });
          }
        });
  }

  /**
   * Answers in a new thread on the message when threads are allowed, else as a reply.
   *
   * @param opened told the id of the thread the answer went into
   */
  private void answer(
      Message message, String question, DiscordMessage answer, Consumer<String> opened) {
    if (!threads || !threadsAllowed(message)) {
      replyTo(message, answer);
      return;
    }
    try {
      message
          .createThreadChannel(threadName(question))
          .queue(
              thread -> {
                opened.accept(thread.getId());
                thread.sendMessage(answer.toCreateData()).queue(null, failure("answer in thread"));
              },
              error -> {
                log.info(
                    "Could not open a thread in {}: {}",
                    message.getChannelId(),
                    error.getMessage());
                replyTo(message, answer);
              });
    } catch (RuntimeException e) {
      // JDA checks permissions and the channel type before sending.
      log.info("Could not open a thread in {}: {}", message.getChannelId(), e.getMessage());
      replyTo(message, answer);
    }
  }

  private static void replyTo(Message message, DiscordMessage answer) {
    try {
      message
          .reply(answer.toCreateData())
          .mentionRepliedUser(false)
          .failOnInvalidReply(false)
          .queue(null, failure("reply to mention"));
    } catch (RuntimeException e) {
      // Typically InsufficientPermissionException: nowhere to answer, so only the log hears of it.
      log.warn("Cannot answer in channel {}: {}", message.getChannelId(), e.getMessage());
    }
  }

  private static boolean threadsAllowed(Message message) {
    ChannelType type = message.getChannelType();
    if (type != ChannelType.TEXT && type != ChannelType.NEWS) {
      return false;
    }
    return message
        .getGuild()
        .getSelfMember()
        .hasPermission(
            message.getGuildChannel(),
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS);
  }

  /** The question as the thread's name: one line, mention-proof, within Discord's 100. */
  static String threadName(String question) {
    String name = MentionGuard.neutralise(Texts.oneLine(question));
    if (name.isEmpty()) {
      return "Reading Room";
    }
    return Texts.cut(name, DiscordLimits.THREAD_NAME - 10);
  }

  /** The message text without the bot's own mention(s). */
  static String withoutMention(String content, String selfId) {
    return Texts.oneLine(content.replaceAll("<@!?" + Pattern.quote(selfId) + ">", " "));
  }
}
