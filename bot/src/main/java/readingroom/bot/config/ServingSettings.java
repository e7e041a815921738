package readingroom.bot.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.channel.RateLimiter;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.DatabaseLocation;

/**
 * The settings of the layer between chat and engine: channel defaults, the state database, the
 * answer cache, rate limits, the question log and the metrics endpoint. Part of {@link Settings},
 * validated with it at start-up.
 *
 * @param defaults what channels get until they change their settings
 * @param database the SQLite file or PostgreSQL server with channel settings, the question log,
 *     digests and shared rate limits
 * @param busyTimeout how long to wait for another process's lock on the database
 * @param cacheSpec the answer cache's Caffeine specification
 * @param userLimit questions per person
 * @param channelLimit questions per channel
 * @param questionLog whether questions are logged
 * @param logRetention how long logged questions are kept
 * @param metrics the metrics and health endpoint
 * @param digest the daily digests
 * @param replica this process's name among replicas, for metrics and digest claims
 */
public record ServingSettings(
    ChannelDefaults defaults,
    DatabaseLocation database,
    Duration busyTimeout,
    String cacheSpec,
    RateLimiter.Limit userLimit,
    RateLimiter.Limit channelLimit,
    boolean questionLog,
    Duration logRetention,
    Metrics metrics,
    Digest digest,
    String replica) {

  /**
   * Where {@code /metrics} and {@code /health} are served.
   *
   * @param enabled whether to serve them at all
   * @param host the address to listen on
   * @param port the port (0: any free one)
   * @param inConsole whether to serve them during a console chat too
   */
  public record Metrics(boolean enabled, String host, int port, boolean inConsole) {}

  /**
   * The daily digests.
   *
   * @param enabled whether channels may subscribe and digests are posted
   * @param grace how long after its time a missed day is still posted (after a restart)
   * @param checkEvery how often the scheduler looks for due digests
   */
  public record Digest(boolean enabled, Duration grace, Duration checkEvery) {
    public static final Digest DEFAULTS =
        new Digest(true, Duration.ofHours(3), Duration.ofSeconds(30));
  }

  static ServingSettings from(Config root, int maxQuotes) {
    String visibilityText = Settings.string(root, "answers.visibility");
    Visibility visibility =
        Visibility.parse(visibilityText)
            .orElseThrow(
                () -> Settings.problem(root, "answers.visibility", "must be public or private"));
    String spec = Settings.string(root, "cache.spec");
    try {
      AnswerCache.checkSpec(spec);
    } catch (IllegalArgumentException e) {
      throw Settings.problem(root, "cache.spec", e.getMessage());
    }
    String databaseText = Settings.string(root, "state.database");
    if (databaseText.isBlank()) {
      throw Settings.problem(root, "state.database", "must not be empty");
    }
    DatabaseLocation database;
    try {
      database = DatabaseLocation.parse(databaseText);
    } catch (IllegalArgumentException e) {
      // The message names the key and where it was set, never the value: it may hold a secret.
      throw new SettingsException(
          "Setting "
              + Settings.ROOT
              + ".state.database (set in "
              + root.getValue("state.database").origin().description()
              + ") "
              + e.getMessage()
              + ".");
    }
    return new ServingSettings(
        new ChannelDefaults(visibility, maxQuotes),
        database,
        duration(root, "state.busy-timeout", false),
        spec,
        limit(root, "limits.user-questions", "limits.user-period"),
        limit(root, "limits.channel-questions", "limits.channel-period"),
        bool(root, "question-log.enabled"),
        duration(root, "question-log.retention", true),
        new Metrics(
            bool(root, "metrics.enabled"),
            Settings.string(root, "metrics.host"),
            Settings.intIn(root, "metrics.port", 0, 65535),
            bool(root, "metrics.in-console")),
        digest(root),
        replica(Settings.string(root, "replica")));
  }

  /** The configured name, or this host's name, or "local" when even that is unknown. */
  private static String replica(String configured) {
    if (!configured.isBlank()) {
      return configured.strip();
    }
    String hostName = System.getenv("HOSTNAME");
    if (hostName != null && !hostName.isBlank()) {
      return hostName.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "local";
    }
  }

  private static Digest digest(Config root) {
    Duration grace = duration(root, "digest.grace", false);
    if (grace.compareTo(Duration.ofHours(23)) > 0) {
      throw Settings.problem(
          root, "digest.grace", "must be at most 23 hours, so a day is never posted on the next");
    }
    Duration every = duration(root, "digest.check-every", true);
    if (every.compareTo(Duration.ofSeconds(1)) < 0 || every.compareTo(Duration.ofMinutes(10)) > 0) {
      throw Settings.problem(root, "digest.check-every", "must be 1 second to 10 minutes");
    }
    return new Digest(bool(root, "digest.enabled"), grace, every);
  }

  private static RateLimiter.Limit limit(Config root, String questionsKey, String periodKey) {
    int questions = Settings.intIn(root, questionsKey, 0, 100_000);
    Duration period = duration(root, periodKey, true);
    return new RateLimiter.Limit(questions, period);
  }

  private static Duration duration(Config root, String key, boolean positive) {
    Duration value;
    try {
      value = root.getDuration(key);
    } catch (ConfigException.Missing e) {
      throw new SettingsException("Setting " + Settings.ROOT + "." + key + " is missing.");
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      throw Settings.problem(root, key, "must be a duration, like 30 seconds, 1 minute or 90 days");
    }
    if (value.isNegative() || (positive && value.isZero())) {
      throw Settings.problem(
          root, key, positive ? "must be longer than zero" : "must not be negative");
    }
    return value;
  }

  private static boolean bool(Config root, String key) {
    try {
      return root.getBoolean(key);
    } catch (ConfigException.Missing e) {
      throw new SettingsException("Setting " + Settings.ROOT + "." + key + " is missing.");
    } catch (ConfigException.WrongType e) {
      throw Settings.problem(root, key, "must be true or false");
    }
  }
}
