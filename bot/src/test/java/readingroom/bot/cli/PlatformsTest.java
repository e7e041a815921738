package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.Settings;
import readingroom.bot.platform.ChatPlatform;
import readingroom.bot.testing.SharedEngine;

class PlatformsTest {

  private final Settings settings = Settings.load(null);
  private final ChatCommands commands = new ChatCommands(SharedEngine.get(), 3);

  @Test
  void discordIsServedWhenItsTokenIsSet() {
    var platforms =
        Platforms.configured(settings, new Secrets(Map.of("DISCORD_TOKEN", "abc.def")), commands);
    assertThat(platforms).extracting(ChatPlatform::name).containsExactly("Discord");
  }

  @Test
  void noTokenMeansNoPlatform() {
    assertThat(Platforms.configured(settings, new Secrets(Map.of()), commands)).isEmpty();
  }
}
