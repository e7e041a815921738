package readingroom.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.service.OAuthStateService;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.SettingsException;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.metrics.HealthCheck;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.platform.ChatPlatform;
import readingroom.bot.platform.Shutdown;
import readingroom.bot.state.SeenSlackRequests;
import readingroom.bot.state.SlackInstallations;
import readingroom.bot.state.SlackOAuthStates;
import readingroom.bot.state.StateDatabase;

/**
 * Reading Room on Slack: a Bolt app with the slash commands, mention and direct-message handlers
 * and answer buttons, served over Socket Mode (the default) or HTTP. Start-up checks the tokens
 * with Slack ({@code auth.test}, {@code apps.connections.open}) and fails with one clear line. One
 * workspace is served with {@code SLACK_BOT_TOKEN}; many, when the OAuth install flow is
 * configured, each with the bot token its installation left in the state database ({@link
 * Distribution}).
 */
public final class SlackPlatform implements ChatPlatform {

  private static final Logger log = LoggerFactory.getLogger(SlackPlatform.class);

  /**
   * Threads that answer; the engine takes milliseconds, so a few keep up with a busy workspace.
   * (Tests use one, which makes replies leave in the order requests came.)
   */
  private static final int WORKERS = 4;

  private final SlackSettings settings;
  private final String botToken;
  private final String appToken;
  private final String signingSecret;
  private final ChatCommands commands;
  private final FeedbackSink feedback;
  private final RateLimitRetry.Pause pause;
  private final int workerCount;
  private final Clock clock;
  private final ReplayGuard replays;
  private final Distribution distribution;
  private final WorkspaceTokens tokens;

  /**
   * Connect and read timeout of each Web API call. Slack answers in well under a second; without a
   * bound a stalled connection would hold a reply or the digest thread for good, and a digest post
   * that times out is looked up before it is posted again, never simply resent.
   */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private Duration requestTimeout = REQUEST_TIMEOUT;
  private ExecutorService workers;
  private Slack slack;
  private App app;
  private SocketModeApp socketMode;
  private HttpTransport http;
  private SlackDigestPoster digestPoster;

  SlackPlatform(
      SlackSettings settings,
      String botToken,
      String appToken,
      String signingSecret,
      ChatCommands commands,
      FeedbackSink feedback,
      RateLimitRetry.Pause pause,
      int workerCount) {
    this(
        settings,
        botToken,
        appToken,
        signingSecret,
        commands,
        feedback,
        pause,
        workerCount,
        Clock.systemUTC(),
        new RecentSignatures(Clock.systemUTC()));
  }

  /**
   * @param clock local time, for the age of signed HTTP requests
   * @param replays where HTTP mode remembers the signatures it has seen
   */
  SlackPlatform(
      SlackSettings settings,
      String botToken,
      String appToken,
      String signingSecret,
      ChatCommands commands,
      FeedbackSink feedback,
      RateLimitRetry.Pause pause,
      int workerCount,
      Clock clock,
      ReplayGuard replays) {
    this(
        settings,
        botToken,
        appToken,
        signingSecret,
        commands,
        feedback,
        pause,
        workerCount,
        clock,
        replays,
        null);
  }

  /**
   * What an app installed in many workspaces needs besides its settings: the client secret that
   * trades an install's code for a bot token, and the shared stores of installations and of OAuth
   * states in flight.
   */
  record Distribution(
      String clientSecret, SlackInstallations installations, SlackOAuthStates states) {

    /** The secret stays out of logs. */
    @Override
    public String toString() {
      return "Distribution[clientSecret=<secret>]";
    }
  }

