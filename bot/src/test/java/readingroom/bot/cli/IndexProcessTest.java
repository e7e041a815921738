package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;
import readingroom.bot.testing.MainProcess;

/** {@code readingroom index} with its output in a pipe, as in a CI log or a cron mail. */
class IndexProcessTest {

  @TempDir Path dir;

  @Test
  void outsideATerminalThereIsNoProgressBarOnlyTheSummary() throws Exception {
    Path config = TestConfig.write(dir, "");
    try (MainProcess index = MainProcess.start(dir, Map.of(), "-c", config.toString(), "index")) {
      int code = index.waitFor(Duration.ofSeconds(180));

      assertThat(code).as("stderr: %s", index.err()).isZero();
      assertThat(index.out()).contains("Index version 1: 5 added");
      assertThat(index.err()).as("no redrawn progress frames").doesNotContain("Indexing");
    }
  }
}
