package readingroom.bot.channel;

import java.util.Objects;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;

/**
 * One channel on one platform: what settings, cached answers and channel limits belong to.
 *
 * @param platform the chat platform
 * @param workspace the Discord server or Slack workspace ("" for the console or a DM)
 * @param channel the channel id
 */
public record ChannelKey(Platform platform, String workspace, String channel) {
  public ChannelKey {
    Objects.requireNonNull(platform, "platform");
    workspace = workspace == null ? "" : workspace;
    channel = channel == null ? "" : channel;
  }

  public static ChannelKey of(Origin origin) {
    return new ChannelKey(origin.platform(), origin.workspace(), origin.channel());
  }
}