  /**
   * @param distribution the OAuth install flow's secret and stores, or {@code null} for one
   *     workspace's {@code botToken}
   */
  SlackPlatform(
      SlackSettings settings,
      String botToken,
      String appToken,
      String signingSecret,
      ChatCommands commands,
      FeedbackSink feedback,
      RateLimitRetry.Pause pause,
      int workerCount,
      Clock clock,
      ReplayGuard replays,
      Distribution distribution) {
    if (distribution != null && settings.mode() != SlackSettings.Mode.HTTP) {
      throw new IllegalArgumentException("the OAuth install flow needs HTTP mode");
    }
    this.distribution = distribution;
    this.tokens =
        distribution == null
            ? WorkspaceTokens.single(botToken)
            : WorkspaceTokens.installed(distribution.installations());
    this.clock = clock;
    this.replays = replays;
    this.settings = settings;
    this.botToken = botToken;
    this.appToken = appToken;
    this.signingSecret = signingSecret;
    this.commands = commands;
    this.feedback = feedback;
    this.pause = pause;
    this.workerCount = workerCount;
  }

  /** How long an install link's state is good for: Bolt's default, ten minutes. */
  static final Duration OAUTH_STATE_LIFETIME =
      Duration.ofSeconds(OAuthStateService.DEFAULT_EXPIRATION_IN_SECONDS);

  /** Whether these settings and secrets turn Slack on: a bot token, or the OAuth install flow. */
  public static boolean configured(SlackSettings settings, Secrets secrets) {
    return settings.oauth().enabled() || secrets.has(Secrets.SLACK_BOT_TOKEN);
  }

  /**
   * The Slack platform for these settings and secrets, with its replay memory (and, for many
   * workspaces, its installations and OAuth states) in {@code database}, shared by the replicas on
   * it.
   *
   * @throws SettingsException when a secret the mode needs is missing or wrong
   */
  public static SlackPlatform create(
      SlackSettings settings,
      Secrets secrets,
      StateDatabase database,
      ChatCommands commands,
      FeedbackSink feedback) {
    return create(
        settings,
        secrets,
        database,
        commands,
        feedback,
        Clock.systemUTC(),
        RateLimitRetry.Pause.SLEEP,
        WORKERS);
  }

  /** As {@link #create(SlackSettings, Secrets, StateDatabase, ChatCommands, FeedbackSink)}. */
  static SlackPlatform create(
      SlackSettings settings,
      Secrets secrets,
      StateDatabase database,
      ChatCommands commands,
      FeedbackSink feedback,
      Clock clock,
      RateLimitRetry.Pause pause,
      int workerCount) {
    ReplayGuard replays =
        new SharedReplayGuard(
            new SeenSlackRequests(database, SharedReplayGuard.KEEP_FOR, clock), clock);
    if (!settings.oauth().enabled()) {
      OneWorkspaceSecrets one = OneWorkspaceSecrets.from(settings, secrets);
      return new SlackPlatform(
          settings,
          one.botToken(),
          one.appToken(),
          one.signingSecret(),
          commands,
          feedback,
          pause,
          workerCount,
          clock,
          replays,
          null);
    }
    OAuthSecrets oauth = OAuthSecrets.from(secrets);
    return new SlackPlatform(
        settings,
        null,
        null,
        oauth.signingSecret(),
        commands,
        feedback,
        pause,
        workerCount,
        clock,
        replays,
        new Distribution(
            oauth.clientSecret(),
            new SlackInstallations(database, oauth.cipher()),
            new SlackOAuthStates(database, OAUTH_STATE_LIFETIME, clock)));
  }

  /**
   * The Slack platform for these settings and secrets, one workspace's, with a replay memory of
   * this process only.
   *
   * @throws SettingsException when the mode's second secret is missing
   */
  public static SlackPlatform create(
      SlackSettings settings, Secrets secrets, ChatCommands commands, FeedbackSink feedback) {
    OneWorkspaceSecrets one = OneWorkspaceSecrets.from(settings, secrets);
    return new SlackPlatform(
        settings,
        one.botToken(),
        one.appToken(),
        one.signingSecret(),
        commands,
        feedback,
        RateLimitRetry.Pause.SLEEP,
        WORKERS);
  }

  @Override
  public String name() {
    return "Slack ("
        + (settings.mode() == SlackSettings.Mode.SOCKET ? "Socket Mode" : "HTTP")
        + (distribution != null ? ", many workspaces" : "")
        + ")";
  }

