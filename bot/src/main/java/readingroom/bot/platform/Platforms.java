package readingroom.bot.platform;

import java.util.ArrayList;
import java.util.List;
import readingroom.bot.chat.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.Settings;
import readingroom.bot.discord.DiscordPlatform;
import readingroom.bot.discord.DiscordSettings;

/**
 * The chat platforms this process should serve, from the secrets that are set: each adapter is
 * started only when its tokens are present. None configured means a console chat.
 */
public final class Platforms {
  private Platforms() {}

  public static List<ChatPlatform> configured(
      Settings settings, Secrets secrets, ChatCommands commands) {
    List<ChatPlatform> platforms = new ArrayList<>();
    // Adapters add themselves here when their tokens are set.
    var discordToken = secrets.get(Secrets.DISCORD_TOKEN);
    if (discordToken.isPresent()) {
      platforms.add(
          DiscordPlatform.create(DiscordSettings.from(settings), discordToken.get(), commands));
    }
    return platforms;
  }
}
