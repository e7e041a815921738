package readingroom.bot.chat;

/**
 * Who may change a channel's settings and digest, in each platform's own terms, for the messages
 * that refuse a change. The check itself is the adapter's: it passes {@code canManage}.
 */
public final class ChannelManagers {
  private ChannelManagers() {}

  public static String describe(Origin origin) {
    return switch (origin.platform()) {
      case DISCORD -> "members with the Manage Channels permission";
      case SLACK -> "workspace admins and the admins named in the bot's configuration";
      case CONSOLE -> "the bot's operator";
    };
  }
}
