package readingroom.bot.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.FeedSettings;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.ServingSettings;
import readingroom.bot.config.Settings;
import readingroom.bot.console.ConsoleChat;
import readingroom.bot.console.PlainTextRenderer;
import readingroom.bot.console.TerminalConsole;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.DigestScheduler;
import readingroom.bot.digest.DigestSlot;
import readingroom.bot.library.FeedWatch;
import readingroom.bot.library.Library;
import readingroom.bot.metrics.MetricsServer;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.platform.ChatPlatform;
import readingroom.bot.state.LogRetention;
import readingroom.bot.state.StateDatabase;
import readingroom.index.Engine;
import readingroom.index.fetch.FeedPoller;
import readingroom.index.fetch.Fetcher;

/**
 * The default command: serve the chat platforms whose tokens are set, or, with none, a console chat
 * on the configured corpus.
 */
@Command(
    mixinStandardHelpOptions = true,
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
    if (console || !Platforms.anyConfigured(settings, secrets)) {
      // The terminal is the chat: the log goes to a file beside the state database.
      Files.createDirectories(settings.data());
      Logging.toFile(settings.data());
    }
    GracefulShutdown shutdown = null;
    try {
      // The database first: a damaged or locked file should stop the bot before indexing starts.
      try (StateDatabase database =
          StateDatabase.open(
              serving.database(), serving.busyTimeout(), secrets.get(Secrets.DB_PASSWORD))) {
        if (!console) {
          // Seconds, not the 20-40 s the engine takes to load: a refused or unreachable
          // platform is reported before anything heavy starts.
          Platforms.checkCredentials(settings, secrets);
          if (Platforms.anyConfigured(settings, secrets)) {
            shutdown = GracefulShutdown.install();
          }
        }
        return run(settings, serving, secrets, database, shutdown);
      }
    } finally {
      if (shutdown != null) {
        shutdown.finished();
        shutdown.close();
      }
    }
  }

  private Integer run(
      Settings settings,
      ServingSettings serving,
      Secrets secrets,
      StateDatabase database,
      GracefulShutdown shutdown)
      throws Exception {
    FeedSettings feeds = FeedSettings.from(settings);
    try (Engine engine = EngineOptions.of(settings).updates(Engine.Updates.IN_BACKGROUND).open();
        // Articles added from chat and new feed items are indexed while the bot answers.
        Library library = new Library(engine, settings.corpus(), new Fetcher(feeds.limits()));
        FeedWatch feedWatch = feedWatch(feeds, library)) {
      PrometheusMeterRegistry registry = MetricsServer.registry(serving.replica());
      ChatLayer layer =
          ChatLayer.open(
              engine,
              database,
              serving,
              secrets,
              registry,
              Clock.systemUTC(),
              library,
              FeedSettings.maxUploadBytes(settings));
      ChatCommands commands = layer.commands();
      List<ChatPlatform> platforms =
          console ? List.of() : Platforms.configured(settings, secrets, database, commands);
      ServingSettings.Metrics metrics = serving.metrics();
      boolean serveMetrics = metrics.enabled() && (!platforms.isEmpty() || metrics.inConsole());
      try (MetricsServer server =
              serveMetrics
                  ? MetricsServer.start(
                      metrics.host(),
                      metrics.port(),
                      registry,
                      () -> ChatLayer.healthChecks(engine, database, platforms, feedWatch))
                  : null;
          LogRetention retention =
              layer.questionLog() != null
                  ? LogRetention.start(layer.questionLog(), RETENTION_EVERY)
                  : null) {
        if (platforms.isEmpty()) {
          consoleChat(settings, commands, layer.digests(), serving);
          return 0;
        }
        return serve(platforms, layer.digests(), serving, shutdown);
      }
    }
  }

  /**
   * The chat in this terminal: with line editing, history and wrapping on a real terminal, plain
   * lines when standard input is piped. The channel's digest is printed between questions.
   */
  private static void consoleChat(
      Settings settings, ChatCommands commands, DigestRunner digests, ServingSettings serving)
      throws Exception {
    boolean interactive = System.console() != null;
    // https://no-color.org: a set, non-empty NO_COLOR turns off bold and colours.
    String noColor = System.getenv("NO_COLOR");
    PlainTextRenderer renderer =
        new PlainTextRenderer(interactive && (noColor == null || noColor.isEmpty()));
    TerminalConsole terminal =
        interactive ? TerminalConsole.open(settings.data().resolve("console-history")) : null;
    DigestPoster console =
        new DigestPoster() {
          @Override
          public void post(DigestSlot slot, Reply.DigestReply digest) {
            if (terminal != null) {
              terminal.printAbove(renderer.render(digest));
              return;
            }
            synchronized (System.out) {
              System.out.println();
              System.out.println(renderer.render(digest));
            }
          }

          /** A print to this terminal cannot end in doubt, so there is nothing to find. */
          @Override
          public boolean wasPosted(
              DigestSlot slot, Reply.DigestReply digest, java.time.Instant since) {
            return false;
          }
        };
    try (DigestScheduler scheduler =
        startDigests(digests, Map.of(Platform.CONSOLE, console), serving)) {
      ConsoleChat chat = new ConsoleChat(commands, renderer);
      if (terminal != null) {
        try (terminal) {
          chat.run(terminal, terminal.out());
        }
      } else {
        chat.run(
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.out,
            false);
      }
    }
  }

  /** Polls the feeds on their schedule inside this process, or returns null when that is off. */
  private static FeedWatch feedWatch(FeedSettings feeds, Library library) {
    if (!feeds.pollsWhileServing()) {
      return null;
    }
    FeedPoller poller =
        new FeedPoller(new Fetcher(feeds.limits()), library.corpus().resolve("feeds"));
    return new FeedWatch(poller, feeds.feeds(), library).start(feeds.pollEvery());
  }

  /** Starts posting digests, or returns null when they are off. */
  private static DigestScheduler startDigests(
      DigestRunner digests, Map<Platform, DigestPoster> posters, ServingSettings serving) {
    if (digests == null || posters.isEmpty()) {
      return null;
    }
    return DigestScheduler.start(digests, posters, serving.digest().checkEvery());
  }

  private static int serve(
      List<ChatPlatform> platforms,
      DigestRunner digests,
      ServingSettings serving,
      GracefulShutdown shutdown)
      throws Exception {
    try {
      Map<Platform, DigestPoster> posters = new EnumMap<>(Platform.class);
      for (ChatPlatform platform : platforms) {
        platform.start();
        posters.putAll(platform.digestPosters());
        log.info("{} connected", platform.name());
      }
      try (DigestScheduler scheduler = startDigests(digests, posters, serving)) {
        shutdown.awaitRequest();
        log.info("Stopping: finishing the answers in flight");
      }
      return 0;
    } finally {
      // Each platform stops taking new questions, finishes the ones in flight, then disconnects.
      for (ChatPlatform platform : platforms) {
        platform.close();
      }
    }
  }
}
