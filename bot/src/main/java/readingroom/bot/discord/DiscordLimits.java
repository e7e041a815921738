package readingroom.bot.discord;

/**
 * Discord's size limits for what a bot sends. Messages over them are refused by Discord, so the
 * renderer fits everything inside them instead.
 */
final class DiscordLimits {
  private DiscordLimits() {}

  static final int CONTENT = 2000;
  static final int EMBED_TITLE = 256;
  static final int EMBED_DESCRIPTION = 4096;
  static final int EMBED_FOOTER = 2048;

  /** All embeds of one message together: titles, descriptions, footers, fields. */
  static final int EMBEDS_TOTAL = 6000;

  static final int EMBEDS = 10;
  static final int URL = 2000;

  /** Autocomplete choices, and the length of a choice's name and value. */
  static final int CHOICES = 25;

  static final int CHOICE_NAME = 100;
  static final int CHOICE_VALUE = 100;
  static final int THREAD_NAME = 100;
  static final int CUSTOM_ID = 100;
}