  /**
   * Uses this connect and read timeout for Slack's Web API instead of {@link #REQUEST_TIMEOUT}
   * (tests play a slow Slack in a second, not in ten). Before {@link #start()}.
   */
  SlackPlatform requestTimeout(Duration timeout) {
    this.requestTimeout = timeout;
    return this;
  }

  @Override
  public void start() throws Exception {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setStatsEnabled(false);
    int millis = Math.toIntExact(requestTimeout.toMillis());
    config.setHttpClientReadTimeoutMillis(millis);
    config.setHttpClientWriteTimeoutMillis(millis);
    // Whole calls are bounded too: a Slack that trickles bytes must not hold a worker forever.
    config.setHttpClientCallTimeoutMillis(millis * 3);
    OkHttpClient okHttp =
        SlackHttpClient.buildOkHttpClient(config)
            .newBuilder()
            .connectTimeout(requestTimeout)
            .build();
    SlackHttpClient httpClient = new SlackHttpClient(okHttp);
    httpClient.setConfig(config);
    slack = Slack.getInstance(config, httpClient);

    AppConfig.AppConfigBuilder appConfig =
        AppConfig.builder()
            .slack(slack)
            .signingSecret(signingSecret)
            // Slack sends events the bot does not handle (edits, joins): acknowledge them quietly.
            .allEventsApiAutoAckEnabled(true)
            // Bolt would read these from its own environment variables: ours are the settings.
            .clientId(null)
            .clientSecret(null)
            .singleTeamBotToken(null);
    if (distribution == null) {
      appConfig.singleTeamBotToken(botToken);
    } else {
      SlackSettings.OAuth oauth = settings.oauth();
      appConfig
          .clientId(oauth.clientId())
          .clientSecret(distribution.clientSecret())
          .scope(oauth.scopes())
          .userScope("")
          .redirectUri(emptyToNull(oauth.redirectUri()))
          .oauthInstallPath(oauth.installPath())
          .oauthRedirectUriPath(oauth.redirectPath())
          // Straight on to Slack's consent page, not a page with a link to it.
          .oAuthInstallPageRenderingEnabled(false)
          .oauthCompletionUrl(emptyToNull(oauth.completionUrl()))
          .oauthCancellationUrl(null);
    }
    app = new App(appConfig.build());
    if (distribution != null) {
      DatabaseInstallationService installations =
          new DatabaseInstallationService(distribution.installations(), clock);
      app.asOAuthApp(true);
      app.service(new DatabaseOAuthStateService(distribution.states()));
      app.service(installations);
      InstallPages.register(app, settings.oauth().installPath());
      new Uninstalls(installations, distribution.installations()).register(app);
    }

    workers =
        Executors.newFixedThreadPool(
            workerCount, Thread.ofPlatform().name("slack-reply-", 1).daemon().factory());
    Delivery delivery = new Delivery(slack, tokens, new RateLimitRetry(pause));
    Responder responder =
        new Responder(
            commands,
            new BlockKitRenderer(),
            delivery,
            workers,
            settings.privateAnswers(),
            origin -> settings.admins().contains(origin.user()) || isWorkspaceAdmin(origin));
    digestPoster = new SlackDigestPoster(new BlockKitRenderer(), delivery);
    new SlashCommands(responder).register(app);
    new Conversations(responder, tokens).register(app);
    new AnswerButtons(responder, feedback).register(app);

    startApp();
    switch (settings.mode()) {
      case SOCKET -> startSocketMode();
      case HTTP -> {
        try {
          http =
              new HttpTransport(
                  app,
                  settings.httpHost(),
                  settings.httpPort(),
                  settings.httpPath(),
                  distribution == null
                      ? Set.of()
                      : Set.of(settings.oauth().installPath(), settings.oauth().redirectPath()),
                  new SignedRequestCheck(signingSecret, clock, replays));
        } catch (BindException e) {
          throw new SettingsException(
              "Slack HTTP mode cannot listen on "
                  + settings.httpHost()
                  + " port "
                  + settings.httpPort()
                  + " ("
                  + e.getMessage()
                  + "). Choose another with readingroom.slack.http.host and .port, or"
                  + " READINGROOM_SLACK_HOST and READINGROOM_SLACK_PORT.");
        }
        http.start();
        log.info(
            "Slack HTTP mode listening on {}:{} at {}",
            settings.httpHost(),
            http.port(),
            settings.httpPath());
        if (distribution != null) {
          log.info(
              "Slack workspaces install the app from {} (Slack redirects to {})",
              settings.oauth().installPath(),
              settings.oauth().redirectPath());
        }
      }
    }
  }

