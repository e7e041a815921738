package readingroom.bot.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ContextException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
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
  private ExecutorService workers;
  private JDA jda;

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
    return jda == null
        ? java.util.Map.of()
        : java.util.Map.of(
            readingroom.bot.model.Platform.DISCORD,
            new DiscordDigestPoster(jda, new DiscordRenderer()));
  }

  /**
   * A platform ready to {@link #start()}.
   *
   * @param token the bot token, with or without the "Bot " prefix
   * @param feedback where "Helpful" / "Not helpful" clicks go
   */
  public static DiscordPlatform create(
      DiscordSettings settings, String token, ChatCommands commands, FeedbackSink feedback) {
    String bare = token.strip();
    if (bare.regionMatches(true, 0, "Bot ", 0, 4)) {
      bare = bare.substring(4).strip();
    }
    // JDA would refuse it too, but with the token in its message.
    if (bare.isEmpty() || bare.chars().anyMatch(Character::isWhitespace)) {
      throw new SettingsException(
          "DISCORD_TOKEN is not a bot token: it is empty or has spaces or line breaks inside.");
    }
    return new DiscordPlatform(settings, bare, commands, feedback);
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
    DiscordListener listener =
        new DiscordListener(
            new Responder(
                commands,
                feedback,
                new DiscordRenderer(),
                new RecentQuestions(settings.rememberedAnswers()),
                workers),
            settings.mentionThreads());
    // Every message sets its own (empty) allowed mentions; these JVM-wide defaults make any
    // message that does not set them ping no one either.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
    CompletableFuture<Void> ready = new CompletableFuture<>();
    EventListener readiness =
        event -> {
          if (event instanceof ReadyEvent) {
            ready.complete(null);
          } else if (event instanceof ShutdownEvent shutdown) {
            ready.completeExceptionally(new SettingsException(closedDuringStart(shutdown)));
          }
        };
    try {
      jda =
          JDABuilder.createLight(token, INTENTS)
              .disableCache(EnumSet.allOf(CacheFlag.class))
              .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl()))
              .setSessionController(new GatewayAt(settings.gatewayUrl()))
              // Uncompressed JSON: a small bot's traffic is light, and it is what the tests run.
              .setCompression(Compression.NONE)
              .setGatewayEncoding(GatewayEncoding.JSON)
              // A timed-out message may still have been posted: resending could post it twice.
              .setRequestTimeoutRetry(false)
              .setEnableShutdownHook(false)
              .addEventListeners(readiness, listener)
              .build();
    } catch (InvalidTokenException e) {
      close();
      throw new SettingsException(TOKEN_REFUSED);
    } catch (RuntimeException e) {
      close();
      throw new SettingsException(
          "Cannot reach Discord at " + settings.restUrl() + ": " + reason(e) + ".");
    }
    try {
      ready.get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      close();
      throw e.getCause() instanceof SettingsException settingsProblem
          ? settingsProblem
          : new SettingsException("Discord start-up failed: " + reason(e.getCause()) + ".");
    } catch (TimeoutException e) {
      close();
      throw new SettingsException(
          "Discord's gateway at "
              + settings.gatewayUrl()
              + " did not accept the connection within "
              + settings.startTimeout().toSeconds()
              + " s (readingroom.discord.start-timeout): check the network, or readingroom.discord.gateway-url.");
    }
    try {
      registerCommands();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    log.info(
        "Discord: connected as {}; add Reading Room to a server with {}",
        jda.getSelfUser().getName(),
        InviteUrl.of(jda.getSelfUser().getApplicationIdLong()));
  }

  private void registerCommands() {
    String invite = InviteUrl.of(jda.getSelfUser().getApplicationIdLong());
    try {
      if (settings.registersInGuild()) {
        Guild guild = jda.getGuildById(settings.guildId());
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
      } else {
        jda.updateCommands().addCommands(SlashCommands.all()).complete();
        log.info(
            "Discord: slash commands registered globally (servers may take a while to see them)");
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
    if (jda != null) {
      jda.shutdown();
      try {
        if (!jda.awaitShutdown(10, TimeUnit.SECONDS)) {
          jda.shutdownNow();
        }
      } catch (InterruptedException e) {
        jda.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

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

  /** Up while the gateway session is connected (JDA reconnects by itself after a drop). */
  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(
        new HealthCheck("discord", () -> jda != null && jda.getStatus() == JDA.Status.CONNECTED));
  }
}
