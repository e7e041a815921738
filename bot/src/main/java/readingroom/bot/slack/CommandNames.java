package readingroom.bot.slack;

import java.util.regex.Pattern;

/**
 * Slack's spelling of the commands the core names in their short form: {@code /ask}, {@code
 * /sources}, {@code /article}, {@code /compare}, {@code /timeline}, {@code /cite} and {@code
 * /discuss} exist as they are, while settings, digests, reports, help and add live under {@code
 * /readingroom} (workspaces often have other apps' {@code /settings} or {@code /help}).
 */
final class CommandNames {
  private CommandNames() {}

  private static final Pattern UNDER_READINGROOM =
      Pattern.compile("(?<![\\w/])/(settings|digest|help|add|report)\\b");

  /** The text with {@code /settings ...} written {@code /readingroom settings ...}, and so on. */
  static String spell(String text) {
    return UNDER_READINGROOM.matcher(text).replaceAll("/readingroom $1");
  }
}
