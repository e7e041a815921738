package readingroom.bot.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.config.SettingsException;

/**
 * A small HTTP server for operators: {@code GET /metrics} in Prometheus text format and {@code GET
 * /health}, which answers 200 with {@code {"status":"UP",...}} when every check passes, 200 with
 * {@code "DEGRADED"} when only advisory checks (a feed) fail, and 503 when a critical one fails.
 * The JDK's own server is enough for a scrape every few seconds and adds no dependency.
 */
public final class MetricsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

  /** The Prometheus text exposition format, version 0.0.4. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving.
   *
   * @param host the address to listen on, e.g. {@code 127.0.0.1}, or {@code 0.0.0.0} for all
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @throws SettingsException when the port cannot be bound
   */
  public static MetricsServer start(
      String host, int port, PrometheusMeterRegistry registry, List<HealthCheck> checks) {
    List<HealthCheck> fixed = List.copyOf(checks);
    return start(host, port, registry, () -> fixed);
  }

  /**
   * Starts serving, asking {@code checks} for the current checks on each request: a platform's
   * connections (Discord's shards) are known only once it has started.
   */
  public static MetricsServer start(
      String host, int port, PrometheusMeterRegistry registry, Supplier<List<HealthCheck>> checks) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new SettingsException(
          "The metrics server cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "). Set readingroom.metrics.port to a free port, or metrics.enabled = false.");
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("readingroom-metrics-", 1).daemon(true).factory());
    server.setExecutor(executor);
    server.createContext(
        "/metrics",
        exchange -> respond(exchange, () -> new Body(200, PROMETHEUS_TEXT, registry.scrape())));
    server.createContext("/health", exchange -> respond(exchange, () -> health(checks.get())));
    server.createContext(
        "/", exchange -> respond(exchange, () -> new Body(404, "text/plain", "Not found\n")));
    server.start();
    log.info(
        "Metrics on http://{}:{}/metrics, health on /health", host, server.getAddress().getPort());
    return new MetricsServer(server, executor);
  }

  /**
   * A Prometheus registry whose every series carries {@code replica="NAME"}, so that one Prometheus
   * scraping several replicas keeps them apart (and sums them with {@code sum without (replica)}).
   */
  public static PrometheusMeterRegistry registry(String replica) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("replica", replica);
    return registry;
  }

  /** The port listened on: the configured one, or the one chosen for port 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private record Body(int status, String contentType, String text) {}

  private interface Handler {
    Body handle();
  }

  private static void respond(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      Body body;
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        body = new Body(405, "text/plain", "Only GET\n");
      } else {
        try {
          body = handler.handle();
        } catch (RuntimeException e) {
          log.warn("{} failed", exchange.getRequestURI().getPath(), e);
          body = new Body(500, "text/plain", "Internal error\n");
        }
      }
      byte[] bytes = body.text().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", body.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(body.status(), -1);
        return;
      }
      exchange.sendResponseHeaders(body.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static Body health(List<HealthCheck> checks) {
    Map<String, Boolean> results = new LinkedHashMap<>();
    boolean criticalUp = true;
    for (HealthCheck check : checks) {
      boolean up;
      try {
        up = check.up().getAsBoolean();
      } catch (RuntimeException e) {
        log.warn("Health check {} failed", check.name(), e);
        up = false;
      }
      results.put(check.name(), up);
      criticalUp &= up || !check.critical();
    }
    boolean allUp = !results.containsValue(false);
    String status = allUp ? "UP" : criticalUp ? "DEGRADED" : "DOWN";
    StringBuilder json = new StringBuilder("{\"status\":\"").append(status);
    json.append("\",\"checks\":{");
    String separator = "";
    for (var entry : results.entrySet()) {
      json.append(separator)
          .append('"')
          .append(entry.getKey().replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\":\"")
          .append(entry.getValue() ? "UP" : "DOWN")
          .append('"');
      separator = ",";
    }
    json.append("}}\n");
    return new Body(criticalUp ? 200 : 503, "application/json", json.toString());
  }
}
