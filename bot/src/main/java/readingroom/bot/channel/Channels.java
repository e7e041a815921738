package readingroom.bot.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.ChannelSettings;

/**
 * Every channel's settings. A single process reads them through a memory copy: scopes are needed on
 * every question and every autocomplete keystroke, so they are read from the repository once per
 * channel and written through on change. Replicas sharing a database read the repository every time
 * instead (one indexed lookup), so a change made through one is in force on all at once.
 */
public final class Channels {

  private final ChannelSettingsRepository repository;
  private final ChannelDefaults defaults;
  private final Map<ChannelKey, ChannelSettings> known = new ConcurrentHashMap<>();
  private final boolean remember;

  /** Settings remembered in memory: this process is the only one changing them. */
  public Channels(ChannelSettingsRepository repository, ChannelDefaults defaults) {
    this(repository, defaults, true);
  }

  /**
   * @param remember whether to keep a memory copy; {@code false} when other processes change the
   *     same settings
   */
  public Channels(
      ChannelSettingsRepository repository, ChannelDefaults defaults, boolean remember) {
    this.repository = repository;
    this.defaults = defaults;
    this.remember = remember;
  }

  public ChannelDefaults defaults() {
    return defaults;
  }

  /** What the channel chose, {@link ChannelSettings#UNSET} when nothing. */
  public ChannelSettings chosen(ChannelKey channel) {
    if (!remember) {
      return repository.find(channel).orElse(ChannelSettings.UNSET);
    }
    return known.computeIfAbsent(
        channel, key -> repository.find(key).orElse(ChannelSettings.UNSET));
  }

  /** The settings in force in the channel. */
  public ChannelSettings.Effective effective(ChannelKey channel) {
    return chosen(channel).effective(defaults);
  }

  /**
   * Changes a channel's settings: stored first, then remembered, so a failed write leaves the
   * channel as it was. Changes are serialised in this process and, through the repository, across
   * replicas: two changes never lose each other's fields.
   *
   * @return the channel's new choices
   */
  public synchronized ChannelSettings update(
      ChannelKey channel, UnaryOperator<ChannelSettings> change, String changedBy) {
    if (!remember) {
      return repository.update(channel, change, changedBy);
    }
    ChannelSettings updated = change.apply(chosen(channel));
    repository.save(channel, updated, changedBy);
    known.put(channel, updated);
    return updated;
  }
}
