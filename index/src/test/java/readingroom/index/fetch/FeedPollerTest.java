package readingroom.index.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.corpus.Cleaner;
import readingroom.index.corpus.CleaningRules;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.model.Article;

/**
 * Feeds and pages served over loopback HTTP, the real wire protocol: new items become corpus
 * articles once, conditional requests are answered 304, and every bad feed or item (404, 500, a
 * slow host, a redirect loop, a huge page, robots.txt, malformed XML, an XXE attempt) is reported
 * without stopping the rest.
 */
class FeedPollerTest {

  @TempDir Path dir;
  private LocalWeb web;
  private FeedPoller poller;
  private Path corpus;

  static final String PROSE =
      "The harbour authority confirmed on Monday that the ferry service to the islands will resume"
          + " next month, after a winter in which storms damaged both piers.";

  @BeforeEach
  void start() throws Exception {
    web = new LocalWeb();
    corpus = dir.resolve("corpus");
    Fetcher fetcher =
        new Fetcher(
            new Fetcher.Limits(
                "ReadingRoomBot/test", Duration.ofMillis(2000), 200_000, 3, Duration.ZERO));
    poller = new FeedPoller(fetcher, corpus.resolve("feeds"));
    web.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
    web.serve("/story1", "text/html", page("Ferries to resume", web.url("/story1"), PROSE));
    web.serve("/private/secret", "text/html", page("Secret", web.url("/private/secret"), PROSE));
    web.on("/loop", e -> redirect(e, "/loop2"));
    web.on("/loop2", e -> redirect(e, "/loop"));
    web.on(
        "/huge",
        e -> {
          e.sendResponseHeaders(200, 0);
          try (OutputStream out = e.getResponseBody()) {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 100; i++) {
              out.write(chunk);
            }
          }
        });
    web.on(
        "/slow",
        e -> {
          try {
            Thread.sleep(6000);
          } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
          }
          LocalWeb.send(e, 200, "text/html", page("Slow", web.url("/slow"), PROSE));
        });
    web.on(
        "/rss.xml",
        e -> {
          if ("\"v1\"".equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
            e.sendResponseHeaders(304, -1);
            return;
          }
          e.getResponseHeaders().set("ETag", "\"v1\"");
          LocalWeb.send(e, 200, "application/rss+xml", rss());
        });
    web.serve("/atom.xml", "application/atom+xml", atom());
    web.serve("/broken.xml", "application/rss+xml", "<rss><channel><item><title>oops</channel>");
    web.on("/down.xml", e -> LocalWeb.send(e, 500, "text/plain", "internal error"));
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-TOKEN");
    web.serve(
        "/xxe.xml",
        "application/rss+xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n<rss version=\"2.0\"><channel><title>&x;</title><item><title>&x;</title>"
            + "<link>"
            + web.url("/story1")
            + "?xxe</link><description>&x;</description></item></channel></rss>");
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void newItemsBecomeArticlesOnceAndBadItemsAreReported() throws Exception {
    FeedPoller.FeedReport report =
        poller.poll(new FeedSource(web.url("/rss.xml"), List.of("news")));

    assertThat(report.error()).isNull();
    assertThat(report.added()).hasSize(2); // the page, and the full-text item
    assertThat(String.join("\n", report.problems()))
        .contains(
            "robots.txt",
            "redirects more than 3 times",
            "larger than",
            "did not answer",
            "HTTP 404");
    CorpusReader.Loaded loaded =
        new CorpusReader(new Cleaner(new CleaningRules(List.of()))).load(corpus);
    assertThat(loaded.problems()).isEmpty();
    Map<String, Article> byUrl =
        loaded.articles().stream().collect(Collectors.toMap(a -> a.source().url(), a -> a));
    assertThat(byUrl).containsOnlyKeys(web.url("/story1"), web.url("/full"));
    Article story = byUrl.get(web.url("/story1"));
    assertThat(story.source().title()).isEqualTo("Ferries to resume");
    assertThat(story.source().tags()).contains("news");
    assertThat(story.text()).contains(PROSE);
    Article full = byUrl.get(web.url("/full"));
    assertThat(full.source().title()).isEqualTo("The whole story in the feed");
    assertThat(full.source().outlet()).isEqualTo("Island News");
    assertThat(full.source().published()).hasToString("2024-05-06");
    assertThat(full.text()).contains("Paragraph 9 of the full story");
    assertThat(web.requests).doesNotContain("/full", "/private/secret");

    FeedPoller.FeedReport again = poller.poll(new FeedSource(web.url("/rss.xml"), List.of("news")));
    assertThat(again.unchanged()).isTrue();
    assertThat(again.added()).isEmpty();
  }

  @Test
  void theSameArticleUnderAnotherAddressOrFeedIsTakenOnce() {
    poller.poll(new FeedSource(web.url("/rss.xml"), List.of()));
    FeedPoller.FeedReport atom = poller.poll(new FeedSource(web.url("/atom.xml"), List.of()));
    assertThat(atom.error()).isNull();
    assertThat(atom.added()).isEmpty(); // /story1?from=atom has /story1 as its canonical address
  }

  @Test
  void failingFeedsAreReportedAndNeverStopTheOthers() throws Exception {
    List<FeedPoller.FeedReport> reports =
        poller.pollAll(
            List.of(
                new FeedSource(web.url("/broken.xml"), List.of()),
                new FeedSource(web.url("/down.xml"), List.of()),
                new FeedSource(web.url("/gone.xml"), List.of()),
                new FeedSource(web.url("/xxe.xml"), List.of()),
                new FeedSource("file:///etc/passwd", List.of()),
                new FeedSource(web.url("/atom.xml"), List.of())));
    assertThat(reports.get(0).error()).startsWith("not a readable RSS or Atom feed");
    assertThat(reports.get(1).error()).endsWith("answered HTTP 500");
    assertThat(reports.get(2).error()).endsWith("answered HTTP 404");
    assertThat(reports.get(3).error()).startsWith("not a readable RSS or Atom feed");
    assertThat(reports.get(4).error()).contains("not an http(s) address");
    assertThat(reports.get(5).error()).isNull();
    assertThat(reports.get(5).added()).hasSize(1);
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).doesNotContain("TOP-SECRET-TOKEN");
      }
    }
  }

  private String rss() {
    StringBuilder full = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      full.append("<p>Paragraph ")
          .append(i)
          .append(" of the full story. ")
          .append(PROSE)
          .append("</p>");
    }
    return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        + "<channel><title>Island News</title><link>"
        + web.url("/")
        + "</link>"
        + item("g1", "Ferries to resume", "/story1", "A short teaser.")
        + "<item><guid>g2</guid><title>The whole story in the feed</title><link>"
        + web.url("/full")
        + "</link><pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate><content:encoded><![CDATA["
        + full
        + "]]></content:encoded></item>"
        + item("g3", "Ferries (again)", "/story1", "Same story, another GUID.")
        + item("g4", "Secret", "/private/secret", "Disallowed.")
        + item("g5", "Loop", "/loop", "Redirect loop.")
        + item("g6", "Huge", "/huge", "Too big.")
        + item("g7", "Slow", "/slow", "Slow host.")
        + item("g8", "Missing", "/missing", "Gone.")
        + "</channel></rss>";
  }

  private String item(String guid, String title, String path, String description) {
    return "<item><guid>"
        + guid
        + "</guid><title>"
        + title
        + "</title><link>"
        + web.url(path)
        + "</link><description>"
        + description
        + "</description></item>";
  }

  private String atom() {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>Island News (Atom)</title><id>urn:feed</id><updated>2024-05-06T08:00:00Z</updated>"
        + "<entry><id>urn:a1</id><title>Ferries to resume</title><link href=\""
        + web.url("/story1")
        + "?from=atom\"/><updated>2024-05-06T08:00:00Z</updated><summary>Teaser.</summary></entry>"
        + "</feed>";
  }

  private static String page(String title, String canonical, String prose) {
    return "<html><head><title>"
        + title
        + " | Island News</title>"
        + "<meta property=\"og:site_name\" content=\"Island News\">"
        + "<link rel=\"canonical\" href=\""
        + canonical
        + "\"></head><body>"
        + "<nav><a href=\"/\">Home</a></nav><article><h1>"
        + title
        + "</h1><p>"
        + prose
        + "</p>"
        + "<p>"
        + prose.replace("Monday", "Tuesday")
        + "</p></article></body></html>";
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange e, String to)
      throws java.io.IOException {
    e.getResponseHeaders().set("Location", to);
    e.sendResponseHeaders(302, -1);
  }
}
