package readingroom.bot.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import readingroom.index.fetch.FeedSource;
import readingroom.index.fetch.Fetcher;

/**
 * The {@code readingroom.feeds} section: the feeds a reading list follows and the limits of polite
 * fetching, validated once with a message naming the key.
 */
public record FeedSettings(List<FeedSource> feeds, Fetcher.Limits limits, Duration pollEvery) {

  /** Whether the serving process polls the feeds itself. */
  public boolean pollsWhileServing() {
    return !feeds.isEmpty() && !pollEvery.isZero();
  }

  /** {@code readingroom.add.max-file-size}: the largest file attached in chat that is taken. */
  public static long maxUploadBytes(Settings settings) {
    Config root = settings.raw().getConfig(Settings.ROOT);
    try {
      long bytes = root.getBytes("add.max-file-size");
      if (bytes <= 0) {
        throw Settings.problem(root, "add.max-file-size", "must be a positive size such as 10M");
      }
      return bytes;
    } catch (ConfigException e) {
      throw new SettingsException("Setting " + Settings.ROOT + ".add: " + e.getMessage());
    }
  }

  public static FeedSettings from(Settings settings) {
    Config root = settings.raw().getConfig(Settings.ROOT);
    List<FeedSource> feeds = new ArrayList<>();
    List<? extends ConfigValue> list;
    try {
      list = root.getList("feeds.list");
    } catch (ConfigException.Missing e) {
      list = List.of();
    } catch (ConfigException.WrongType e) {
      throw Settings.problem(root, "feeds.list", "must be a list of { url = ..., tags = [...] }");
    }
    for (ConfigValue value : list) {
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw Settings.problem(root, "feeds.list", "must hold { url = ..., tags = [...] } entries");
      }
      Config feed = ((com.typesafe.config.ConfigObject) value).toConfig();
      if (!feed.hasPath("url") || !feed.getString("url").matches("(?i)https?://\\S+")) {
        throw Settings.problem(root, "feeds.list", "needs an http(s) 'url' in every entry");
      }
      List<String> tags = feed.hasPath("tags") ? feed.getStringList("tags") : List.of();
      feeds.add(new FeedSource(feed.getString("url"), tags));
    }
    try {
      Fetcher.Limits limits =
          new Fetcher.Limits(
              root.getString("feeds.user-agent"),
              root.getDuration("feeds.timeout"),
              root.getBytes("feeds.max-page-size"),
              root.getInt("feeds.max-redirects"),
              root.getDuration("feeds.per-host-interval"));
      Duration pollEvery = root.getDuration("feeds.poll-every");
      if (pollEvery.isNegative() || (!pollEvery.isZero() && pollEvery.toSeconds() < 60)) {
        throw Settings.problem(
            root, "feeds.poll-every", "must be 0 (off) or at least a minute, such as 30m");
      }
      return new FeedSettings(feeds, limits, pollEvery);
    } catch (ConfigException e) {
      throw new SettingsException("Setting " + Settings.ROOT + ".feeds: " + e.getMessage());
    }
  }
}
