package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.metrics.HealthCheck;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.testing.SharedEngine;

/**
 * Sharding with JDA's ShardManager against the local Discord serving several shards: two replicas
 * split the shards between them, the server's events reach the one whose shard holds it, the slash
 * commands are registered once, and the health checks name each shard.
 */
class DiscordShardsTest {

  private static final ChatCommands COMMANDS = new ChatCommands(SharedEngine.get(), 3);
  private static final FeedbackSink NO_FEEDBACK = (origin, question, helpful) -> {};

  private static long commandRegistrations(LocalDiscord discord) {
    return discord.calls().stream()
        .filter(c -> c.method().equals("PUT") && c.path().endsWith("/commands"))
        .count();
  }

  private static Map<String, Boolean> health(DiscordPlatform platform) {
    return platform.healthChecks().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                HealthCheck::name, check -> check.up().getAsBoolean()));
  }

  @Test
  void twoReplicasSplitTheShardsAndOnlyTheServersShardAnswers() throws Exception {
    try (LocalDiscord discord = new LocalDiscord()) {
      int holder = discord.guildShard(2);
      DiscordPlatform a =
          DiscordPlatform.create(
              DiscordTestSettings.of(discord, new DiscordSettings.Shards(2, List.of(0))),
              LocalDiscord.TOKEN,
              COMMANDS,
              NO_FEEDBACK);
      DiscordPlatform b =
          DiscordPlatform.create(
              DiscordTestSettings.of(discord, new DiscordSettings.Shards(2, List.of(1))),
              LocalDiscord.TOKEN,
              COMMANDS,
              NO_FEEDBACK);
      try {
        assertThat(health(a)).isEqualTo(Map.of("discord-shard-0", false));
        a.start();
        b.start();

        assertThat(discord.identifies()).containsExactlyInAnyOrder(List.of(0, 2), List.of(1, 2));
        assertThat(health(a)).isEqualTo(Map.of("discord-shard-0", true));
        assertThat(health(b)).isEqualTo(Map.of("discord-shard-1", true));
        // The server's commands, registered by the replica whose shard holds the server, once.
        assertThat(commandRegistrations(discord)).isEqualTo(1);

        LocalDiscord.Sent ask =
            discord.slash("ask", Map.of("question", "Why did Russia invite the Taliban?"));
        assertThat(discord.editOf(ask).body().toString()).contains("Taliban");
        assertThat(discord.callbackOf(ask)).isNotNull();
        assertThat(holder).isBetween(0, 1);

        (holder == 0 ? a : b).close();
        assertThat(health(holder == 0 ? a : b)).containsValue(false);
        assertThat(health(holder == 0 ? b : a)).doesNotContainValue(false);
      } finally {
        a.close();
        b.close();
      }
    }
  }

  @Test
  void automaticShardingFollowsDiscordsRecommendationAndRegistersOnce() throws Exception {
    try (LocalDiscord discord = new LocalDiscord()) {
      discord.recommendShards(2);
      DiscordPlatform platform =
          DiscordPlatform.create(
              DiscordTestSettings.of(discord, new DiscordSettings.Shards(0, List.of())),
              LocalDiscord.TOKEN,
              COMMANDS,
              NO_FEEDBACK);
      try {
        platform.start();

        assertThat(discord.calls()).anyMatch(c -> c.path().equals("gateway/bot"));
        assertThat(discord.identifies()).containsExactlyInAnyOrder(List.of(0, 2), List.of(1, 2));
        assertThat(health(platform))
            .isEqualTo(Map.of("discord-shard-0", true, "discord-shard-1", true));
        assertThat(commandRegistrations(discord)).isEqualTo(1);
      } finally {
        platform.close();
      }
    }
  }
}
