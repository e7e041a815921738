package readingroom.bot.channel;

import java.util.Optional;
import readingroom.bot.model.ChannelSettings;

/**
 * Where channel settings are kept. The SQLite implementation in the state package keeps them across
 * restarts; {@link #inMemory()} is for a bot without a database file, such as a one-off console
 * chat.
 */
public interface ChannelSettingsRepository {

  /** The channel's stored choices, or empty when nobody changed them. */
  Optional<ChannelSettings> find(ChannelKey channel);

  /**
   * Stores the channel's choices, replacing what was there, all or nothing.
   *
   * @param changedBy who changed them, already hashed (never a raw user id)
   */
  void save(ChannelKey channel, ChannelSettings settings, String changedBy);

  /** Settings kept in this process only: lost on restart. */
  static ChannelSettingsRepository inMemory() {
    return new InMemoryChannelSettings();
  }
}
