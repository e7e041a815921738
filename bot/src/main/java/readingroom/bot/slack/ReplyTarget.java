package readingroom.bot.slack;

/** Where a reply goes. */
sealed interface ReplyTarget {

  /**
   * The {@code response_url} of a slash command or a button click: works in any channel, even one
   * the bot is not in, for 30 minutes.
   *
   * @param threadTs the thread to answer in, or {@code null}
   */
  record ResponseUrl(String url, String threadTs) implements ReplyTarget {}

  /**
   * A conversation the bot is in: a channel where it was mentioned, or a direct message.
   *
   * @param threadTs the thread to answer in, or {@code null} for the conversation itself
   * @param user who asked, for replies only they see
   */
  record Conversation(String channel, String threadTs, String user) implements ReplyTarget {}
}
