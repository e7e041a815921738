package readingroom.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.RateLimiter.Limit;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.DatabaseLocation;
import readingroom.index.model.VectorFormat;

class ServingSettingsTest {

  @TempDir Path dir;

  private Settings load(String conf) throws Exception {
    Path file = dir.resolve("my.conf");
    Files.writeString(file, conf);
    return Settings.load(file);
  }

  @Test
  void theCommentedDefaultsSuitAClassroom() throws Exception {
    ServingSettings serving = load("").serving();
    assertThat(serving.database()).isEqualTo(DatabaseLocation.file(Path.of("data/state.db")));
    assertThat(serving.defaults().visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(serving.defaults().maxQuotes()).isEqualTo(3);
    assertThat(serving.cacheSpec()).isEqualTo("maximumSize=10000,expireAfterWrite=6h");
    assertThat(serving.userLimit()).isEqualTo(new Limit(5, Duration.ofMinutes(1)));
    assertThat(serving.channelLimit()).isEqualTo(new Limit(40, Duration.ofMinutes(1)));
    assertThat(serving.questionLog()).isTrue();
    assertThat(serving.logRetention()).isEqualTo(Duration.ofDays(90));
    assertThat(serving.metrics())
        .isEqualTo(new ServingSettings.Metrics(true, "127.0.0.1", 9464, false));
  }

  @Test
  void theDatabaseLivesInTheDataFolderUnlessPlacedElsewhere() throws Exception {
    assertThat(load("readingroom.data = \"/srv/rr\"").serving().database())
        .isEqualTo(DatabaseLocation.file(Path.of("/srv/rr/state.db")));
    assertThat(load("readingroom.state.database = \"/var/lib/rr.db\"").serving().database())
        .isEqualTo(DatabaseLocation.file(Path.of("/var/lib/rr.db")));
  }

  @Test
  void aPostgresqlUrlSelectsTheSharedServerAndAPasswordInItIsRefused() throws Exception {
    String url = "jdbc:postgresql://db:5432/readingroom?user=readingroom";
    assertThat(load("readingroom.state.database = \"" + url + "\"").serving().database())
        .isEqualTo(new DatabaseLocation(null, url));
    assertThatThrownBy(() -> load("readingroom.state.database = \"" + url + "&password=hunter2\""))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("Setting readingroom.state.database (set in ")
        .hasMessageContaining("READINGROOM_DB_PASSWORD")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> load("readingroom.state.database = \"jdbc:mysql://db/rr\""))
        .hasMessageContaining("other databases are not supported");
  }

  @Test
  void aUserFileOverridesEachKey() throws Exception {
    ServingSettings serving =
        load("""
        readingroom {
          answers { max-quotes = 2, visibility = private }
          cache.spec = "maximumSize=50,expireAfterAccess=10m"
          limits { user-questions = 0, channel-questions = 10, channel-period = 30 seconds }
          question-log { enabled = false, retention = 7 days }
          metrics { port = 0, host = "0.0.0.0", in-console = true }
        }
        """)
            .serving();
    assertThat(serving.defaults().visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(serving.defaults().maxQuotes()).isEqualTo(2);
    assertThat(serving.userLimit().unlimited()).isTrue();
    assertThat(serving.channelLimit()).isEqualTo(new Limit(10, Duration.ofSeconds(30)));
    assertThat(serving.questionLog()).isFalse();
    assertThat(serving.logRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(serving.metrics()).isEqualTo(new ServingSettings.Metrics(true, "0.0.0.0", 0, true));
  }

  @Test
  void vectorsAreStoredAsInt8UnlessConfiguredOtherwise() throws Exception {
    assertThat(load("").vectorFormat()).isEqualTo(VectorFormat.INT8);
    assertThat(load("readingroom.search.vector-format = BINARY").vectorFormat())
        .isEqualTo(VectorFormat.BINARY);
    assertThatThrownBy(() -> load("readingroom.search.vector-format = int3"))
        .hasMessageContaining("readingroom.search.vector-format")
        .hasMessageContaining("int3")
        .hasMessageContaining("must be one of float32, int8, int4, binary");
  }

  @Test
  void aWrongValueNamesTheKeyTheFileAndWhatIsWanted() {
    assertThatThrownBy(() -> load("readingroom.cache.spec = \"maximumSize=lots\""))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("Setting readingroom.cache.spec (set in")
        .hasMessageContaining("my.conf")
        .hasMessageContaining("is not a usable Caffeine specification");
    assertThatThrownBy(() -> load("readingroom.answers.visibility = secret"))
        .hasMessageContaining("readingroom.answers.visibility")
        .hasMessageContaining("must be public or private");
    assertThatThrownBy(() -> load("readingroom.question-log.retention = 0 days"))
        .hasMessageContaining("readingroom.question-log.retention")
        .hasMessageContaining("must be longer than zero");
    assertThatThrownBy(() -> load("readingroom.limits.user-period = soon"))
        .hasMessageContaining("must be a duration");
    assertThatThrownBy(() -> load("readingroom.metrics.port = 70000"))
        .hasMessageContaining("readingroom.metrics.port")
        .hasMessageContaining("must be from 0 to 65535");
  }
}
