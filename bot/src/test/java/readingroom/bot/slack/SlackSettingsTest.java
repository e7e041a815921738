package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.cli.Platforms;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.Settings;
import readingroom.bot.config.SettingsException;
import readingroom.bot.platform.ChatPlatform;
import readingroom.bot.testing.SharedEngine;

class SlackSettingsTest {

  @TempDir Path folder;

  @Test
  void defaultsAreSocketModeAgainstTheRealApiWithAnswersForTheChannel() {
    SlackSettings slack = SlackSettings.from(Settings.load(null));

    assertThat(slack)
        .isEqualTo(
            new SlackSettings(
                SlackSettings.Mode.SOCKET,
                3000,
                "/slack/events",
                "https://slack.com/api/",
                false,
                List.of()));
  }

  @Test
  void aUserFileOverridesEachKey() throws Exception {
    SlackSettings slack =
        SlackSettings.from(
            settings(
                """
                readingroom.slack {
                  mode = HTTP
                  http { port = 8080, path = "/hooks/slack" }
                  api-url = "http://127.0.0.1:9000/api"
                  private-answers = true
                  admins = "U0123ABCD, W0456EFGH"
                }
                """));

    assertThat(slack)
        .isEqualTo(
            new SlackSettings(
                SlackSettings.Mode.HTTP,
                8080,
                "/hooks/slack",
                "http://127.0.0.1:9000/api/",
                true,
                List.of("U0123ABCD", "W0456EFGH")));
  }

  @Test
  void httpModeListensOnLoopbackUnlessAnAddressIsSet() throws Exception {
    assertThat(SlackSettings.from(Settings.load(null)).httpHost()).isEqualTo("127.0.0.1");
    assertThat(
            SlackSettings.from(settings("readingroom.slack.http.host = \"0.0.0.0\"\n")).httpHost())
        .isEqualTo("0.0.0.0");
  }

  @Test
  void aWrongValueIsNamedWithItsKeyFileAndValue() throws Exception {
    Settings settings = settings("readingroom.slack.mode = websocket\n");

    assertThatThrownBy(() -> SlackSettings.from(settings))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.slack.mode")
        .hasMessageContaining("user.conf")
        .hasMessageContaining("\"socket\" or \"http\"")
        .hasMessageContaining("websocket");
  }

  @Test
  void adminsMustBeSlackUserIds() throws Exception {
    Settings settings = settings("readingroom.slack.admins = [\"@alice\"]\n");

    assertThatThrownBy(() -> SlackSettings.from(settings))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.slack.admins")
        .hasMessageContaining("'@alice' is not one");
  }

  @Test
  void slackIsServedOnlyWhenItsTokensAreSet() {
    Settings settings = Settings.load(null);
    ChatCommands commands = new ChatCommands(SharedEngine.get(), 3);

    List<ChatPlatform> none = Platforms.configured(settings, new Secrets(Map.of()), commands);
    List<ChatPlatform> socket =
        Platforms.configured(
            settings,
            new Secrets(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")),
            commands);

    assertThat(none).isEmpty();
    assertThat(socket).singleElement().isInstanceOf(SlackPlatform.class);
    assertThat(socket.get(0).name()).isEqualTo("Slack (Socket Mode)");
  }

  @Test
  void aBotTokenWithoutTheModesSecondSecretFailsNamingIt() throws Exception {
    Secrets botOnly = new Secrets(Map.of("SLACK_BOT_TOKEN", "xoxb-secret"));
    ChatCommands commands = new ChatCommands(SharedEngine.get(), 3);
    Settings http = settings("readingroom.slack.mode = http\n");

    assertThatThrownBy(() -> Platforms.configured(Settings.load(null), botOnly, commands))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("SLACK_APP_TOKEN")
        .hasMessageNotContaining("xoxb-secret");
    assertThatThrownBy(() -> Platforms.configured(http, botOnly, commands))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("SLACK_SIGNING_SECRET");
  }

  private Settings settings(String conf) throws Exception {
    Path file = folder.resolve("user.conf");
    Files.writeString(file, conf);
    return Settings.load(file);
  }
}
