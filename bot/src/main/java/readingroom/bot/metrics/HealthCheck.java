package readingroom.bot.metrics;

import java.util.function.BooleanSupplier;

/**
 * One part of the bot that {@code /health} checks, such as the state database or the index.
 *
 * @param name a short name shown in the health report
 * @param up whether the part works; an exception counts as down
 */
public record HealthCheck(String name, BooleanSupplier up) {}
