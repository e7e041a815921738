package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import readingroom.bot.config.SettingsException;

class DiscordSettingsTest {

  /** The bundled default file, under a user's overrides. */
  private static DiscordSettings load(String overrides) {
    Config defaults = ConfigFactory.parseResources("readingroom.conf");
    Config config = ConfigFactory.parseString(overrides).withFallback(defaults).resolve();
    return DiscordSettings.from(config.getConfig("readingroom"));
  }

  @Test
  void theDefaultsPointAtDiscordItselfAndRegisterCommandsGlobally() {
    DiscordSettings settings = load("");
    assertThat(settings.restUrl()).isEqualTo("https://discord.com/api/v10/");
    assertThat(settings.gatewayUrl()).isEqualTo("wss://gateway.discord.gg/");
    assertThat(settings.registersInGuild()).isFalse();
    assertThat(settings.mentionThreads()).isTrue();
    assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aLocalDiscordAndAServerCanBeConfigured() {
    DiscordSettings settings =
        load(
            "readingroom.discord { rest-url = \"http://127.0.0.1:8080/api/v10\","
                + " gateway-url = \"ws://127.0.0.1:8081/\", guild-id = \"1234567890123456789\" }");
    assertThat(settings.restUrl()).isEqualTo("http://127.0.0.1:8080/api/v10/");
    assertThat(settings.guildId()).isEqualTo(1234567890123456789L);
    assertThat(settings.registersInGuild()).isTrue();
  }

  @Test
  void aWrongValueIsNamedWithItsKeyAndWhatWasSeen() {
    assertThatThrownBy(() -> load("readingroom.discord.guild-id = \"my server\""))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.discord.guild-id")
        .hasMessageContaining("my server");
    assertThatThrownBy(() -> load("readingroom.discord.gateway-url = \"https://gateway\""))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.discord.gateway-url")
        .hasMessageContaining("ws://");
    assertThatThrownBy(() -> load("readingroom.discord.workers = 0"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.discord.workers");
    assertThatThrownBy(() -> load("readingroom.discord.start-timeout = soon"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.discord.start-timeout");
  }
}
