package readingroom.bot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.console.PlainTextRenderer;
import readingroom.bot.model.Origin;
import readingroom.index.Engine;
import readingroom.index.InvalidQuestionException;
import readingroom.index.Question;

/**
 * {@code readingroom ask}: one question, or one a line from standard input with {@code --stdin}.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "ask",
    description = "Ask a question and print the answer.")
public final class AskCli implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(names = "--json", description = "Print one JSON object per question.")
  boolean json;

  @Option(
      names = "--stdin",
      description = "Read one question a line from standard input: one answer per line.")
  boolean stdin;

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (quote it).")
  List<String> words = List.of();

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    // A question of only spaces is no question: say how to ask before loading anything.
    if (!stdin && String.join(" ", words).isBlank()) {
      System.err.println(
          "readingroom ask: give a question, e.g. readingroom ask \"who is zamir kabulov?\"");
      return 2;
    }
    try (Engine engine = EngineOptions.of(main.settings()).updates(Engine.Updates.NEVER).open()) {
      int maxQuotes = main.settings().maxQuotes();
      if (stdin) {
        InputLines in =
            new InputLines(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        String line;
        while ((line = in.next()) != null) {
          answer(engine, maxQuotes, line, out);
        }
        return 0;
      }
      return answer(engine, maxQuotes, String.join(" ", words), out) ? 0 : 1;
    }
  }

  private boolean answer(Engine engine, int maxQuotes, String question, PrintStream out) {
    if (json) {
      try {
        out.println(
            JsonAnswers.line(
                JsonAnswers.of(engine.ask(new Question(question, null, maxQuotes, 0)))));
        return true;
      } catch (InvalidQuestionException e) {
        out.println(JsonAnswers.line(JsonAnswers.error(question, e.getMessage())));
        return false;
      }
    }
    ChatCommands commands = new ChatCommands(engine, maxQuotes);
    out.print(
        new PlainTextRenderer(System.console() != null)
            .render(commands.ask(Origin.console(), question)));
    return true;
  }
}
