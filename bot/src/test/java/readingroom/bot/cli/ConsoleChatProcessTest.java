package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;
import readingroom.bot.testing.MainProcess;

/**
 * The console chat as a user starts it, with questions piped in: the terminal shows the chat and
 * nothing else (no log line, no JVM or Lucene warning); the log goes to the data folder's file.
 */
class ConsoleChatProcessTest {

  private static final Pattern LOG_LINE =
      Pattern.compile("(?m)^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} |\\b(INFO|WARN|WARNING|ERROR)\\b");

  @TempDir Path dir;

  @Test
  void theTerminalShowsOnlyTheChatAndTheLogGoesToTheDataFolder() throws Exception {
    Path config = TestConfig.write(dir, "");
    try (MainProcess chat =
        MainProcess.startConsoleChat(dir, Map.of(), "-c", config.toString(), "chat", "--console")) {
      chat.type("who is zamir kabulov?\n/quit\n");
      int code = chat.waitFor(Duration.ofSeconds(180));

      assertThat(code).as("stderr: %s", chat.err()).isZero();
      assertThat(chat.err()).as("nothing but the chat on the terminal").isEmpty();
      String out = chat.out();
      assertThat(out).startsWith("Reading Room: ask a question").contains("Kabulov");
      assertThat(LOG_LINE.matcher(out).find()).as("a log line in:%n%s", out).isFalse();
      Path log = dir.resolve("data").resolve(Logging.FILE_NAME);
      assertThat(log).exists();
      // Lucene's java.util.logging warning about the vector module arrives through SLF4J.
      assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("vector");
    }
  }
}
