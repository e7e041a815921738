package readingroom.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers, last wins: the bundled defaults, then the user's file, then environment variables. */
class ConfigPrecedenceTest {

  @TempDir Path dir;

  private Path file(String conf) throws Exception {
    Path file = dir.resolve("mine.conf");
    Files.writeString(file, conf);
    return file;
  }

  @Test
  void anEnvironmentVariableOverridesTheUserFile() throws Exception {
    Path file = file("readingroom { answers.max-quotes = 1 }\n");

    Settings settings = Settings.load(file, Map.of("READINGROOM_MAX_QUOTES", "3"));

    assertThat(settings.maxQuotes()).isEqualTo(3);
  }

  @Test
  void theUserFileStillOverridesTheDefaultsWhereNoVariableIsSet() throws Exception {
    Path file = file("readingroom.answers.max-quotes = 1\n");

    assertThat(Settings.load(file, Map.of()).maxQuotes()).isEqualTo(1);
    assertThat(Settings.load(file, Map.of("READINGROOM_MAX_QUOTES", "2")).maxQuotes()).isEqualTo(2);
  }

  @Test
  void aWrongEnvironmentValueOverAUserValueStillNamesTheVariable() throws Exception {
    Path file = file("readingroom.answers.max-quotes = 2\n");

    assertThatThrownBy(() -> Settings.load(file, Map.of("READINGROOM_MAX_QUOTES", "9")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("environment variable READINGROOM_MAX_QUOTES")
        .hasMessageContaining("9");
  }
}
