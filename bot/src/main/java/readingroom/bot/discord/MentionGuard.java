package readingroom.bot.discord;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text that looks like a Discord mention ({@code @everyone}, {@code @here}, {@code <@id>},
 * {@code <@!id>}, {@code <@&role>}) inert by putting a zero-width space after its {@code @}. The
 * text reads the same, but Discord neither pings nor highlights it. Replies are also sent with no
 * allowed mentions; this second guard keeps quoted or echoed text from even looking like a ping.
 */
final class MentionGuard {

  /** Zero width space: invisible, and breaks Discord's mention syntax. */
  static final char BREAK = '\u200B';

  private static final Pattern MENTION =
      Pattern.compile("(?i)@(?:everyone|here)|<@[!&]?\\d+>", Pattern.UNICODE_CASE);

  private MentionGuard() {}

  /** Positions of the {@code @} characters after which a {@link #BREAK} must go. */
  static BitSet breakPoints(String text) {
    BitSet points = new BitSet();
    Matcher matcher = MENTION.matcher(text);
    while (matcher.find()) {
      points.set(text.indexOf('@', matcher.start()));
    }
    return points;
  }

  /** The text with every mention made inert. */
  static String neutralise(String text) {
    BitSet points = breakPoints(text);
    if (points.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + points.cardinality());
    for (int i = 0; i < text.length(); i++) {
      out.append(text.charAt(i));
      if (points.get(i)) {
        out.append(BREAK);
      }
    }
    return out.toString();
  }
}
