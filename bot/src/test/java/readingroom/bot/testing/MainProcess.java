package readingroom.bot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code readingroom} run as a separate process, as a user or Docker runs it, on this test run's
 * class path: for what only a real process shows (exit codes, signals, start-up time). The
 * environment is this one's without any chat token or {@code READINGROOM_} variable, plus {@code
 * env}.
 */
public final class MainProcess implements AutoCloseable {

  private final Process process;
  private final Path out;
  private final Path err;
  private final long startedNanos = System.nanoTime();

  private MainProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  public static MainProcess start(Path workDir, Map<String, String> env, String... args)
      throws IOException {
    return start(workDir, env, true, args);
  }

  /**
   * Starts the console chat as {@code ./readingroom} does: without the vector module, whose JVM
   * warning would otherwise be printed on the chat's terminal.
   */
  public static MainProcess startConsoleChat(Path workDir, Map<String, String> env, String... args)
      throws IOException {
    return start(workDir, env, false, args);
  }

  private static MainProcess start(
      Path workDir, Map<String, String> env, boolean vectorModule, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    if (vectorModule) {
      command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "readingroom.bot.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k ->
            k.startsWith("DISCORD_") || k.startsWith("SLACK_") || k.startsWith("READINGROOM_"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new MainProcess(builder.start(), out, err);
  }

  /** Waits for the process to end and returns its exit code. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "readingroom did not exit within " + timeout + "; stderr so far:\n" + err());
    }
    return process.exitValue();
  }

  /** Writes {@code text} to the process's standard input and closes it, as a pipe does. */
  public void type(String text) throws IOException {
    try (var in = process.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Sends SIGTERM, as {@code docker stop} and systemd do. */
  public void terminate() {
    process.destroy();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Time since start. */
  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  public String out() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  public String err() {
    try {
      return Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
