package readingroom.bot.model;

/** Where a question came from. */
public enum Platform {
  CONSOLE,
  DISCORD,
  SLACK
}