  /** Builds the middleware, which checks the bot token with auth.test. */
  private void startApp() {
    try {
      app.start();
    } catch (RuntimeException e) {
      if (SlackTokenCheck.isNetwork(e)) {
        throw SlackTokenCheck.unreachable(settings.apiUrl(), e);
      }
      if (e instanceof IllegalArgumentException) {
        throw new SettingsException(SlackTokenCheck.botTokenRefused(e.getMessage()));
      }
      throw e;
    }
  }

  private void startSocketMode() throws Exception {
    // Bolt's Socket Mode start-up hides a refused app token in a null client; ask first, so the
    // message says what is wrong.
    AppsConnectionsOpenResponse open;
    try {
      open = slack.methods(appToken).appsConnectionsOpen(r -> r);
    } catch (IOException e) {
      throw SlackTokenCheck.unreachable(settings.apiUrl(), e);
    }
    if (!open.isOk()) {
      throw new SettingsException(SlackTokenCheck.appTokenRefused(open.getError()));
    }
    socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
    socketMode.startAsync();
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  @Override
  public Map<Platform, DigestPoster> digestPosters() {
    return digestPoster == null ? Map.of() : Map.of(Platform.SLACK, digestPoster);
  }

  /** The HTTP port, once started in HTTP mode. */
  int httpPort() {
    return http.port();
  }

  /** The HTTP address listened on, once started in HTTP mode. */
  java.net.InetSocketAddress httpAddress() {
    return http.address();
  }

  /**
   * Whether Slack says the user is an admin or owner of the workspace asked from ({@code
   * users.info}, with that workspace's token). Any failure means no: a refused settings change is
   * safe, a wrongly allowed one is not.
   */
  private boolean isWorkspaceAdmin(Origin origin) {
    String user = origin.user();
    Optional<String> token = tokens.botToken(origin.workspace());
    if (token.isEmpty()) {
      return false;
    }
    try {
      var response = slack.methods(token.get()).usersInfo(r -> r.user(user));
      return response.isOk()
          && response.getUser() != null
          && (response.getUser().isAdmin() || response.getUser().isOwner());
    } catch (Exception e) {
      log.warn("Could not check whether {} is a workspace admin: {}", user, e.toString());
      return false;
    }
  }

  @Override
  public void close() {
    try {
      if (socketMode != null) {
        socketMode.close();
      }
    } catch (Exception e) {
      log.warn("Socket Mode did not close cleanly: {}", e.getMessage());
    }
    if (http != null) {
      http.close();
    }
    if (app != null) {
      app.stop();
    }
    if (workers != null) {
      // Inside the 9 s bound the whole stop has (GracefulShutdown).
      Shutdown.await(workers, Duration.ofSeconds(5));
    }
    if (slack != null) {
      try {
        slack.close();
      } catch (Exception e) {
        log.debug("Slack client did not close cleanly", e);
      }
    }
  }

  /**
   * Up while Socket Mode's WebSocket is open, or, in HTTP mode, once the endpoint Slack calls is
   * listening (there is no connection to keep).
   */
  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(
        new HealthCheck(
            "slack",
            () -> {
              if (http != null) {
                return true;
              }
              SocketModeApp socket = socketMode;
              return socket != null
                  && !socket.isClientStopped()
                  && socket.getClient() != null
                  && socket.getClient().verifyConnection();
            }));
  }
}
