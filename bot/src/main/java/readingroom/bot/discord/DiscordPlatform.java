package readingroom.bot.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ContextException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.SettingsException;
import readingroom.bot.metrics.HealthCheck;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.platform.ChatPlatform;
import readingroom.bot.platform.Shutdown;

/**
 * Reading Room on Discord, through JDA: connects with the bot token, registers the slash commands,
 * prints the invite link, and serves until closed. Start-up problems (a refused token, an
 * unreachable Discord, a server the bot is not in) become one line saying what to fix.
 */
public final class DiscordPlatform implements ChatPlatform {

  private static final Logger log = LoggerFactory.getLogger(DiscordPlatform.class);

  /** Guild messages, for mentions; Discord sends their text to a mentioned bot without extras. */
  static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES);

  private static final String TOKEN_REFUSED =
      "Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal"
          + " (Applications > your app > Bot > Reset Token) into DISCORD_TOKEN or DISCORD_TOKEN_FILE.";

  private final DiscordSettings settings;
  private final String token;
  private final ChatCommands commands;
  private final FeedbackSink feedback;

  /**
   * Connect and read timeout of each REST call. Discord answers in well under a second; a post that
   * times out anyway may have been accepted, and is deduplicated by its nonce or looked up, never
   * simply resent (JDA's own retry on a timeout is off).
   */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private Duration requestTimeout = REQUEST_TIMEOUT;
  private ExecutorService workers;
  private final InFlightReplies replies = new InFlightReplies();
  private ShardManager shards;

  private DiscordPlatform(
      DiscordSettings settings, String token, ChatCommands commands, FeedbackSink feedback) {
    this.settings = settings;
    this.token = token;
    this.commands = commands;
    this.feedback = feedback;
  }

  @Override
  public java.util.Map<readingroom.bot.model.Platform, readingroom.bot.digest.DigestPoster>
      digestPosters() {
    return shards == null
        ? java.util.Map.of()
        : java.util.Map.of(
            readingroom.bot.model.Platform.DISCORD,
            new DiscordDigestPoster(shards, new DiscordRenderer()));
  }

  /**
   * A platform ready to {@link #start()}.
   *
   * @param token the bot token, with or without the "Bot " prefix
   * @param feedback where "Helpful" / "Not helpful" clicks go
   */
  public static DiscordPlatform create(
      DiscordSettings settings, String token, ChatCommands commands, FeedbackSink feedback) {
    return new DiscordPlatform(settings, bare(token), commands, feedback);
  }

  /**
   * Asks Discord whether it accepts the token ({@code GET users/@me}), without connecting to the
   * gateway: a second, where starting JDA after the engine has loaded takes half a minute.
   *
   * @throws SettingsException saying the token was refused, or that Discord cannot be reached
   */
  public static void checkToken(DiscordSettings settings, String token) {
    new TokenCheck(settings.restUrl()).check(bare(token));
  }

  private static String bare(String token) {
    String bare = token.strip();
    if (bare.regionMatches(true, 0, "Bot ", 0, 4)) {
      bare = bare.substring(4).strip();
    }
    // JDA would refuse it too, but with the token in its message.
    if (bare.isEmpty() || bare.chars().anyMatch(Character::isWhitespace)) {
      throw new SettingsException(
          "DISCORD_TOKEN is not a bot token: it is empty or has spaces or line breaks inside.");
    }
    return bare;
  }

  /**
   * Uses this REST timeout instead of {@link #REQUEST_TIMEOUT} (tests play a slow Discord in a
   * second, not in ten). Before {@link #start()}.
   */
  DiscordPlatform requestTimeout(Duration timeout) {
    this.requestTimeout = timeout;
    return this;
  }

  static String tokenRefused() {
    return TOKEN_REFUSED;
  }

  @Override
  public String name() {
    return "Discord";
  }

  @Override
  public void start() throws InterruptedException {
    workers =
        Executors.newFixedThreadPool(
            settings.workers(), Thread.ofPlatform().name("discord-worker-", 1).daemon().factory());
    // Registered before the listener: the raw event of an interaction is handled first.
    InteractionPermissions permissions = new InteractionPermissions();
    DiscordListener listener =
        new DiscordListener(
            new Responder(
                commands,
                feedback,
                new DiscordRenderer(),
                new RecentQuestions(settings.rememberedAnswers()),
                workers,
                replies),
            settings.mentionThreads(),
            permissions);
    // Every message sets its own (empty) allowed mentions; these JVM-wide defaults make any
    // message that does not set them ping no one either.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
    CompletableFuture<Void> failed = new CompletableFuture<>();
    EventListener readiness =
        event -> {
          if (event instanceof ShutdownEvent shutdown && !connected()) {
            failed.completeExceptionally(new SettingsException(closedDuringStart(shutdown)));
          }
        };
    DiscordSettings.Shards split = settings.shards();
    try {
      DefaultShardManagerBuilder builder =
          DefaultShardManagerBuilder.createLight(token, INTENTS)
              .disableCache(EnumSet.allOf(CacheFlag.class))
              .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl()))
              .setHttpClientBuilder(
                  new OkHttpClient.Builder()
                      .connectTimeout(requestTimeout)
                      .readTimeout(requestTimeout)
                      .writeTimeout(requestTimeout))
              .setSessionController(new GatewayAt(settings.gatewayUrl()))
              // Uncompressed JSON: a small bot's traffic is light, and it is what the tests run.
              .setCompression(Compression.NONE)
              .setGatewayEncoding(GatewayEncoding.JSON)
              // A timed-out message may still have been posted: resending could post it twice.
              .setRequestTimeoutRetry(false)
              .setEnableShutdownHook(false)
              // For the members' permissions Discord resolves in each interaction.
              .setRawEventsEnabled(true)
              // 0: ask Discord (GET /gateway/bot) how many shards it recommends.
              .setShardsTotal(split.total() == 0 ? -1 : split.total())
              .addEventListeners(readiness, permissions, listener);
      if (!split.runsAll()) {
        builder.setShards(split.ids());
      }
      shards = builder.build();
    } catch (InvalidTokenException e) {
      close();
      throw new SettingsException(TOKEN_REFUSED);
    } catch (RuntimeException e) {
      close();
      throw new SettingsException(
          "Cannot reach Discord at " + settings.restUrl() + ": " + reason(e) + ".");
    }
    awaitConnected(failed);
    try {
      registerCommands();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    JDA first = shards.getShards().get(0);
    log.info(
        "Discord: connected as {} on shards {} of {}; add Reading Room to a server with {}",
        first.getSelfUser().getName(),
        shardIds(),
        shards.getShardsTotal(),
        InviteUrl.of(first.getSelfUser().getApplicationIdLong()));
  }

  /** Waits until every shard of this process is connected, or says why not. */
  private void awaitConnected(CompletableFuture<Void> failed) throws InterruptedException {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (!connected()) {
      if (failed.isCompletedExceptionally()) {
        close();
        try {
          failed.join();
        } catch (java.util.concurrent.CompletionException e) {
          throw e.getCause() instanceof SettingsException settingsProblem
              ? settingsProblem
              : new SettingsException("Discord start-up failed: " + reason(e.getCause()) + ".");
        }
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new SettingsException(
            "Discord's gateway at "
                + settings.gatewayUrl()
                + " did not accept the connection within "
                + settings.startTimeout().toSeconds()
                + " s (readingroom.discord.start-timeout): check the network, or"
                + " readingroom.discord.gateway-url.");
      }
      Thread.sleep(20);
    }
  }

  /** Whether every shard this process runs is started and connected. */
  private boolean connected() {
    ShardManager manager = shards;
    if (manager == null || manager.getShardsQueued() > 0) {
      return false;
    }
    List<JDA> running = manager.getShards();
    int expected =
        settings.shards().runsAll() ? manager.getShardsTotal() : settings.shards().ids().size();
    return running.size() == expected
        && running.stream().allMatch(shard -> shard.getStatus() == JDA.Status.CONNECTED);
  }

  private List<Integer> shardIds() {
    return shards.getShards().stream().map(s -> s.getShardInfo().getShardId()).sorted().toList();
  }

  /**
   * Registers the slash commands once for the whole bot, however many shards and replicas it runs
   * on: in the configured server by the process whose shard holds it, or globally by the process
   * running shard 0.
   */
  private void registerCommands() {
    JDA first = shards.getShards().get(0);
    String invite = InviteUrl.of(first.getSelfUser().getApplicationIdLong());
    DiscordSettings.Shards split = settings.shards();
    try {
      if (settings.registersInGuild()) {
        Guild guild = shards.getGuildById(settings.guildId());
        if (guild == null && !split.runsAll()) {
          log.info("Discord: the server's shard runs elsewhere; it registers the slash commands");
          return;
        }
        if (guild == null) {
          throw new SettingsException(
              "Setting readingroom.discord.guild-id is "
                  + Long.toUnsignedString(settings.guildId())
                  + ", but the bot is not in that server: add it with "
                  + invite
                  + " or leave guild-id empty to register the commands globally.");
        }
        guild.updateCommands().addCommands(SlashCommands.all()).complete();
        log.info("Discord: slash commands registered in server {}", guild.getName());
      } else if (split.registersGlobally()) {
        JDA zero = shards.getShardById(0);
        (zero == null ? first : zero).updateCommands().addCommands(SlashCommands.all()).complete();
        log.info(
            "Discord: slash commands registered globally (servers may take a while to see them)");
      } else {
        log.info("Discord: shard 0 runs elsewhere; it registers the slash commands");
      }
    } catch (ErrorResponseException e) {
      throw new SettingsException(
          "Discord refused the slash commands ("
              + e.getMeaning()
              + "): add the bot again with the applications.commands scope: "
              + invite);
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      Shutdown.await(workers, Duration.ofSeconds(5));
    }
    awaitReplies();
    ShardManager manager = shards;
    if (manager != null) {
      List<JDA> running = manager.getShards();
      manager.shutdown();
      try {
        for (JDA shard : running) {
          if (!shard.awaitShutdown(10, TimeUnit.SECONDS)) {
            shard.shutdownNow();
          }
        }
      } catch (InterruptedException e) {
        running.forEach(JDA::shutdownNow);
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The answers the workers finished are still on their way to Discord: JDA stops sending next. */
  private void awaitReplies() {
    try {
      if (!replies.await(REPLIES_ON_SHUTDOWN)) {
        log.warn("Discord: {} replies not acknowledged when stopping", replies.count());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final Duration REPLIES_ON_SHUTDOWN = Duration.ofSeconds(10);

  private static String closedDuringStart(ShutdownEvent shutdown) {
    CloseCode code = shutdown.getCloseCode();
    if (code == CloseCode.AUTHENTICATION_FAILED) {
      return TOKEN_REFUSED;
    }
    if (code == CloseCode.DISALLOWED_INTENTS) {
      return "Discord refused the gateway intents Reading Room asks for (" + INTENTS + ").";
    }
    return "Discord closed the connection during start-up ("
        + (code == null ? "code " + shutdown.getCode() : code.getMeaning())
        + ").";
  }

  /**
   * The most specific message in a failure's causes, e.g. "ConnectException: Failed to connect to
   * ...". JDA's own messages never hold the token here, and its ContextException only records where
   * a request was queued.
   */
  private static String reason(Throwable error) {
    Throwable best = error;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !(cause instanceof ContextException)) {
        best = cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    String message = best.getMessage();
    return best.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Points JDA at the configured gateway instead of Discord's default one. */
  private static final class GatewayAt extends SessionControllerAdapter {
    private final String url;

    GatewayAt(String url) {
      this.url = url;
    }

    @Override
    public String getGateway() {
      return url;
    }
  }

  /**
   * One check per shard this process runs, {@code discord-shard-N}, up while its gateway session is
   * connected (JDA reconnects by itself after a drop); before start-up, when the shards are not yet
   * known, one {@code discord} check that is down.
   */
  @Override
  public List<HealthCheck> healthChecks() {
    ShardManager manager = shards;
    List<Integer> ids =
        manager != null
            ? shardIds()
            : settings.shards().runsAll() ? List.of() : settings.shards().ids();
    if (ids.isEmpty()) {
      return List.of(new HealthCheck("discord", this::connected));
    }
    return ids.stream()
        .map(id ->
            new HealthCheck(
                "discord-shard-" + id,
                () -> {
                  JDA shard = shards == null ? null : shards.getShardById(id);
                  return shard != null && shard.getStatus() == JDA.Status.CONNECTED;
                }))
        .toList();
  }
}
