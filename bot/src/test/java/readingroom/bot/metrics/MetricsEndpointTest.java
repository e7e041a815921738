package readingroom.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.channel.RateLimiter.Limit;
import readingroom.bot.cli.ChatLayer;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.ServingSettings;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.DatabaseLocation;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;

/** {@code /metrics} and {@code /health} over loopback HTTP, counting what the commands did. */
class MetricsEndpointTest {

  @TempDir Path dir;
  private final Engine engine = SharedEngine.get();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServingSettings serving(Path database) {
    return new ServingSettings(
        new ChannelDefaults(Visibility.PUBLIC, 3),
        DatabaseLocation.file(database),
        Duration.ofSeconds(1),
        AnswerCache.DEFAULT_SPEC,
        new Limit(2, Duration.ofMinutes(1)),
        Limit.none(),
        true,
        Duration.ofDays(90),
        new ServingSettings.Metrics(true, "127.0.0.1", 0, false),
        ServingSettings.Digest.DEFAULTS,
        "test-replica");
  }

  private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theMetricsEndpointServesRealCountsInPrometheusText() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      ChatCommands commands =
          ChatLayer.open(
                  engine,
                  database,
                  serving(database.file()),
                  new Secrets(java.util.Map.of()),
                  registry,
                  new MutableClock())
              .commands();
      Origin ann = new Origin(Platform.DISCORD, "g", "c", "ann");
      Origin bob = new Origin(Platform.SLACK, "T", "C", "bob");
      commands.ask(ann, "Why did Russia invite the Taliban to Moscow?");
      commands.ask(ann, "why did russia invite the taliban to moscow");
      commands.ask(ann, "What is the Moscow Format?");
      commands.ask(ann, "Who is Zamir Kabulov?");
      commands.ask(bob, "   ");

      try (MetricsServer server =
          MetricsServer.start(
              "127.0.0.1", 0, registry, ChatLayer.healthChecks(engine, database, List.of()))) {
        HttpResponse<String> metrics = get(server, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
            .hasValue("text/plain; version=0.0.4; charset=utf-8");
        List<String> lines = metrics.body().lines().toList();
        assertThat(lines)
            .contains(
                "readingroom_questions_total{platform=\"discord\"} 4.0",
                "readingroom_questions_total{platform=\"slack\"} 1.0",
                "readingroom_answer_cache_total{result=\"hit\"} 1.0",
                "readingroom_answer_cache_total{result=\"miss\"} 2.0",
                "readingroom_rate_limited_total{limit=\"user\"} 1.0",
                "readingroom_errors_total{kind=\"invalid_input\"} 1.0",
                "readingroom_answer_latency_seconds_count{cache=\"miss\"} 2",
                "readingroom_answer_latency_seconds_count{cache=\"hit\"} 1",
                "readingroom_answer_cache_size 2.0");
        assertThat(lines)
            .anyMatch(l ->
                l.startsWith(
                    "readingroom_answer_latency_seconds_bucket{cache=\"miss\",le=\"+Inf\"} 2"))
            .anyMatch(l -> l.startsWith("readingroom_abstentions_total "));

        HttpResponse<String> health = get(server, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
            .isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"index\":\"UP\"}}\n");
        assertThat(get(server, "/nothing").statusCode()).isEqualTo(404);
      }
    }
  }

  @Test
  void healthIsDownWhenTheDatabaseIsGone() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StateDatabase database = StateDatabase.open(dir.resolve("state.db"));
    try (MetricsServer server =
        MetricsServer.start(
            "127.0.0.1", 0, registry, ChatLayer.healthChecks(engine, database, List.of()))) {
      assertThat(get(server, "/health").statusCode()).isEqualTo(200);
      database.close();
      HttpResponse<String> health = get(server, "/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("\"database\":\"DOWN\"");
    }
  }
}
