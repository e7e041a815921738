package readingroom.bot.metrics;

import java.util.function.BooleanSupplier;

/**
 * One part of the bot that {@code /health} checks, such as the state database or the index.
 *
 * @param name a short name shown in the health report
 * @param up whether the part works; an exception counts as down
 * @param critical whether the bot is down without it; a non-critical part that is down (one failing
 *     feed) shows in the report and makes the bot "DEGRADED", not down, so nothing restarts it
 */
public record HealthCheck(String name, BooleanSupplier up, boolean critical) {

  /** A part the bot cannot serve without. */
  public HealthCheck(String name, BooleanSupplier up) {
    this(name, up, true);
  }

  /** A part the bot serves without, reported all the same. */
  public static HealthCheck advisory(String name, BooleanSupplier up) {
    return new HealthCheck(name, up, false);
  }
}
