package readingroom.bot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Where the console chat's lines come from: a terminal with line editing and history ({@link
 * TerminalConsole}), or plain standard input when it is piped (scripts and tests).
 */
public interface ConsoleInput {

  /** The next line typed after {@code prompt}, or null at the end of input. */
  String readLine(String prompt) throws IOException;

  /** The terminal's width in columns, or 0 when unknown (no wrapping). */
  int width();

  /** Lines from {@code in}; the prompt is printed to {@code out} when {@code prompt} is set. */
  static ConsoleInput of(BufferedReader in, PrintStream out, boolean prompt, int width) {
    return new ConsoleInput() {
      @Override
      public String readLine(String text) throws IOException {
        if (prompt) {
          out.print(text);
          out.flush();
        }
        return in.readLine();
      }

      @Override
      public int width() {
        return width;
      }
    };
  }
}
