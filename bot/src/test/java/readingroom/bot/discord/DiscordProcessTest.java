package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;
import readingroom.bot.config.SettingsException;
import readingroom.bot.testing.MainProcess;

/**
 * The real {@code readingroom} process against the local Discord: the token is checked before the
 * engine loads, an unreachable Discord is not called a refused token, and SIGTERM stops it cleanly.
 */
class DiscordProcessTest {

  @TempDir Path dir;

  @Test
  void aRefusedTokenIsReportedBeforeTheEngineLoads() throws Exception {
    Path config = TestConfig.write(dir, "");
    try (LocalDiscord discord = new LocalDiscord();
        MainProcess bot =
            MainProcess.start(
                dir,
                Map.of(
                    "DISCORD_TOKEN", "a-wrong-token-abc123",
                    "READINGROOM_DISCORD_REST_URL", discord.restUrl(),
                    "READINGROOM_DISCORD_GATEWAY_URL", discord.gatewayUrl()),
                "-c",
                config.toString())) {
      int code = bot.waitFor(Duration.ofSeconds(60));

      assertThat(code).isEqualTo(2);
      assertThat(bot.err())
          .contains("Discord refused DISCORD_TOKEN")
          .doesNotContain("a-wrong-token-abc123");
      assertThat(dir.resolve("data/index")).as("the engine never started").doesNotExist();
      System.out.printf("refused token reported after %d ms%n", bot.elapsed().toMillis());
    }
  }

  @Test
  void anUnreachableDiscordIsNotCalledARefusedToken() throws Exception {
    String rest = "http://127.0.0.1:" + closedPort() + "/api/v10/";

    assertThatThrownBy(() -> DiscordPlatform.checkToken(settings(rest), "token"))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("Cannot reach Discord at " + rest)
        .hasMessageContaining("ConnectException")
        .hasMessageNotContaining("refused DISCORD_TOKEN");
  }

  @Test
  void theCheckAcceptsTheRightTokenAndRefusesAWrongOne() throws Exception {
    try (LocalDiscord discord = new LocalDiscord()) {
      discord.acceptOnly("the-right-token");

      DiscordPlatform.checkToken(DiscordTestSettings.of(discord), "Bot the-right-token");
      assertThatThrownBy(
              () -> DiscordPlatform.checkToken(DiscordTestSettings.of(discord), "wrong-one"))
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("Discord refused DISCORD_TOKEN")
          .hasMessageNotContaining("wrong-one");
      assertThat(discord.calls()).extracting(LocalDiscord.Call::path).containsOnly("users/@me");
    }
  }

  @Test
  void sigtermFinishesTheAnswerInFlightClosesEverythingAndExitsZero() throws Exception {
    sigtermWhileAnswering(Duration.ZERO);
  }

  /**
   * JDA holds a deferred interaction's edit until Discord acknowledges the deferral: the worker is
   * done, but the answer has not gone out when SIGTERM comes. The bot waits for it before JDA
   * stops.
   */
  @Test
  void sigtermBeforeDiscordAcknowledgesTheDeferralStillDeliversTheAnswer() throws Exception {
    sigtermWhileAnswering(Duration.ofSeconds(3));
  }

  private void sigtermWhileAnswering(Duration acknowledgementDelay) throws Exception {
    Path config = TestConfig.write(dir, "");
    try (LocalDiscord discord = new LocalDiscord();
        MainProcess bot =
            MainProcess.start(
                dir,
                Map.of(
                    "DISCORD_TOKEN",
                    LocalDiscord.TOKEN,
                    "READINGROOM_DISCORD_REST_URL",
                    discord.restUrl(),
                    "READINGROOM_DISCORD_GATEWAY_URL",
                    discord.gatewayUrl(),
                    "READINGROOM_DISCORD_GUILD_ID",
                    discord.guildId,
                    "READINGROOM_METRICS_PORT",
                    "0"),
                "-c",
                config.toString())) {
      discord.await(
          call -> call.path().contains("/guilds/" + discord.guildId + "/commands"),
          Duration.ofSeconds(120));
      if (!acknowledgementDelay.isZero()) {
        discord.answerCallbacksLate(1, acknowledgementDelay);
      }
      LocalDiscord.Sent ask =
          discord.slash("ask", Map.of("question", "when did the soviets invade afghanistan?"));
      discord.callbackOf(ask);

      bot.terminate();
      int code = bot.waitFor(Duration.ofSeconds(30));

      LocalDiscord.Call edit;
      try {
        edit = discord.editOf(ask);
      } catch (AssertionError e) {
        throw new AssertionError(
            "no answer after SIGTERM (exit " + code + "); stderr:\n" + bot.err(), e);
      }
      assertThat(edit.body().toString()).contains("1979");
      assertThat(code).as("exit code; stderr:%n%s", bot.err()).isZero();
      assertThat(bot.err()).contains("Stopping: finishing the answers in flight");
      // The last connection to close folds the write-ahead log into the file and deletes it.
      assertThat(dir.resolve("data/state.db")).exists();
      assertThat(Files.exists(dir.resolve("data/state.db-wal"))).isFalse();
    }
  }

  private static DiscordSettings settings(String rest) {
    return new DiscordSettings(
        rest,
        "ws://127.0.0.1:9/",
        0,
        true,
        1,
        1000,
        Duration.ofSeconds(5),
        DiscordSettings.Shards.ONE);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
