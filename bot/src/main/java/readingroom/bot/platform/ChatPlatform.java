package readingroom.bot.platform;

import java.util.List;
import java.util.Map;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.metrics.HealthCheck;
import readingroom.bot.model.Platform;

/** A running connection to one chat platform. */
public interface ChatPlatform extends AutoCloseable {

  /** A name for logs, e.g. "Discord". */
  String name();

  /**
   * Connects and starts serving. Returns once connected.
   *
   * @throws readingroom.bot.config.SettingsException with one clear line when a token is missing or
   *     refused
   */
  void start() throws Exception;

  /**
   * How digests are posted to this platform's channels, by platform, once started; none for a
   * platform that does not post digests.
   */
  default Map<Platform, DigestPoster> digestPosters() {
    return Map.of();
  }

  /**
   * What {@code /health} checks for this platform: whether each of its connections is up now (a
   * gateway session per Discord shard, Slack's Socket Mode link). Down before {@link #start()}, so
   * a replica counts as ready only once it can serve.
   */
  List<HealthCheck> healthChecks();

  /** Disconnects. */
  @Override
  void close();
}
