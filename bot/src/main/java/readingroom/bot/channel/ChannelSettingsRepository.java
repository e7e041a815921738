package readingroom.bot.channel;

import java.util.Optional;
import java.util.function.UnaryOperator;
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

  /**
   * Reads the channel's choices, applies {@code change} and stores the result, as one step against
   * every other writer: a database shared by replicas locks the channel's row for it, so two
   * changes made at once never lose each other's fields. This default serves one process, whose
   * callers serialise their changes.
   *
   * @return the channel's new choices
   */
  default ChannelSettings update(
      ChannelKey channel, UnaryOperator<ChannelSettings> change, String changedBy) {
    ChannelSettings updated = change.apply(find(channel).orElse(ChannelSettings.UNSET));
    save(channel, updated, changedBy);
    return updated;
  }

  /** Settings kept in this process only: lost on restart. */
  static ChannelSettingsRepository inMemory() {
    return new InMemoryChannelSettings();
  }
}
