package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.cli.ChatLayer;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.metrics.ChatMetrics;
import readingroom.bot.metrics.MetricsServer;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;

/**
 * {@code /health} as a load balancer or orchestrator reads it: not ready until the configured
 * platform is connected (here the real JDA client to the local Discord), ready while it is, not
 * ready once it is gone; {@code /metrics} names the replica on every series.
 */
class DiscordReadinessTest {

  private static final FeedbackSink NO_FEEDBACK = (origin, question, helpful) -> {};

  @TempDir Path dir;

  private final Engine engine = SharedEngine.get();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsReadyOnlyWhileTheConfiguredPlatformIsConnected() throws Exception {
    var registry = MetricsServer.registry("replica-7");
    ChatCommands commands = ChatCommands.builder(engine).metrics(new ChatMetrics(registry)).build();
    try (LocalDiscord discord = new LocalDiscord();
        StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      DiscordPlatform platform =
          DiscordPlatform.create(
              DiscordTestSettings.of(discord), LocalDiscord.TOKEN, commands, NO_FEEDBACK);
      try (MetricsServer server =
          MetricsServer.start(
              "127.0.0.1",
              0,
              registry,
              ChatLayer.healthChecks(engine, database, List.of(platform)))) {
        HttpResponse<String> before = get(server, "/health");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body())
            .isEqualTo(
                "{\"status\":\"DOWN\",\"checks\":{\"database\":\"UP\",\"index\":\"UP\","
                    + "\"discord\":\"DOWN\"}}\n");

        platform.start();
        HttpResponse<String> connected = get(server, "/health");
        assertThat(connected.statusCode()).isEqualTo(200);
        assertThat(connected.body()).contains("\"discord\":\"UP\"");

        commands.ask(new Origin(Platform.DISCORD, "g", "c", "u"), "who hosted the talks?");
        assertThat(get(server, "/metrics").body().lines())
            .contains(
                "readingroom_questions_total{platform=\"discord\",replica=\"replica-7\"} 1.0");

        platform.close();
        HttpResponse<String> after = get(server, "/health");
        assertThat(after.statusCode()).isEqualTo(503);
        assertThat(after.body()).contains("\"discord\":\"DOWN\"");
      } finally {
        platform.close();
      }
    }
  }
}
