package readingroom.bot.discord;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * Replies handed to JDA that Discord has not yet acknowledged. A worker's answer ends with a queued
 * REST call, so the workers finishing does not mean the answers went out: on shutdown the platform
 * waits for these too before JDA stops sending.
 */
final class InFlightReplies {

  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

  /** Sends {@code action}, logging a failure as {@code what}. */
  void send(RestAction<?> action, String what) {
    CompletableFuture<?> sent = action.submit();
    pending.add(sent);
    sent.whenComplete((result, error) -> {
      pending.remove(sent);
      if (error != null) {
        Responder.failure(what).accept(error);
      }
    });
  }

  /** How many replies are still on their way. */
  int count() {
    return pending.size();
  }

  /**
   * Waits until every reply sent so far is acknowledged or failed, at most {@code timeout}.
   *
   * @return whether none is left
   */
  boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (CompletableFuture<?> reply : pending.toArray(CompletableFuture<?>[]::new)) {
      try {
        reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException alreadyLogged) {
        // send logged it; a failed reply is no longer in flight.
      } catch (TimeoutException e) {
        return false;
      }
    }
    return pending.isEmpty();
  }
}
