package readingroom.bot.platform;

import java.util.ArrayList;
import java.util.List;
import readingroom.bot.chat.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.Settings;

/**
 * The chat platforms this process should serve, from the secrets that are set: each adapter is
 * started only when its tokens are present. None configured means a console chat.
 */
public final class Platforms {
  private Platforms() {}

  public static List<ChatPlatform> configured(
      Settings settings, Secrets secrets, ChatCommands commands) {
    List<ChatPlatform> platforms = new ArrayList<>();
    // Adapters add themselves here, e.g.:
    // if (secrets.has(Secrets.DISCORD_TOKEN)) platforms.add(DiscordPlatform.create(...));
    return platforms;
  }
}
