package readingroom.bot.platform;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** How an adapter stops its worker threads: let running replies finish, for a while. */
public final class Shutdown {
  private Shutdown() {}

  /**
   * Stops taking work, waits up to {@code patience} for what is running, then interrupts it. Keeps
   * the caller's interrupt.
   */
  public static void await(ExecutorService workers, Duration patience) {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
