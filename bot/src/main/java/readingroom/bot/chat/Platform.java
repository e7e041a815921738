package readingroom.bot.chat;

/** Where a question came from. */
public enum Platform {
  CONSOLE,
  DISCORD,
  SLACK
}
