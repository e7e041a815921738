package readingroom.bot.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps console text to the terminal's width at spaces, continuing a numbered or bulleted line
 * under its text rather than under its number. A word longer than the width (a link) keeps its own
 * line unbroken, so it stays clickable; ANSI styling takes no width.
 */
final class TextWrap {

  /** The part of a line that its continuation lines are indented past. */
  private static final Pattern LEAD = Pattern.compile("^(\\s*(?:\\d+\\.\\s|[•—-]\\s)?)");

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  private TextWrap() {}

  /** {@code text} with each line wrapped to {@code width} columns; unchanged if width < 20. */
  static String wrap(String text, int width) {
    if (width < 20) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      wrapLine(lines[i], width, out);
    }
    return out.toString();
  }

  private static void wrapLine(String line, int width, StringBuilder out) {
    if (visible(line) <= width) {
      out.append(line);
      return;
    }
    Matcher lead = LEAD.matcher(line);
    String prefix = lead.find() ? lead.group(1) : "";
    String indent = " ".repeat(Math.min(visible(prefix), width / 2));
    int column = visible(prefix);
    out.append(prefix);
    boolean lineEmpty = true;
    for (String word : line.substring(prefix.length()).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      int length = visible(word);
      if (!lineEmpty && column + 1 + length > width) {
        out.append('\n').append(indent);
        column = indent.length();
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += length;
      lineEmpty = false;
    }
  }

  private static int visible(String text) {
    String plain = ANSI.matcher(text).replaceAll("");
    return plain.codePointCount(0, plain.length());
  }
}
