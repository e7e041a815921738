package readingroom.bot.discord;

import java.time.Duration;

/** Settings pointing JDA at a {@link LocalDiscord}, commands registered in its server. */
final class DiscordTestSettings {
  private DiscordTestSettings() {}

  static DiscordSettings of(LocalDiscord discord, DiscordSettings.Shards shards) {
    DiscordSettings one = of(discord);
    return new DiscordSettings(
        one.restUrl(),
        one.gatewayUrl(),
        one.guildId(),
        one.mentionThreads(),
        one.workers(),
        one.rememberedAnswers(),
        one.startTimeout(),
        shards);
  }

  static DiscordSettings of(LocalDiscord discord) {
    return new DiscordSettings(
        discord.restUrl(),
        discord.gatewayUrl(),
        Long.parseLong(discord.guildId),
        true,
        2,
        1000,
        Duration.ofSeconds(20),
        DiscordSettings.Shards.ONE);
  }
}
