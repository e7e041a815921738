package readingroom.bot.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.ChannelSettings;

/**
 * Every channel's settings, read through a memory copy: scopes are needed on every question and
 * every autocomplete keystroke, so they are read from the repository once per channel and written
 * through on change.
 */
public final class Channels {

  private final ChannelSettingsRepository repository;
  private final ChannelDefaults defaults;
  private final Map<ChannelKey, ChannelSettings> known = new ConcurrentHashMap<>();

  public Channels(ChannelSettingsRepository repository, ChannelDefaults defaults) {
    this.repository = repository;
    this.defaults = defaults;
  }

  public ChannelDefaults defaults() {
    return defaults;
  }

  /** What the channel chose, {@link ChannelSettings#UNSET} when nothing. */
  public ChannelSettings chosen(ChannelKey channel) {
    return known.computeIfAbsent(
        channel, key -> repository.find(key).orElse(ChannelSettings.UNSET));
  }

  /** The settings in force in the channel. */
  public ChannelSettings.Effective effective(ChannelKey channel) {
    return chosen(channel).effective(defaults);
  }

  /**
   * Changes a channel's settings: stored first, then remembered, so a failed write leaves the
   * channel as it was. Changes to one process's channels are serialised; two changes never lose
   * each other's fields.
   *
   * @return the channel's new choices
   */
  public synchronized ChannelSettings update(
      ChannelKey channel, UnaryOperator<ChannelSettings> change, String changedBy) {
    ChannelSettings updated = change.apply(chosen(channel));
    repository.save(channel, updated, changedBy);
    known.put(channel, updated);
    return updated;
  }
}
