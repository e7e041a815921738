/**
 * Observability: the bot's Micrometer meters ({@link readingroom.bot.metrics.ChatMetrics}) and a
 * small HTTP server ({@link readingroom.bot.metrics.MetricsServer}) serving them in Prometheus text
 * format at {@code /metrics}, and a health check at {@code /health} for the container's
 * HEALTHCHECK.
 *
 * <p>Arrows: metrics -> config, model.
 */
package readingroom.bot.metrics;
