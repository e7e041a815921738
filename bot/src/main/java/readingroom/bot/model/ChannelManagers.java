package readingroom.bot.model;

/**
 * Who may change a channel's settings and digest, in each platform's own terms, for the messages
 * that refuse a change. The check itself is the adapter's: it passes {@code canManage}.
 */
public final class ChannelManagers {
  private ChannelManagers() {}

  /** "Only <who> can <action>. <instead>": the reply to a change someone may not make. */
  public static Reply.NoticeReply refusal(Origin origin, String action, String instead) {
    return new Reply.NoticeReply(
        Reply.NoticeReply.Kind.FORBIDDEN,
        "Only " + describe(origin) + " can " + action + ". " + instead);
  }

  public static String describe(Origin origin) {
    return switch (origin.platform()) {
      case DISCORD -> "members with the Manage Channels permission";
      case SLACK -> "workspace admins and the admins named in the bot's configuration";
      case CONSOLE -> "the bot's operator";
    };
  }
}
