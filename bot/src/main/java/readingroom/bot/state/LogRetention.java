package readingroom.bot.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired questions from the log now and then, and writes the rows that waited while the
 * database was locked, on one named daemon thread. Each run catches its own failures: an uncaught
 * exception would silently cancel every later run.
 */
public final class LogRetention implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LogRetention.class);

  /** How soon a row kept while the database was locked is tried again. */
  static final Duration RETRY_EVERY = Duration.ofSeconds(5);

  private final ScheduledExecutorService scheduler;
  private final QuestionLog questionLog;

  private LogRetention(ScheduledExecutorService scheduler, QuestionLog questionLog) {
    this.scheduler = scheduler;
    this.questionLog = questionLog;
  }

  /** Purges at once, then every {@code every}. */
  public static LogRetention start(QuestionLog questionLog, Duration every) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("readingroom-log-retention").daemon(true).factory());
    scheduler.scheduleWithFixedDelay(
        () -> purge(questionLog), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> writePending(questionLog),
        RETRY_EVERY.toMillis(),
        RETRY_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return new LogRetention(scheduler, questionLog);
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

  static void writePending(QuestionLog questionLog) {
    try {
      questionLog.writePending();
    } catch (RuntimeException e) {
      log.warn("Writing the waiting question-log rows failed; will try again later", e);
    }
  }

  /** Stops, after a last try at the waiting rows; those still unwritten are counted in the log. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    int left = questionLog.writePending();
    if (left > 0) {
      log.error("{} question-log rows could not be written before stopping", left);
    }
  }
}
