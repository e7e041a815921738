package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;

/**
 * {@code readingroom feeds} over loopback HTTP: the configured feed's new item is fetched, saved
 * with the feed's tags and indexed; a broken feed beside it is reported; the next poll is a 304.
 */
class FeedsCliTest {

  @TempDir Path dir;
  private HttpServer server;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> files = Files.list(TestConfig.root().resolve("corpus"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).limit(1).toList()) {
        Files.copy(file, corpus.resolve(file.getFileName()));
      }
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/rss.xml",
        e -> {
          if ("\"1\"".equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
            e.sendResponseHeaders(304, -1);
            e.close();
            return;
          }
          e.getResponseHeaders().set("ETag", "\"1\"");
          send(
              e,
              "application/rss+xml",
              "<rss version=\"2.0\"><channel><title>Island News</title><item><guid>a</guid>"
                  + "<title>Ferries to resume</title><link>"
                  + base
                  + "/ferries</link></item></channel></rss>");
        });
    server.createContext("/broken.xml", e -> send(e, "application/rss+xml", "<rss><channel>"));
    server.createContext(
        "/ferries",
        e ->
            send(
                e,
                "text/html",
                "<html><head><title>Ferries to resume | Island News</title>"
                    + "<meta property=\"og:site_name\" content=\"Island News\">"
                    + "<link rel=\"canonical\" href=\""
                    + base
                    + "/ferries\"></head><body><article><p>The harbour authority confirmed on"
                    + " Monday that the ferry service to the islands will resume next month.</p>"
                    + "</article></body></html>"));
    server.start();
    config =
        TestConfig.write(
            dir,
            "  corpus = \""
                + corpus
                + "\"\n  feeds { list = [{ url = \""
                + base
                + "/rss.xml\", tags = [\"islands\"] }, { url = \""
                + base
                + "/broken.xml\" }]\n  per-host-interval = 0s }\n");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void pollsIndexesNewItemsAndReportsTheBrokenFeed() throws Exception {
    Run first = run("--config", config.toString(), "feeds");
    assertThat(first.out())
        .contains("/rss.xml: 1 new")
        .contains("/broken.xml failed: not a readable RSS or Atom feed")
        .contains(": 1 added.");
    assertThat(first.code()).isEqualTo(1);
    Path feeds = dir.resolve("corpus/feeds");
    assertThat(feeds.resolve("ferries-to-resume.html.yml"))
        .content()
        .contains("tags: [\"islands\"]");

    Run second = run("--config", config.toString(), "feeds");
    assertThat(second.out()).contains("/rss.xml: unchanged").doesNotContain("added.");
  }

  private static void send(HttpExchange e, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().set("Content-Type", type);
    e.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Run(int code, String out) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
    }
  }
}
