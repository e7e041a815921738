package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.SettingsException;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.testing.SharedEngine;

/**
 * Start-up against the local Discord: one clear line for each thing a user can get wrong, never the
 * token in it. No engine is needed: nobody asks anything.
 */
class DiscordStartupTest {

  private static final ChatCommands COMMANDS = new ChatCommands(SharedEngine.get(), 3);
  private static final FeedbackSink NO_FEEDBACK = (origin, question, helpful) -> {};

  @Test
  void aRefusedTokenIsOneLineThatSaysWhereToGetANewOne() throws Exception {
    try (LocalDiscord discord = new LocalDiscord()) {
      discord.acceptOnly("the-right-token");
      DiscordPlatform platform =
          DiscordPlatform.create(
              DiscordTestSettings.of(discord), "a-wrong-token-abc123", COMMANDS, NO_FEEDBACK);

      assertThatThrownBy(platform::start)
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("Discord refused DISCORD_TOKEN")
          .hasMessageContaining("Developer Portal")
          .hasMessageNotContaining("a-wrong-token-abc123")
          .hasMessageNotContaining("\n");
      // The shard manager's first call checks the token: nothing else is tried with a bad one.
      assertThat(discord.calls())
          .extracting(LocalDiscord.Call::path)
          .containsExactly("gateway/bot");
    }
  }

  @Test
  void aTokenWithSpacesIsRefusedBeforeConnectingAndNotEchoed() {
    assertThatThrownBy(() ->
            DiscordPlatform.create(
                settings("http://127.0.0.1:9/api/v10/", "ws://127.0.0.1:9/", 0),
                "secret part\nsecond line",
                COMMANDS,
                NO_FEEDBACK))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("DISCORD_TOKEN is not a bot token")
        .hasMessageNotContaining("secret");
  }

  @Test
  void anUnreachableDiscordIsOneLineNamingTheAddress() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String rest = "http://127.0.0.1:" + closedPort + "/api/v10/";
    DiscordPlatform platform =
        DiscordPlatform.create(
            settings(rest, "ws://127.0.0.1:" + closedPort + "/", 0),
            "token",
            COMMANDS,
            NO_FEEDBACK);

    assertThatThrownBy(platform::start)
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("Cannot reach Discord at " + rest)
        .hasMessageContaining("ConnectException")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aServerTheBotIsNotInIsNamedWithTheInviteLink() throws Exception {
    try (LocalDiscord discord = new LocalDiscord()) {
      DiscordPlatform platform =
          DiscordPlatform.create(
              settings(discord.restUrl(), discord.gatewayUrl(), 42),
              LocalDiscord.TOKEN,
              COMMANDS,
              NO_FEEDBACK);

      assertThatThrownBy(platform::start)
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("readingroom.discord.guild-id is 42")
          .hasMessageContaining("client_id=" + discord.applicationId);
    }
  }

  @Test
  void withoutAServerIdTheCommandsAreRegisteredGlobally() throws Exception {
    try (LocalDiscord discord = new LocalDiscord()) {
      DiscordPlatform platform =
          DiscordPlatform.create(
              settings(discord.restUrl(), discord.gatewayUrl(), 0),
              LocalDiscord.TOKEN,
              COMMANDS,
              NO_FEEDBACK);
      try {
        platform.start();
      } finally {
        platform.close();
      }

      assertThat(discord.calls())
          .anyMatch(c ->
              c.method().equals("PUT")
                  && c.path().equals("applications/" + discord.applicationId + "/commands"))
          .noneMatch(c -> c.path().contains("/guilds/"));
    }
  }

  private static DiscordSettings settings(String rest, String gateway, long guild) {
    return new DiscordSettings(
        rest, gateway, guild, true, 1, 100, Duration.ofSeconds(10), DiscordSettings.Shards.ONE);
  }
}
