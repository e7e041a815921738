package readingroom.bot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.commands.TextCommand;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;

/**
 * A chat in the terminal: type a question, get the reply a channel would get. Lines starting with
 * {@code /} are the same commands as in Discord and Slack ({@code /sources}, {@code /article},
 * {@code /help}, {@code /more}, {@code /settings}, {@code /compare}, {@code /timeline}, {@code
 * /cite}, {@code /discuss}, {@code /report}); {@code /followup <question>} asks a follow-up to the
 * last question, as a reply in a thread does.
 */
public final class ConsoleChat {

  /**
   * Every command a console line may start with: the shared commands (one per {@link
   * TextCommand.Kind}, so a new command is known here too) and the console's own.
   */
  static final List<String> KNOWN =
      Stream.concat(
              Arrays.stream(TextCommand.Kind.values())
                  .map(k -> "/" + k.name().toLowerCase(Locale.ROOT)),
              Stream.of("/followup", "/more", "/quit", "/exit"))
          .toList();

  private final ChatCommands commands;
  private final PlainTextRenderer renderer;

  public ConsoleChat(ChatCommands commands, PlainTextRenderer renderer) {
    this.commands = commands;
    this.renderer = renderer;
  }

  public void run(BufferedReader in, PrintStream out, boolean prompt) throws IOException {
    Origin origin = Origin.console();
    out.println(
        "Reading Room: ask a question about the reading list (/help for commands, /quit to leave).");
    String lastQuestion = null;
    int shown = 0;
    while (true) {
      if (prompt) {
        out.print("> ");
        out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        return;
      }
      String text = line.strip();
      if (text.isEmpty()) {
        continue;
      }
      String first = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      if (first.equals("/quit") || first.equals("/exit")) {
        return;
      }
      if (first.startsWith("/") && !KNOWN.contains(first)) {
        out.println(Messages.unknownCommand(first, String.join(", ", KNOWN)));
        continue;
      }
      Reply reply;
      if (first.equals("/more")) {
        if (lastQuestion == null) {
          out.println("Ask a question first.");
          continue;
        }
        reply = commands.ask(origin, lastQuestion, shown);
      } else if (first.equals("/followup")) {
        // The console has no threads: a follow-up follows on from the last question.
        String question = text.substring(first.length()).strip();
        reply = commands.followUp(origin, question);
        lastQuestion = question;
        shown = 0;
      } else {
        // The same parser as Slack and Discord mentions; a line without a command is a question.
        TextCommand command =
            text.startsWith("/") ? TextCommand.parse(text) : TextCommand.question(text);
        if (command.kind() == TextCommand.Kind.ASK) {
          lastQuestion = command.argument();
          shown = 0;
        }
        // Whoever runs the console runs the bot: they may change its settings and digest.
        reply = commands.run(origin, command, true);
      }
      if (reply instanceof Reply.AnswerReply answer) {
        shown = answer.skip() + answer.answer().results().size();
      }
      out.println(renderer.render(reply));
      if (first.equals("/help")) {
        out.println(Messages.consoleCommands());
      }
    }
  }
}
