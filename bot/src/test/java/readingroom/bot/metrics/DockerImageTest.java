package readingroom.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;

/**
 * What the image needs, checked without a Docker engine: the HEALTHCHECK script run as Docker runs
 * it, against the real metrics endpoint, and the Dockerfile's entry point and ports.
 */
class DockerImageTest {

  @TempDir Path dir;

  private static final Path SCRIPT = TestConfig.root().resolve("scripts/healthcheck.sh");

  private int healthcheck(Map<String, String> env, String cmdline) throws Exception {
    Path cmdlineFile = dir.resolve("cmdline");
    Files.writeString(cmdlineFile, cmdline.replace(' ', '\0'), StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString());
    builder
        .environment()
        .keySet()
        .removeIf(k ->
            k.startsWith("DISCORD_") || k.startsWith("SLACK_") || k.startsWith("READINGROOM_"));
    builder.environment().putAll(env);
    builder.environment().put("READINGROOM_HEALTHCHECK_CMDLINE", cmdlineFile.toString());
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  private static final String ENTRY =
      "java --enable-native-access=ALL-UNNAMED -jar /app/readingroom.jar";

  @Test
  void aConsoleChatOrAOneOffCommandIsHealthyWithoutAnEndpoint() throws Exception {
    assertThat(healthcheck(Map.of("READINGROOM_METRICS_PORT", "9"), ENTRY)).isZero();
    assertThat(
            healthcheck(
                Map.of("DISCORD_TOKEN", "t", "READINGROOM_METRICS_PORT", "9"),
                ENTRY + " chat --console"))
        .isZero();
    assertThat(
            healthcheck(
                Map.of("SLACK_BOT_TOKEN_FILE", "/run/secrets/x", "READINGROOM_METRICS_PORT", "9"),
                ENTRY + " ask who"))
        .isZero();
  }

  @Test
  void aServingBotIsHealthyOnlyWhileItsEndpointSaysSo() throws Exception {
    AtomicBoolean up = new AtomicBoolean(true);
    try (MetricsServer server =
        MetricsServer.start(
            "127.0.0.1",
            0,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            List.of(new HealthCheck("engine", up::get)))) {
      Map<String, String> env =
          Map.of("DISCORD_TOKEN", "t", "READINGROOM_METRICS_PORT", Integer.toString(server.port()));

      assertThat(healthcheck(env, ENTRY)).isZero();
      up.set(false);
      assertThat(healthcheck(env, ENTRY)).isNotZero();
    }
    assertThat(healthcheck(Map.of("SLACK_BOT_TOKEN", "t", "READINGROOM_METRICS_PORT", "9"), ENTRY))
        .as("serving, but nothing answers")
        .isNotZero();
  }

  @Test
  void theImageRunsWithTheVectorModuleExposesSlackHttpModeAndUsesTheHealthcheckScript()
      throws Exception {
    String dockerfile = Files.readString(TestConfig.root().resolve("Dockerfile"));

    assertThat(dockerfile)
        .containsPattern(
            "ENTRYPOINT \\[\"java\", \"--enable-native-access=ALL-UNNAMED\","
                + " \"--add-modules\", \"jdk.incubator.vector\"")
        .containsPattern("(?m)^EXPOSE 9464 3000$")
        .contains("READINGROOM_SLACK_HOST=0.0.0.0")
        .contains("COPY scripts/healthcheck.sh /app/healthcheck.sh")
        .contains("CMD [\"/app/healthcheck.sh\"]")
        .contains("/app/corpus:ro");
    assertThat(Files.readString(TestConfig.root().resolve(".dockerignore")))
        .contains("**/target", "data", ".git");
  }
}
