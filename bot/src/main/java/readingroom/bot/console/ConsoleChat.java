package readingroom.bot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;

/**
 * A chat in the terminal: type a question, get the reply a channel would get. Lines starting with
 * {@code /} are the same commands as in Discord and Slack ({@code /sources}, {@code /article},
 * {@code /help}, {@code /more}, {@code /settings}).
 */
public final class ConsoleChat {

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
      Reply reply;
      String command =
          text.startsWith("/")
              ? text.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT)
              : "/ask";
      String argument =
          text.startsWith("/") ? (text.contains(" ") ? text.split("\\s+", 2)[1] : "") : text;
      switch (command) {
        case "/quit", "/exit" -> {
          return;
        }
        case "/help" -> reply = commands.help();
        case "/sources" -> reply = commands.sources(origin);
        case "/article" -> reply = commands.article(origin, argument);
        // Whoever runs the console runs the bot: they may change its settings.
        case "/settings" -> reply = commands.settings(origin, true, argument);
        case "/digest" -> reply = commands.digest(origin, true, argument);
        case "/more" -> {
          if (lastQuestion == null) {
            out.println("Ask a question first.");
            continue;
          }
          reply = commands.ask(origin, lastQuestion, shown);
        }
        case "/ask" -> {
          lastQuestion = argument;
          shown = 0;
          reply = commands.ask(origin, argument);
        }
        default -> reply = commands.help();
      }
      if (reply instanceof Reply.AnswerReply answer) {
        shown = answer.skip() + answer.answer().results().size();
      }
      out.println(renderer.render(reply));
    }
  }
}
