package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.SettingsException;
import readingroom.bot.testing.MainProcess;

/**
 * Slack's tokens are checked before the engine loads, and a Slack that cannot be reached is
 * reported as such, never as a refused token.
 */
class SlackTokenCheckTest {

  @TempDir Path dir;

  @Test
  void aRefusedBotTokenIsNamedWithSlacksReason() throws Exception {
    try (SlackApiStandIn api = new SlackApiStandIn()) {
      assertThatThrownBy(() ->
              SlackTokenCheck.check(
                  settings(SlackSettings.Mode.HTTP, api.url()),
                  secrets(SlackApiStandIn.REFUSED_TOKEN, null, "secret")))
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("Slack refused SLACK_BOT_TOKEN (invalid_auth)")
          .hasMessageNotContaining(SlackApiStandIn.REFUSED_TOKEN);
      assertThat(api.calls("auth.test")).hasSize(1);
    }
  }

  @Test
  void socketModeChecksTheAppTokenToo() throws Exception {
    try (SlackApiStandIn api = new SlackApiStandIn()) {
      assertThatThrownBy(() ->
              SlackTokenCheck.check(
                  settings(SlackSettings.Mode.SOCKET, api.url()),
                  secrets("xoxb-good", "xoxb-not-app", null)))
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("Slack refused SLACK_APP_TOKEN")
          .hasMessageContaining("not_allowed_token_type")
          .hasMessageNotContaining("xoxb-not-app");
      SlackTokenCheck.check(
          settings(SlackSettings.Mode.HTTP, api.url()), secrets("xoxb-good", null, "secret"));
    }
  }

  @Test
  void anUnreachableSlackIsNotCalledARefusedToken() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/api/";

    assertThatThrownBy(() ->
            SlackTokenCheck.check(
                settings(SlackSettings.Mode.HTTP, url), secrets("xoxb-good", null, "secret")))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("Cannot reach Slack at " + url)
        .hasMessageContaining("ConnectException")
        .hasMessageNotContaining("refused SLACK_BOT_TOKEN");
  }

  @Test
  void theProcessReportsAnUnreachableSlackBeforeLoadingTheEngine() throws Exception {
    Path config = TestConfig.write(dir, "");
    String url = "http://127.0.0.1:" + closedPort() + "/api/";
    try (MainProcess bot =
        MainProcess.start(
            dir,
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-good",
                "SLACK_SIGNING_SECRET", "secret",
                "READINGROOM_SLACK_MODE", "http",
                "READINGROOM_SLACK_API_URL", url),
            "-c",
            config.toString())) {
      int code = bot.waitFor(Duration.ofSeconds(60));

      assertThat(code).isEqualTo(2);
      assertThat(bot.err())
          .contains("Cannot reach Slack at " + url)
          .doesNotContain("refused SLACK_BOT_TOKEN");
      assertThat(dir.resolve("data/index")).as("the engine never started").doesNotExist();
    }
  }

  @Test
  void theProcessWithTheInstallFlowAndABadTokenKeyStopsNamingTheVariableNotItsValue()
      throws Exception {
    Path config = TestConfig.write(dir, "");
    String badKey = "c2hvcnQta2V5LW5vdC0zMi1ieXRlcw==";
    try (MainProcess bot =
        MainProcess.start(
            dir,
            Map.of(
                "READINGROOM_SLACK_CLIENT_ID", "1111.2222",
                "READINGROOM_SLACK_MODE", "http",
                "SLACK_CLIENT_SECRET", "client-secret",
                "SLACK_SIGNING_SECRET", "secret",
                "READINGROOM_SLACK_TOKEN_KEY", badKey),
            "-c",
            config.toString())) {
      int code = bot.waitFor(Duration.ofSeconds(60));

      assertThat(code).isEqualTo(2);
      assertThat(bot.err())
          .contains("READINGROOM_SLACK_TOKEN_KEY must be 32 bytes")
          .doesNotContain(badKey);
      assertThat(dir.resolve("data/index")).as("the engine never started").doesNotExist();
    }
  }

  private static SlackSettings settings(SlackSettings.Mode mode, String url) {
    return new SlackSettings(mode, 0, "/slack/events", url, false, List.of());
  }

  private static Secrets secrets(String bot, String app, String signing) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put(Secrets.SLACK_BOT_TOKEN, bot);
    if (app != null) {
      env.put(Secrets.SLACK_APP_TOKEN, app);
    }
    if (signing != null) {
      env.put(Secrets.SLACK_SIGNING_SECRET, signing);
    }
    return new Secrets(env);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
