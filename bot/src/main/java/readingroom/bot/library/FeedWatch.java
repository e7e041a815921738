package readingroom.bot.library;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.index.fetch.FeedPoller;
import readingroom.index.fetch.FeedSource;
import readingroom.index.model.IndexReport;

/**
 * The configured feeds polled inside the serving process: each poll saves new items into the corpus
 * and, when there are any, updates the index through the {@link Library}, so they show in {@code
 * /sources} and in digests' new articles. A feed that fails is remembered (for {@code /health}) and
 * logged, and never stops the others or the next poll.
 */
public final class FeedWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FeedWatch.class);

  private final FeedPoller poller;
  private final List<FeedSource> feeds;
  private final Library library;
  private final Map<String, String> failing = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;

  public FeedWatch(FeedPoller poller, List<FeedSource> feeds, Library library) {
    this.poller = poller;
    this.feeds = List.copyOf(feeds);
    this.library = library;
  }

  /** The feeds watched. */
  public List<FeedSource> feeds() {
    return feeds;
  }

  /** Polls now, then every {@code every} on a named thread, until closed. */
  public FeedWatch start(Duration every) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("feed-poller").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        () -> {
          // An exception escaping a scheduled task would silently cancel every later poll.
          try {
            pollNow();
          } catch (RuntimeException e) {
            log.error("Feed poll failed; trying again in {}", every, e);
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info("Polling {} feeds every {}", feeds.size(), every);
    return this;
  }

  /** Polls every feed once and indexes their new items; returns how many articles were added. */
  public int pollNow() {
    int saved = 0;
    for (FeedPoller.FeedReport report : poller.pollAll(feeds)) {
      if (report.error() != null) {
        failing.put(report.feed().url(), report.error());
      } else {
        failing.remove(report.feed().url());
        saved += report.added().size();
        report
            .problems()
            .forEach(p -> log.warn("Feed {}: item skipped: {}", report.feed().url(), p));
      }
    }
    if (saved == 0) {
      return 0;
    }
    IndexReport index = library.update().join().index();
    log.info("Feeds: {} new items saved, {} articles added to the index", saved, index.added());
    return index.added();
  }

  /** The feeds whose last poll failed, each with why. */
  public Map<String, String> failing() {
    return Map.copyOf(failing);
  }

  /** Whether the last poll of this feed worked (true before the first). */
  public boolean healthy(String url) {
    return !failing.containsKey(url);
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
