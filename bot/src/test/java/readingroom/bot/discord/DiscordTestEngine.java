package readingroom.bot.discord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import readingroom.bot.TestConfig;
import readingroom.index.Engine;
import readingroom.index.Synonyms;

/** A real engine on the shipped five-article corpus, and settings for the local Discord. */
final class DiscordTestEngine {
  private DiscordTestEngine() {}

  static Engine open(Path temp) {
    return Engine.open(
        new Engine.Options(
            TestConfig.root().resolve("corpus"),
            temp.resolve("index"),
            Synonyms.read(TestConfig.root().resolve("config/synonyms.txt")),
            List.of()));
  }

  /** Settings pointing JDA at the local Discord, commands registered in its server. */
  static DiscordSettings settings(LocalDiscord discord) {
    return new DiscordSettings(
        discord.restUrl(),
        discord.gatewayUrl(),
        Long.parseLong(discord.guildId),
        true,
        2,
        1000,
        Duration.ofSeconds(20));
  }
}
