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

  @Test
  void theInstallFlowIsOffByDefaultAndOnWithAClientIdInHttpMode() throws Exception {
    assertThat(SlackSettings.from(Settings.load(null)).oauth()).isEqualTo(SlackSettings.OAuth.OFF);

    SlackSettings.OAuth oauth =
        SlackSettings.from(
                settings(
                    """
                    readingroom.slack {
                      mode = http
                      oauth {
                        client-id = "1111.2222"
                        redirect-uri = "https://bot.example.org/slack/oauth_redirect"
                      }
                    }
                    """))
            .oauth();

    assertThat(oauth.enabled()).isTrue();
    assertThat(oauth.clientId()).isEqualTo("1111.2222");
    assertThat(oauth.scopes().split(",")).contains("commands", "chat:write", "app_mentions:read");
    assertThat(oauth.installPath()).isEqualTo("/slack/install");
    assertThat(oauth.redirectPath()).isEqualTo("/slack/oauth_redirect");
  }

  @Test
  void theInstallFlowInSocketModeOrWithAStrayRedirectIsRefusedNamingTheKey() {
    assertThatThrownBy(() ->
            SlackSettings.from(settings("readingroom.slack.oauth.client-id = \"1111.2222\"\n")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.slack.mode")
        .hasMessageContaining("must be \"http\"");
    assertThatThrownBy(() ->
            SlackSettings.from(
                settings(
                    """
                    readingroom.slack {
                      mode = http
                      oauth {
                        client-id = "1111.2222"
                        redirect-uri = "https://bot.example.org/elsewhere"
                      }
                    }
                    """)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.slack.oauth.redirect-uri")
        .hasMessageContaining("/slack/oauth_redirect");
  }

  @Test
  void theInstallFlowsSecretsAreCheckedAtStartUpNamingTheVariableNeverItsValue() throws Exception {
    Settings oauth =
        settings("readingroom.slack { mode = http, oauth.client-id = \"1111.2222\" }\n");
    String goodKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    Map<String, String> all =
        Map.of(
            "SLACK_CLIENT_SECRET", "client-secret-value",
            "SLACK_SIGNING_SECRET", "signing-secret-value",
            "READINGROOM_SLACK_TOKEN_KEY", goodKey);

    assertThat(Platforms.anyConfigured(oauth, new Secrets(all))).isTrue();
    Platforms.checkCredentials(oauth, new Secrets(all));

    assertThatThrownBy(() ->
            Platforms.checkCredentials(
                oauth, new Secrets(without(all, "READINGROOM_SLACK_TOKEN_KEY"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("READINGROOM_SLACK_TOKEN_KEY")
        .hasMessageContaining("openssl rand -base64 32");
    for (String bad : List.of("not base64 at all!", "c2hvcnQta2V5")) {
      Map<String, String> wrong = new java.util.HashMap<>(all);
      wrong.put("READINGROOM_SLACK_TOKEN_KEY", bad);
      assertThatThrownBy(() -> Platforms.checkCredentials(oauth, new Secrets(wrong)))
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("READINGROOM_SLACK_TOKEN_KEY")
          .hasMessageNotContaining(bad);
    }
    assertThatThrownBy(() ->
            Platforms.checkCredentials(oauth, new Secrets(without(all, "SLACK_CLIENT_SECRET"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("SLACK_CLIENT_SECRET");
    assertThatThrownBy(() ->
            Platforms.checkCredentials(oauth, new Secrets(without(all, "SLACK_SIGNING_SECRET"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("SLACK_SIGNING_SECRET");
    Map<String, String> both = new java.util.HashMap<>(all);
    both.put("SLACK_BOT_TOKEN", "xoxb-one-workspace");
    assertThatThrownBy(() -> Platforms.checkCredentials(oauth, new Secrets(both)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("SLACK_BOT_TOKEN")
        .hasMessageContaining("oauth.client-id")
        .hasMessageNotContaining("xoxb-one-workspace");
  }

  private static Map<String, String> without(Map<String, String> all, String name) {
    Map<String, String> fewer = new java.util.HashMap<>(all);
    fewer.remove(name);
    return fewer;
  }

  private Settings settings(String conf) throws Exception {
    Path file = folder.resolve("user.conf");
    Files.writeString(file, conf);
    return Settings.load(file);
  }
}
