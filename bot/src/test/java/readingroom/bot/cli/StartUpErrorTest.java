package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.testing.MainProcess;

/** A broken state database stops {@code readingroom} before it indexes, with one clear line. */
class StartUpErrorTest {

  @TempDir Path dir;

  @Test
  void aDamagedStateDatabaseStopsTheBotWithAMessageAndExitCode2() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("state.db"), "not a database at all\n".repeat(100));
    Path conf = dir.resolve("test.conf");
    Files.writeString(
        conf,
        "readingroom.data = \""
            + data.toString().replace("\\", "/")
            + "\"\nreadingroom.corpus = \""
            + dir.resolve("no-corpus").toString().replace("\\", "/")
            + "\"\n");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int code;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      code = Main.run("-c", conf.toString(), "chat", "--console");
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "readingroom: The state database "
                + data.resolve("state.db").toAbsolutePath()
                + " is damaged or is not a SQLite database");
    assertThat(data.resolve("index")).doesNotExist();
  }

  @Test
  void aDamagedConfidenceModelStopsTheStartNamingIt() throws Exception {
    Path model = Files.writeString(dir.resolve("model.json"), "{\"format\": \"readingroom-conf");
    Path conf =
        Files.writeString(
            dir.resolve("test.conf"),
            "readingroom.data = \""
                + dir.resolve("data").toString().replace("\\", "/")
                + "\"\nreadingroom.confidence.model = \""
                + model.toString().replace("\\", "/")
                + "\"\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int code;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      code = Main.run("-c", conf.toString(), "ask", "what is the moscow format?");
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("readingroom: The confidence model " + model.toString().replace("\\", "/"));
  }

  /**
   * The embedding model starts loading as the process starts: a command that fails at once on a bad
   * setting still exits with its own code and message, not a crash inside ONNX Runtime as the
   * process tears the half-built session down.
   */
  @Test
  void aCommandThatFailsWhileTheModelLoadsExitsWithItsOwnCode() throws Exception {
    Path conf = dir.resolve("bad.conf");
    Files.writeString(conf, "readingroom { nonsense-key = 1 }\n");
    for (int i = 0; i < 3; i++) {
      MainProcess bad =
          MainProcess.start(dir, Map.of(), "-c", conf.toString(), "ask", "who is kabulov?");
      int code = bad.waitFor(Duration.ofSeconds(60));

      assertThat(code).as("exit code; stderr:%n%s", bad.err()).isEqualTo(2);
      assertThat(bad.err())
          .contains("Unknown setting readingroom.nonsense-key")
          .doesNotContain("SIGSEGV");
    }
  }
}
