package readingroom.bot.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.Main;
import readingroom.bot.chat.ChatCommands;
import readingroom.bot.chat.Platform;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.ServingSettings;
import readingroom.bot.config.Settings;
import readingroom.bot.console.ConsoleChat;
import readingroom.bot.console.PlainTextRenderer;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.digest.DigestScheduler;
import readingroom.bot.metrics.MetricsServer;
import readingroom.bot.platform.ChatPlatform;
import readingroom.bot.platform.Platforms;
import readingroom.bot.state.LogRetention;
import readingroom.bot.state.StateDatabase;
import readingroom.index.Engine;

/**
 * The default command: serve the chat platforms whose tokens are set, or, with none, a console chat
 * on the configured corpus.
 */
@Command(
    name = "chat",
    description = "Serve Discord/Slack if their tokens are set; otherwise chat in this terminal.")
public final class ChatCli implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ChatCli.class);

  /** How often expired questions are deleted from the log. */
  private static final Duration RETENTION_EVERY = Duration.ofHours(1);

  @ParentCommand Main main;

  @Option(names = "--console", description = "Chat in this terminal even when chat tokens are set.")
  boolean console;

  @Override
  public Integer call() throws Exception {
    Settings settings = main.settings();
    ServingSettings serving = settings.serving();
    Secrets secrets = Secrets.fromEnvironment();
    // The database first: a damaged or locked file should stop the bot before indexing starts.
    try (StateDatabase database = StateDatabase.open(serving.database(), serving.busyTimeout());
        Engine engine = EngineOptions.of(settings).open()) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ChatLayer layer =
          ChatLayer.open(engine, database, serving, secrets, registry, Clock.systemUTC());
      ChatCommands commands = layer.commands();
      List<ChatPlatform> platforms =
          console ? List.of() : Platforms.configured(settings, secrets, commands);
      ServingSettings.Metrics metrics = serving.metrics();
      boolean serveMetrics = metrics.enabled() && (!platforms.isEmpty() || metrics.inConsole());
      try (MetricsServer server =
              serveMetrics
                  ? MetricsServer.start(
                      metrics.host(),
                      metrics.port(),
                      registry,
                      ChatLayer.healthChecks(engine, database))
                  : null;
          LogRetention retention =
              layer.questionLog() != null
                  ? LogRetention.start(layer.questionLog(), RETENTION_EVERY)
                  : null) {
        if (platforms.isEmpty()) {
          boolean interactive = System.console() != null;
          PlainTextRenderer renderer = new PlainTextRenderer(interactive);
          // The console is one channel: its digest is printed between questions.
          DigestPoster console =
              (channel, digest) -> {
                synchronized (System.out) {
                  System.out.println();
                  System.out.println(renderer.render(digest));
                }
              };
          try (DigestScheduler scheduler =
              startDigests(commands, Map.of(Platform.CONSOLE, console), serving)) {
            new ConsoleChat(commands, renderer)
                .run(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    System.out,
                    interactive);
          }
          return 0;
        }
        return serve(platforms, commands, serving);
      }
    }
  }

  /** Starts posting digests, or returns null when they are off. */
  private static DigestScheduler startDigests(
      ChatCommands commands, Map<Platform, DigestPoster> posters, ServingSettings serving) {
    if (commands.digests().isEmpty() || posters.isEmpty()) {
      return null;
    }
    return DigestScheduler.start(commands.digests().get(), posters, serving.digest().checkEvery());
  }

  private static int serve(
      List<ChatPlatform> platforms, ChatCommands commands, ServingSettings serving)
      throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "readingroom-shutdown"));
    try {
      Map<Platform, DigestPoster> posters = new EnumMap<>(Platform.class);
      for (ChatPlatform platform : platforms) {
        platform.start();
        posters.putAll(platform.digestPosters());
        log.info("{} connected", platform.name());
      }
      try (DigestScheduler scheduler = startDigests(commands, posters, serving)) {
        stopped.await();
      }
      return 0;
    } finally {
      for (ChatPlatform platform : platforms) {
        platform.close();
      }
    }
  }
}
