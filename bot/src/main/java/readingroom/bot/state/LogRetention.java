package readingroom.bot.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired questions from the log now and then, on one named daemon thread. Each run catches
 * its own failures: an uncaught exception would silently cancel every later run.
 */
public final class LogRetention implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LogRetention.class);

  private final ScheduledExecutorService scheduler;

  private LogRetention(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Purges at once, then every {@code every}. */
  public static LogRetention start(QuestionLog questionLog, Duration every) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("readingroom-log-retention").daemon(true).factory());
    scheduler.scheduleWithFixedDelay(
        () -> purge(questionLog), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return new LogRetention(scheduler);
  }

  static void purge(QuestionLog questionLog) {
    try {
      int deleted = questionLog.purgeExpired();
      if (deleted > 0) {
        log.info(
            "Deleted {} questions older than {} from the question log",
            deleted,
            questionLog.retention());
      }
    } catch (RuntimeException e) {
      log.warn("Purging the question log failed; will try again later", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
