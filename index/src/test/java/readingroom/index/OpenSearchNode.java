package readingroom.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real single-node OpenSearch for tests: the distribution and the k-NN plugin that the build
 * copied from Maven Central into {@code target/opensearch}, unpacked into a temporary folder and
 * started on loopback with a small heap, no security plugin and free ports, on the JDK running the
 * tests. OpenSearch refuses to run as root, so under root it runs as an unprivileged user ({@value
 * #USER}, created if missing, else {@code nobody}). {@link #close} stops it and deletes every file
 * it made.
 */
final class OpenSearchNode implements AutoCloseable {

  static final String USER = "readingroom-search";
  private static final Duration STARTUP = Duration.ofMinutes(4);

  private final Path home;
  private final Process launcher;
  private final Path pidFile;
  private final URI url;
  private final Thread cleanupOnExit;

  private OpenSearchNode(Path home, Process launcher, Path pidFile, URI url) {
    this.home = home;
    this.launcher = launcher;
    this.pidFile = pidFile;
    this.url = url;
    this.cleanupOnExit = new Thread(this::stop, "opensearch-node-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  URI url() {
    return url;
  }

  static OpenSearchNode start() throws IOException, InterruptedException {
    Path artifacts = Path.of("target/opensearch").toAbsolutePath();
    Path distribution = artifacts.resolve("opensearch.zip");
    Path knn = artifacts.resolve("opensearch-knn.zip");
    if (!Files.exists(distribution) || !Files.exists(knn)) {
      throw new IllegalStateException(
          "The OpenSearch distribution is not in "
              + artifacts
              + ": the build's process-test-resources phase copies it there.");
    }
    Path home = Files.createTempDirectory("readingroom-opensearch-");
    Path root = home.resolve("node");
    unzip(distribution, root, 1);
    unzip(knn, root.resolve("plugins/opensearch-knn"), 0);
    try (Stream<Path> bin = Files.list(root.resolve("bin"))) {
      bin.forEach(file -> file.toFile().setExecutable(true, false));
    }
    int httpPort = freePort();
    int transportPort = freePort();
    Path pidFile = home.resolve("opensearch.pid");
    List<String> command = new ArrayList<>();
    boolean root0 = isRoot();
    if (root0) {
      String user = unprivilegedUser();
      run("chown", "-R", user, home.toString());
      command.addAll(List.of("runuser", "-u", user, "--"));
    }
    command.addAll(
        List.of(
            root.resolve("bin/opensearch").toString(),
            "-p",
            pidFile.toString(),
            "-E",
            "discovery.type=single-node",
            "-E",
            "network.host=127.0.0.1",
            "-E",
            "http.port=" + httpPort,
            "-E",
            "transport.port=" + transportPort,
            "-E",
            "path.data=" + home.resolve("data"),
            "-E",
            "path.logs=" + home.resolve("logs"),
            "-E",
            "cluster.routing.allocation.disk.threshold_enabled=false",
            "-E",
            "cluster.name=readingroom-test"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms256m -Xmx256m");
    builder.redirectErrorStream(true);
    builder.redirectOutput(home.resolve("console.log").toFile());
    Process launcher = builder.start();
    OpenSearchNode node =
        new OpenSearchNode(home, launcher, pidFile, URI.create("http://127.0.0.1:" + httpPort));
    try {
      node.awaitGreen();
    } catch (IOException | RuntimeException | InterruptedException e) {
      String log = node.consoleTail();
      node.close();
      throw new IllegalStateException("OpenSearch did not start:\n" + log, e);
    }
    return node;
  }

  private void awaitGreen() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!launcher.isAlive()) {
        throw new IllegalStateException("the node exited with " + launcher.exitValue());
      }
      try {
        HttpResponse<String> health =
            client.send(
                HttpRequest.newBuilder(
                        url.resolve("/_cluster/health?wait_for_status=yellow&timeout=5s"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("no answer within " + STARTUP);
  }

  String consoleTail() {
    try {
      List<String> lines = Files.readAllLines(home.resolve("console.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no console log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
  }

  private synchronized void stop() {
    try {
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(node -> stopProcess(node));
      }
      stopProcess(launcher.toHandle());
      deleteTree(home);
    } catch (IOException | RuntimeException e) {
      System.err.println("Cleaning up the OpenSearch node in " + home + " failed: " + e);
    }
  }

  private static void stopProcess(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    return "0".equals(output("id", "-u"));
  }

  /** The dedicated user, created if it can be; else {@code nobody}, which every Linux has. */
  private static String unprivilegedUser() throws IOException, InterruptedException {
    if (exitCode("id", "-u", USER) == 0) {
      return USER;
    }
    if (exitCode("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER)
        == 0) {
      return USER;
    }
    return "nobody";
  }

  private static void run(String... command) throws IOException, InterruptedException {
    if (exitCode(command) != 0) {
      throw new IOException("failed: " + String.join(" ", command));
    }
  }

  private static int exitCode(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return process.waitFor();
  }

  private static String output(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes()).strip();
    process.waitFor();
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Unpacks a zip, dropping the first {@code strip} folders of every entry's path. */
  private static void unzip(Path zip, Path target, int strip) throws IOException {
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path name = Path.of(entry.getName());
        if (name.getNameCount() <= strip) {
          continue;
        }
        Path out = target.resolve(name.subpath(strip, name.getNameCount()).toString()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("zip entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out);
        }
      }
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(path -> {
            try {
              Files.delete(path);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
