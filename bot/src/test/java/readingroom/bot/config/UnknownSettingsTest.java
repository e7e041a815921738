package readingroom.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownSettingsTest {

  @TempDir Path dir;

  private Path file(String conf) throws Exception {
    Path file = dir.resolve("mine.conf");
    Files.writeString(file, conf);
    return file;
  }

  @Test
  void aMisspelledKeyIsRefusedWithItsFileAndTheClosestKnownKey() throws Exception {
    Path file = file("readingroom {\n  answers.max-quote = 2\n}\n");

    assertThatThrownBy(() -> Settings.load(file, Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("Unknown setting readingroom.answers.max-quote")
        .hasMessageContaining("mine.conf")
        .hasMessageContaining("closest known setting is readingroom.answers.max-quotes")
        .hasMessageContaining("config/readingroom.conf");
  }

  @Test
  void everyUnknownKeyIsNamedAtOnceEvenOutsideTheRoot() throws Exception {
    Path file = file("readingroom.slack.http.prot = 8080\nreadingrom.corpus = \"x\"\n");

    assertThatThrownBy(() -> Settings.load(file, Map.of()))
        .hasMessageContaining("readingroom.slack.http.prot")
        .hasMessageContaining("closest known setting is readingroom.slack.http.port")
        .hasMessageContaining("Unknown setting readingrom.corpus")
        .hasMessageContaining("closest known setting is readingroom.corpus");
  }

  @Test
  void knownKeysAreAcceptedWhateverTheirSection() throws Exception {
    Path file =
        file(
            "readingroom { answers.max-quotes = 2, slack.http.host = \"0.0.0.0\","
                + " discord.workers = 2, cleaning.extra-drop-patterns = [\"^Ad$\"] }\n");

    assertThat(Settings.load(file, Map.of()).maxQuotes()).isEqualTo(2);
  }

  @Test
  void aWrongValueFromTheEnvironmentNamesTheVariable() {
    assertThatThrownBy(() -> Settings.load(null, Map.of("READINGROOM_MAX_QUOTES", "lots")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.answers.max-quotes")
        .hasMessageContaining("environment variable READINGROOM_MAX_QUOTES")
        .hasMessageContaining("lots");
  }

  @Test
  void theGivenEnvironmentIsTheOneRead() throws Exception {
    Path file = file("readingroom.answers.max-quotes = 1\n");

    assertThat(Settings.load(null, Map.of("READINGROOM_MAX_QUOTES", "2")).maxQuotes()).isEqualTo(2);
    assertThat(Settings.load(null, Map.of("READINGROOM_CONFIG", file.toString())).maxQuotes())
        .isEqualTo(1);
  }

  @Test
  void closestKeyIsByEditDistance() {
    assertThat(UnknownKeys.distance("max-quote", "max-quotes")).isEqualTo(1);
    assertThat(UnknownKeys.distance("kitten", "sitting")).isEqualTo(3);
  }
}
