package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.SettingsException;
import readingroom.bot.testing.SharedEngine;

/** Start-up asks Slack about the tokens and stops with one clear line when one is refused. */
class SlackStartupTest {

  private SlackApiStandIn api;

  @BeforeEach
  void startStandIn() throws Exception {
    api = new SlackApiStandIn();
  }

  @AfterEach
  void stopStandIn() {
    api.close();
  }

  @Test
  void aRefusedBotTokenStopsStartUpNamingTheSecretButNotItsValue() {
    SlackPlatform slack = platform(SlackSettings.Mode.HTTP, SlackApiStandIn.REFUSED_TOKEN, null);
    try (slack) {
      assertThatThrownBy(slack::start)
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("SLACK_BOT_TOKEN")
          .hasMessageContaining("invalid_auth")
          .hasMessageNotContaining(SlackApiStandIn.REFUSED_TOKEN);
    }
  }

  @Test
  void aBotTokenGivenAsTheAppTokenIsRefusedForSocketMode() {
    SlackPlatform slack = platform(SlackSettings.Mode.SOCKET, "xoxb-good", "xoxb-not-app");
    try (slack) {
      assertThatThrownBy(slack::start)
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("SLACK_APP_TOKEN")
          .hasMessageContaining("not_allowed_token_type")
          .hasMessageNotContaining("xoxb-not-app");
    }
  }

  @Test
  void aPortInUseStopsHttpModeNamingTheSetting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0);
        SlackPlatform slack =
            platform(SlackSettings.Mode.HTTP, "xoxb-good", null, taken.getLocalPort())) {
      assertThatThrownBy(slack::start)
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("READINGROOM_SLACK_PORT");
    }
  }

  private SlackPlatform platform(SlackSettings.Mode mode, String botToken, String appToken) {
    return platform(mode, botToken, appToken, 0);
  }

  private SlackPlatform platform(
      SlackSettings.Mode mode, String botToken, String appToken, int port) {
    return new SlackPlatform(
        new SlackSettings(mode, port, "/slack/events", api.url(), false, List.of()),
        botToken,
        appToken,
        mode == SlackSettings.Mode.HTTP ? "secret" : null,
        new ChatCommands(SharedEngine.get(), 3),
        new RecordingFeedback(),
        duration -> {},
        1);
  }
}
