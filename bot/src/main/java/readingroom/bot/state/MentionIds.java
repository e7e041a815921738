package readingroom.bot.state;

import java.util.regex.Pattern;

/**
 * Removes the ids of mentioned people, roles and groups from text before it is stored: a question
 * that names {@code <@U0ABCDEF>} would otherwise keep, in clear, who was talked about, next to an
 * asker the log only keeps as a salted hash.
 */
final class MentionIds {
  private MentionIds() {}

  /** Slack {@code <@U0ABC>}, {@code <@U0ABC|name>}; Discord {@code <@123>}, {@code <@!123>}. */
  private static final Pattern USER =
      Pattern.compile("<@!?(?:[UW][A-Z0-9]{2,}|\\d{5,})(?:\\|[^>]*)?>");

  /** Discord roles {@code <@&123>}, Slack user groups {@code <!subteam^S0ABC|@team>}. */
  private static final Pattern GROUP =
      Pattern.compile("<@&\\d{5,}>|<!subteam\\^[A-Z0-9]+(?:\\|[^>]*)?>");

  /** Discord channels {@code <#123>}, Slack {@code <#C0ABC|name>}: kept readable, id removed. */
  private static final Pattern CHANNEL =
      Pattern.compile("<#(?:[CG][A-Z0-9]{2,}|\\d{5,})(?:\\|[^>]*)?>");

  static String neutralise(String text) {
    String withoutUsers = USER.matcher(text).replaceAll("@someone");
    String withoutGroups = GROUP.matcher(withoutUsers).replaceAll("@group");
    return CHANNEL.matcher(withoutGroups).replaceAll("#channel");
  }
}
