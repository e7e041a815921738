package readingroom.bot.cli;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.channel.Channels;
import readingroom.bot.channel.RateLimiter;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.ServingSettings;
import readingroom.bot.digest.DigestComposer;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.Digests;
import readingroom.bot.library.FeedWatch;
import readingroom.bot.library.Library;
import readingroom.bot.metrics.ChatMetrics;
import readingroom.bot.metrics.HealthCheck;
import readingroom.bot.platform.ChatPlatform;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.state.SharedRateBuckets;
import readingroom.bot.state.SqliteChannelSettings;
import readingroom.bot.state.SqliteConversationMemory;
import readingroom.bot.state.SqliteDiscussionHistory;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.state.UserHasher;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.fetch.FeedSource;

/**
 * The composition root of a serving bot: the chat commands, the question log and the daily digests,
 * assembled from its settings in one place that tests share.
 *
 * @param commands what adapters call
 * @param questionLog the question log, or {@code null} when logging is off
 * @param digests the digests' runner for the scheduler, or {@code null} when digests are off
 */
public record ChatLayer(ChatCommands commands, QuestionLog questionLog, DigestRunner digests) {

  /**
   * The commands with channel settings and the question log in {@code database}, the configured
   * cache and limits, and meters in {@code registry}.
   */
  public static ChatLayer open(
      Engine engine,
      StateDatabase database,
      ServingSettings serving,
      Secrets secrets,
      MeterRegistry registry,
      Clock clock) {
    return open(engine, database, serving, secrets, registry, clock, null, 0);
  }

  /**
   * As {@link #open(Engine, StateDatabase, ServingSettings, Secrets, MeterRegistry, Clock)}, with
   * {@code /add} into {@code library} (attached files up to {@code maxUploadBytes}); a {@code null}
   * library leaves adding off.
   */
  public static ChatLayer open(
      Engine engine,
      StateDatabase database,
      ServingSettings serving,
      Secrets secrets,
      MeterRegistry registry,
      Clock clock,
      Library library,
      long maxUploadBytes) {
    UserHasher hasher = UserHasher.of(secrets.get(Secrets.STATE_SALT), database);
    QuestionLog questionLog =
        serving.questionLog()
            ? new QuestionLog(database, hasher, serving.logRetention(), clock)
            : null;
    // One set of channel settings, read by the commands and the digests alike; remembered in
    // memory unless other replicas share the database and may change them.
    boolean shared = database.location().shared();
    Channels channels =
        new Channels(new SqliteChannelSettings(database, clock), serving.defaults(), !shared);
    // Replicas share one allowance per person and channel; a lone process keeps it in memory.
    RateLimiter limiter =
        shared
            ? new RateLimiter(
                serving.userLimit(),
                serving.channelLimit(),
                clock,
                new SharedRateBuckets(
                    database,
                    hasher,
                    RateLimiter.longest(serving.userLimit(), serving.channelLimit()),
                    clock))
            : new RateLimiter(serving.userLimit(), serving.channelLimit(), clock);
    ChatCommands.Builder builder =
        ChatCommands.builder(engine)
            .channels(channels)
            .cache(new AnswerCache(serving.cacheSpec(), Ticker.systemTicker()))
            .limiter(limiter)
            .questionLog(questionLog, hasher)
            .metrics(new ChatMetrics(registry))
            .conversations(
                new SqliteConversationMemory(database, clock),
                new SqliteDiscussionHistory(database, clock))
            .clock(clock);
    if (library != null) {
      builder.library(library, maxUploadBytes);
    }
    ServingSettings.Digest digest = serving.digest();
    Digests digests = null;
    if (digest.enabled()) {
      digests =
          Digests.create(
              engine,
              database,
              key -> channels.effective(key).scope(),
              questionLog != null ? questionLog::mostAsked : DigestComposer.MostAsked.NONE,
              new DigestRunner.Options(
                  digest.grace(),
                  DigestRunner.Options.DEFAULTS.lease(),
                  DigestRunner.Options.DEFAULTS.maxAttempts()),
              clock);
      builder.digests(digests);
    }
    ChatCommands commands = builder.build();
    return new ChatLayer(commands, questionLog, digests == null ? null : digests.runner());
  }

  /** As {@link #healthChecks(Engine, StateDatabase, List, FeedWatch)}, with no feeds watched. */
  public static List<HealthCheck> healthChecks(
      Engine engine, StateDatabase database, List<? extends ChatPlatform> platforms) {
    return healthChecks(engine, database, platforms, null);
  }

  /** As {@link #healthChecks(Engine, StateDatabase, List, FeedWatch)}, with no platform. */
  public static List<HealthCheck> healthChecks(
      Engine engine, StateDatabase database, FeedWatch feeds) {
    return healthChecks(engine, database, List.of(), feeds);
  }

  /**
   * What {@code /health} checks, so that it says ready only when this replica can serve: the state
   * database answers, the index is open and holds articles, and each configured platform is
   * connected; each watched feed's last poll is advisory: a failing feed shows as "feed <url>":
   * "DOWN" and makes the bot "DEGRADED", never down.
   */
  public static List<HealthCheck> healthChecks(
      Engine engine,
      StateDatabase database,
      List<? extends ChatPlatform> platforms,
      FeedWatch feeds) {
    List<HealthCheck> checks = new ArrayList<>();
    checks.add(new HealthCheck("database", database::healthy));
    checks.add(new HealthCheck("index", () -> !engine.sources(Scope.all()).isEmpty()));
    for (ChatPlatform platform : platforms) {
      checks.addAll(platform.healthChecks());
    }
    if (feeds != null) {
      for (FeedSource feed : feeds.feeds()) {
        checks.add(HealthCheck.advisory("feed " + feed.url(), () -> feeds.healthy(feed.url())));
      }
    }
    return List.copyOf(checks);
  }
}
