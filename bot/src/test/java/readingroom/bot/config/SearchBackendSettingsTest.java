package readingroom.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.model.OpenSearchConnection;

/** {@code search.backend} and {@code search.opensearch.*}: the embedded index unless told. */
class SearchBackendSettingsTest {

  @TempDir Path dir;

  private Settings load(String conf, Map<String, String> environment) throws Exception {
    Path file = dir.resolve("mine.conf");
    Files.writeString(file, conf);
    return Settings.load(file, environment);
  }

  @Test
  void theEmbeddedIndexIsTheDefault() throws Exception {
    assertThat(load("", Map.of()).openSearch(new Secrets(Map.of()))).isNull();
  }

  @Test
  void openSearchTakesItsAddressFromTheFileAndItsCredentialsFromTheEnvironment() throws Exception {
    Settings settings =
        load(
            "readingroom.search { backend = opensearch, opensearch.index = archive }\n",
            Map.of("READINGROOM_OPENSEARCH_URL", "https://search.example:9200"));
    OpenSearchConnection connection =
        settings.openSearch(
            new Secrets(
                Map.of(Secrets.OPENSEARCH_USER, "bot", Secrets.OPENSEARCH_PASSWORD, "s3cret")));
    assertThat(connection.url()).isEqualTo(URI.create("https://search.example:9200"));
    assertThat(connection.index()).isEqualTo("archive");
    assertThat(connection.username()).isEqualTo("bot");
    assertThat(connection.shards()).isEqualTo(1);
    assertThat(connection.toString()).doesNotContain("s3cret");
  }

  @Test
  void anUnknownBackendIsNamedWithTheChoices() {
    assertThatThrownBy(() -> load("readingroom.search.backend = elastic\n", Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.search.backend")
        .hasMessageContaining("\"opensearch\"")
        .hasMessageContaining("elastic");
  }

  @Test
  void aUserWithoutAPasswordIsRefusedWithoutShowingEither() throws Exception {
    Settings settings = load("readingroom.search.backend = opensearch\n", Map.of());
    assertThatThrownBy(
            () -> settings.openSearch(new Secrets(Map.of(Secrets.OPENSEARCH_USER, "bot"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(Secrets.OPENSEARCH_PASSWORD)
        .hasMessageNotContaining("bot\"");
  }

  @Test
  void anAddressThatIsNotHttpIsRefused() {
    assertThatThrownBy(() ->
            load(
                "readingroom.search { backend = opensearch, opensearch.url = \"localhost\" }\n",
                Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("readingroom.search.opensearch.url");
  }
}
