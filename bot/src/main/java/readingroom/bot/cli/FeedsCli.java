package readingroom.bot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.config.FeedSettings;
import readingroom.index.Engine;
import readingroom.index.fetch.FeedPoller;
import readingroom.index.fetch.Fetcher;
import readingroom.index.model.IndexReport;

/**
 * {@code readingroom feeds}: poll the configured feeds, save their new items into the corpus and
 * index them (only new files are processed). With {@code --every}, it keeps polling on a named
 * scheduler thread; a failing feed or poll is logged and never stops the next.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "feeds",
    description = "Poll the configured feeds and index their new items.")
public final class FeedsCli implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(FeedsCli.class);

  @ParentCommand Main main;

  @Option(
      names = "--every",
      description = "Keep polling at this interval, e.g. 30m or 2h (default: poll once).")
  String every;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    FeedSettings feeds = FeedSettings.from(main.settings());
    if (feeds.feeds().isEmpty()) {
      out.println("No feeds configured: add them under readingroom.feeds.list.");
      return 1;
    }
    FeedPoller poller =
        new FeedPoller(new Fetcher(feeds.limits()), main.settings().corpus().resolve("feeds"));
    try (Engine engine = EngineOptions.of(main.settings()).open()) {
      if (every == null) {
        return pollOnce(poller, feeds, engine, out);
      }
      Duration interval = Duration.parse("PT" + every.toUpperCase(java.util.Locale.ROOT));
      ScheduledExecutorService scheduler =
          Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "feed-poller"));
      scheduler.scheduleWithFixedDelay(
          () -> {
            try {
              pollOnce(poller, feeds, engine, out);
            } catch (RuntimeException e) {
              log.error("Feed poll failed; trying again in {}", interval, e);
            }
          },
          0,
          interval.toSeconds(),
          TimeUnit.SECONDS);
      new CountDownLatch(1).await(); // until the process is stopped
      return 0;
    }
  }

  private static int pollOnce(
      FeedPoller poller, FeedSettings feeds, Engine engine, PrintStream out) {
    List<FeedPoller.FeedReport> reports = poller.pollAll(feeds.feeds());
    int failed = 0;
    int added = 0;
    for (FeedPoller.FeedReport report : reports) {
      if (report.error() != null) {
        out.println("Feed " + report.feed().url() + " failed: " + report.error());
        failed++;
        continue;
      }
      added += report.added().size();
      out.println(
          "Feed "
              + report.feed().url()
              + ": "
              + (report.unchanged() ? "unchanged" : report.added().size() + " new"));
      report.problems().forEach(p -> out.println("  Skipped item: " + p));
    }
    if (added > 0) {
      IndexReport index = engine.reindex(false, (done, total) -> {}).index();
      out.printf("Index version %d: %d added.%n", index.version(), index.added());
    }
    return failed == 0 ? 0 : 1;
  }
}
