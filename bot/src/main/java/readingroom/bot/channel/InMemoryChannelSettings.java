package readingroom.bot.channel;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import readingroom.bot.model.ChannelSettings;

/** Channel settings in a map: for runs without a database file. */
final class InMemoryChannelSettings implements ChannelSettingsRepository {

  private final Map<ChannelKey, ChannelSettings> settings = new ConcurrentHashMap<>();

  @Override
  public Optional<ChannelSettings> find(ChannelKey channel) {
    return Optional.ofNullable(settings.get(channel));
  }

  @Override
  public void save(ChannelKey channel, ChannelSettings value, String changedBy) {
    settings.put(channel, value);
  }
}
