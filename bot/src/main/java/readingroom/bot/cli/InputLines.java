package readingroom.bot.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ended by {@code \n} (or {@code \r\n}) only. {@link java.io.BufferedReader#readLine}
 * also ends a line at a lone {@code \r}, which turns one pasted question into two answers; here a
 * lone {@code \r} is a space inside the line, so there is always one answer per input line.
 */
final class InputLines {

  private final Reader in;
  private final StringBuilder line = new StringBuilder();

  InputLines(Reader in) {
    this.in = in;
  }

  /** The next line without its ending, or null at the end of the input. */
  String next() throws IOException {
    line.setLength(0);
    int c;
    boolean any = false;
    while ((c = in.read()) != -1) {
      any = true;
      if (c == '\n') {
        return finish();
      }
      line.append((char) c);
    }
    return any ? finish() : null;
  }

  private String finish() {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return line.toString().replace('\r', ' ');
  }
}
