package readingroom.bot.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM (docker stop, systemd, Ctrl-C) into an orderly stop while the bot serves chat: the
 * serving thread is told to stop, drains the answers in flight, closes the platforms, the engine
 * and the database, and the process then exits 0 instead of the JVM's 143. The wait is bounded
 * (below Docker's 10 s grace) so a stuck platform cannot keep the process alive: past it, exit 1.
 */
final class GracefulShutdown implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

  /** How long the whole stop may take once SIGTERM arrives. */
  static final Duration BOUND = Duration.ofSeconds(9);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Duration bound;
  private final Thread hook;

  private GracefulShutdown(Duration bound) {
    this.bound = bound;
    this.hook = new Thread(this::onSignal, "readingroom-shutdown");
  }

  static GracefulShutdown install() {
    GracefulShutdown shutdown = new GracefulShutdown(BOUND);
    Runtime.getRuntime().addShutdownHook(shutdown.hook);
    return shutdown;
  }

  /** Blocks until the process is asked to stop. */
  void awaitRequest() throws InterruptedException {
    requested.await();
  }

  /** Everything is closed: a stop in progress may now end the process. */
  void finished() {
    finished.countDown();
  }

  private void onSignal() {
    requested.countDown();
    try {
      if (finished.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        log.info("Stopped cleanly");
        // The JVM would exit 143 after a SIGTERM; the stop was orderly, so say so.
        Runtime.getRuntime().halt(0);
      }
      log.warn("Stopping took longer than {} s; exiting anyway", bound.toSeconds());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(1);
  }

  /** Removes the hook when serving ended on its own (no signal), so a later exit keeps its code. */
  @Override
  public void close() {
    if (requested.getCount() > 0) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down: the hook runs and ends the process.
      }
    }
  }
}
