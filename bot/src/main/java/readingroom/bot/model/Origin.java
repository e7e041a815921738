package readingroom.bot.model;

import java.util.Objects;

/**
 * Who asked, and where: the key to a channel's reading list, cache and limits.
 *
 * @param platform the chat platform
 * @param workspace the Discord server or Slack workspace id ("" for the console or a DM)
 * @param channel the channel id
 * @param user the user id (never shown; stored only hashed)
 */
public record Origin(Platform platform, String workspace, String channel, String user) {
  public Origin {
    Objects.requireNonNull(platform, "platform");
    workspace = workspace == null ? "" : workspace;
    channel = channel == null ? "" : channel;
    user = user == null ? "" : user;
  }

  public static Origin console() {
    return new Origin(Platform.CONSOLE, "", "console", "console");
  }
}
