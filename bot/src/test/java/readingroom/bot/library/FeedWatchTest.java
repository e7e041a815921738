package readingroom.bot.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.cli.ChatLayer;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.digest.DigestComposer;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.DigestSchedule;
import readingroom.bot.digest.DigestSlot;
import readingroom.bot.digest.Digests;
import readingroom.bot.metrics.MetricsServer;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.Articles;
import readingroom.bot.testing.LocalWeb;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.TestCorpus;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.fetch.FeedPoller;
import readingroom.index.fetch.FeedSource;
import readingroom.index.fetch.Fetcher;
import readingroom.index.model.Source;

/**
 * Feeds polled inside the serving process, over loopback HTTP: new items are indexed while the
 * engine keeps serving, show in {@code /sources} and the next digest's new articles, and a failing
 * feed shows in {@code /health} without stopping the other.
 */
class FeedWatchTest {

  @TempDir Path dir;

  @Test
  void newItemsAreIndexedAndListedWhileAFailingFeedIsReportedAndStopsNothing() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-12T06:00:00Z"));
    try (LocalWeb web = new LocalWeb();
        Engine engine = TestCorpus.openEngine(dir);
        StateDatabase database = StateDatabase.open(dir.resolve("state.db"));
        Library library = new Library(engine, dir.resolve("corpus"), fetcher())) {
      web.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
      web.serve("/2024/ferry.html", "text/html", Articles.ferryPage(web.url("/2024/ferry.html")));
      web.serve("/rss.xml", "application/rss+xml", rss(web.url("/2024/ferry.html")));
      web.on("/broken.xml", e -> LocalWeb.send(e, 500, "text/plain", "down for maintenance"));
      FeedSource broken = new FeedSource(web.url("/broken.xml"), List.of());
      FeedSource news = new FeedSource(web.url("/rss.xml"), List.of("news"));
      // The broken feed first: it must not stop the one after it.
      FeedWatch watch =
          new FeedWatch(
              new FeedPoller(fetcher(), dir.resolve("corpus").resolve("feeds")),
              List.of(broken, news),
              library);
      Digests digests = digestsFor(engine, database, clock);
      ChannelKey console = new ChannelKey(Platform.CONSOLE, "", "console");
      digests
          .subscriptions()
          .subscribe(console, new DigestSchedule(LocalTime.of(8, 0), ZoneOffset.UTC), null, "op");
      clock.advance(Duration.ofHours(3));
      List<Reply.DigestReply> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
      DigestPoster poster =
          new DigestPoster() {
            @Override
            public void post(DigestSlot slot, Reply.DigestReply digest) {
              posted.add(digest);
            }

            @Override
            public boolean wasPosted(
                DigestSlot slot, Reply.DigestReply digest, java.time.Instant since) {
              return false;
            }
          };
      digests.runner().runDue(Map.of(Platform.CONSOLE, poster));
      long versionBefore = engine.version();

      assertThat(watch.pollNow()).isEqualTo(1);

      assertThat(engine.version()).isNotEqualTo(versionBefore);
      Source added =
          engine.sources(Scope.all()).stream()
              .filter(s -> s.title().equals(Articles.FERRY_TITLE))
              .findFirst()
              .orElseThrow();
      assertThat(added.tags()).contains("news");
      assertThat(added.outlet()).isEqualTo(Articles.FERRY_OUTLET);
      Reply sources = new ChatCommands(engine, 3).sources(Origin.console());
      assertThat(((Reply.SourcesReply) sources).sources()).contains(added);

      clock.advance(Duration.ofDays(1));
      digests.runner().runDue(Map.of(Platform.CONSOLE, poster));
      assertThat(posted).hasSize(2);
      assertThat(posted.get(1).added())
          .extracting(a -> a.source().title())
          .containsExactly(Articles.FERRY_TITLE);

      assertThat(watch.failing()).containsOnlyKeys(broken.url());
      assertThat(watch.failing().get(broken.url())).contains("500");
      try (MetricsServer server =
          MetricsServer.start(
              "127.0.0.1",
              0,
              new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
              ChatLayer.healthChecks(engine, database, watch))) {
        HttpResponse<String> health =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode())
            .as("one bad feed does not take the bot down")
            .isEqualTo(200);
        assertThat(health.body())
            .contains("\"status\":\"DEGRADED\"")
            .contains("\"feed " + broken.url() + "\":\"DOWN\"")
            .contains("\"feed " + news.url() + "\":\"UP\"")
            .contains("\"index\":\"UP\"");
      }

      // The next poll finds nothing new; the feed that recovers is healthy again.
      web.serve("/broken.xml", "application/rss+xml", rss(web.url("/2024/ferry.html")));
      assertThat(watch.pollNow()).isZero();
      assertThat(watch.failing()).isEmpty();
      assertThat(
              engine.sources(Scope.all()).stream()
                  .filter(s -> s.title().equals(Articles.FERRY_TITLE)))
          .as("the same story from a second feed is not added twice")
          .hasSize(1);
    }
  }

  @Test
  void aScheduledWatchPollsAtOnceAndKeepsGoingAfterAFailure() throws Exception {
    try (LocalWeb web = new LocalWeb();
        Engine engine = TestCorpus.openEngine(dir);
        Library library = new Library(engine, dir.resolve("corpus"), fetcher())) {
      web.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
      web.serve("/2024/ferry.html", "text/html", Articles.ferryPage(web.url("/2024/ferry.html")));
      web.serve("/rss.xml", "application/rss+xml", "<rss><channel><title>half");
      FeedSource feed = new FeedSource(web.url("/rss.xml"), List.of());
      try (FeedWatch watch =
          new FeedWatch(
                  new FeedPoller(fetcher(), dir.resolve("corpus").resolve("feeds")),
                  List.of(feed),
                  library)
              .start(Duration.ofMillis(200))) {
        awaitUntil(() -> !watch.failing().isEmpty());
        assertThat(watch.failing().get(feed.url())).contains("not a readable RSS or Atom feed");
        web.serve("/rss.xml", "application/rss+xml", rss(web.url("/2024/ferry.html")));
        awaitUntil(() ->
            engine.sources(Scope.all()).stream()
                .anyMatch(s -> s.title().equals(Articles.FERRY_TITLE)));
        assertThat(watch.failing()).isEmpty();
      }
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(50);
    }
  }

  private static Digests digestsFor(Engine engine, StateDatabase database, MutableClock clock) {
    return Digests.create(
        engine,
        database,
        key -> Scope.all(),
        DigestComposer.MostAsked.NONE,
        DigestRunner.Options.DEFAULTS,
        clock);
  }

  private static Fetcher fetcher() {
    Fetcher.Limits defaults = Fetcher.Limits.defaults();
    return new Fetcher(
        new Fetcher.Limits(defaults.userAgent(), Duration.ofSeconds(5), 1 << 20, 3, Duration.ZERO));
  }

  /** An RSS 2.0 feed with one item whose page must be fetched (its description is a teaser). */
  private static String rss(String link) {
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>The Tarvon Courier</title><link>%s</link>
    <description>Lake news</description>
    <item><title>%s</title><link>%s</link><guid>%s</guid>
    <description>The crews are back at work.</description>
    <pubDate>Thu, 14 Mar 2024 08:00:00 GMT</pubDate></item>
    </channel></rss>
    """
        .formatted(link, Articles.FERRY_TITLE, link, link);
  }
}
