package readingroom.bot.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The console on a real terminal, through JLine: line editing (arrows, Ctrl-A/E, Ctrl-R search),
 * history kept across sessions in a file, and the terminal's width for wrapping. Text printed while
 * a line is being typed (a digest) appears above the prompt instead of through it.
 */
public final class TerminalConsole implements ConsoleInput, AutoCloseable {

  private final Terminal terminal;
  private final LineReader reader;

  private TerminalConsole(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  /**
   * Opens the terminal this process runs in.
   *
   * @param history where typed lines are kept between sessions
   */
  public static TerminalConsole open(Path history) throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).build();
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("readingroom")
            .variable(LineReader.HISTORY_FILE, history)
            .variable(LineReader.HISTORY_SIZE, 1000)
            // Questions are text, not shell words: "!" and "\" mean nothing special.
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
    return new TerminalConsole(terminal, reader);
  }

  @Override
  public String readLine(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (EndOfFileException | UserInterruptException e) {
      // Ctrl-D or Ctrl-C at the prompt: leave, as /quit does.
      return null;
    }
  }

  @Override
  public int width() {
    return terminal.getWidth();
  }

  /** Where replies are printed: the terminal's own stream. */
  public PrintStream out() {
    return new PrintStream(terminal.output(), true, terminal.encoding());
  }

  /** Prints {@code text} above the line being typed, if any. */
  public void printAbove(String text) {
    reader.printAbove(TextWrap.wrap(text, width()));
  }

  @Override
  public void close() throws IOException {
    reader.getHistory().save();
    terminal.close();
  }
}
