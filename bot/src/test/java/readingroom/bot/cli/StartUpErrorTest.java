package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
