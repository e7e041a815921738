package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
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
 * {@code readingroom add} and {@code readingroom index} as a user runs them: a page fetched over
 * loopback HTTP and a local Markdown file join the corpus and the index, a bad address and a page
 * the corpus refuses are reported and leave nothing behind, and {@code index} reports what it did.
 */
class AddCliTest {

  @TempDir Path dir;
  private HttpServer server;
  private Path corpus;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> files = Files.list(TestConfig.root().resolve("corpus"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.copy(file, corpus.resolve(file.getFileName()));
      }
    }
    config = TestConfig.write(dir, "  corpus = \"" + corpus + "\"\n");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/news/ferries-resume.html",
        exchange -> {
          byte[] page =
              ("<html><head><title>Ferries to resume | Island News</title>"
                      + "<meta property=\"og:site_name\" content=\"Island News\">"
                      + "<meta property=\"article:published_time\" content=\"2024-05-06T08:00Z\">"
                      + "</head><body><nav><a href=\"/\">Home</a></nav><div class=\"story\">"
                      + "<p>The harbour authority confirmed on Monday that the ferry service to the"
                      + " islands will resume next month, after a winter of storms.</p>"
                      + "<p>Both piers were damaged in January, and repairs took longer than the"
                      + " engineers had first expected.</p></div></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void addsFetchedPagesAndFilesAndSaysWhatWasAddedOrWhyNot() throws Exception {
    Run index = run("--config", config.toString(), "index");
    assertThat(index.out()).contains("Index version").contains(": 5 added, 0 updated");

    Path notes = dir.resolve("lighthouse.md");
    Files.writeString(
        notes,
        "---\ntitle: The last lighthouse keeper\noutlet: Coastal Weekly\npublished: 2023-11\n"
            + "url: https://coastal.example.org/lighthouse\n---\n"
            + "For **forty-one years**, Morag Henderson climbed the stairs of the lighthouse every"
            + " evening to check the lamp.\n");
    Path noAddress = dir.resolve("no-address.html");
    Files.writeString(
        noAddress,
        "<html><head><title>Untitled</title></head><body><p>Some text of a page that gives no"
            + " address at all, so there is nothing for a quote to link to.</p></body></html>");
    String page = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/ferries-resume.html";
    String missing = "http://127.0.0.1:" + server.getAddress().getPort() + "/gone";

    Run add =
        run(
            "--config",
            config.toString(),
            "add",
            page,
            notes.toString(),
            missing,
            noAddress.toString());

    assertThat(add.code()).isEqualTo(1);
    assertThat(add.out())
        .contains(
            "Added \"Ferries to resume\" — Island News, May 6, 2024 (127-0-0-1-ferries-resume)")
        .contains(
            "Added \"The last lighthouse keeper\" — Coastal Weekly, November 2023 (lighthouse)")
        .contains("Not added: " + missing + " answered HTTP 404")
        .contains("Added \"Untitled\" (no-address)\n  Warning: the page gives no address")
        .contains("so its quotes will have no link; give one in no-address.html.yml")
        .contains(": 3 added, 0 updated, 0 removed.");
    assertThat(Files.readString(corpus.resolve("127-0-0-1-ferries-resume.html.yml")))
        .contains(page);

    Run again = run("--config", config.toString(), "index");
    assertThat(again.out()).contains(": 0 added, 0 updated, 0 removed, 8 unchanged");
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
