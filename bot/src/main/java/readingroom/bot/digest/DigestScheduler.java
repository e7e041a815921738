package readingroom.bot.digest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.model.Platform;

/**
 * Runs {@link DigestRunner#runDue} every so often on one named thread. Every run catches and logs
 * its own failures, since an exception escaping a scheduled task would silently cancel all later
 * runs. Timing lives in {@link DigestRunner} and its clock; this class only repeats.
 */
public final class DigestScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

  private final DigestRunner runner;
  private final Map<Platform, DigestPoster> posters;
  private final ScheduledExecutorService executor;

  private DigestScheduler(DigestRunner runner, Map<Platform, DigestPoster> posters) {
    this.runner = runner;
    this.posters = Map.copyOf(posters);
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("digest-scheduler").daemon().factory());
  }

  /** Starts checking for due digests now and then every {@code every}. */
  public static DigestScheduler start(
      DigestRunner runner, Map<Platform, DigestPoster> posters, Duration every) {
    DigestScheduler scheduler = new DigestScheduler(runner, posters);
    scheduler.executor.scheduleWithFixedDelay(
        scheduler::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Daily digests: checking every {} for {}", every, posters.keySet());
    return scheduler;
  }

  void runOnce() {
    try {
      DigestRunner.Run run = runner.runDue(posters);
      if (run.posted() + run.paused() + run.failed() + run.retried() > 0) {
        log.info("Digest run: {}", run);
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      log.error("Digest run failed; the next run goes ahead as planned", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("The digest scheduler did not stop within 10 seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
