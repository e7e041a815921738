package readingroom.bot.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.ChannelSettingsRepository;
import readingroom.bot.model.ChannelSettings;
import readingroom.bot.model.Visibility;
import readingroom.index.Scope;

/**
 * Channel settings in the state database (SQLite or PostgreSQL); a save replaces a channel's row
 * and scope in one go.
 */
public final class SqliteChannelSettings implements ChannelSettingsRepository {

  private final StateDatabase database;
  private final Clock clock;

  public SqliteChannelSettings(StateDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Optional<ChannelSettings> find(ChannelKey channel) {
    return database.read(c -> find(c, channel, ""));
  }

  /**
   * Reads, changes and stores a channel's settings in one transaction that holds the channel's row
   * lock, so two replicas changing different settings of one channel at once lose neither change. A
   * channel without a row gets one first (all defaults), so that there is a row to lock.
   */
  @Override
  public ChannelSettings update(
      ChannelKey channel, UnaryOperator<ChannelSettings> change, String changedBy) {
    long now = clock.millis();
    return database.inTransaction(c -> {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO channel_settings (platform, workspace, channel, updated_at, updated_by)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, workspace, channel) DO NOTHING")) {
        bind(insert, channel);
        insert.setLong(4, now);
        insert.setString(5, changedBy);
        insert.executeUpdate();
      }
      ChannelSettings current =
          find(c, channel, database.dialect().forUpdate()).orElse(ChannelSettings.UNSET);
      ChannelSettings updated = change.apply(current);
      write(c, channel, updated, changedBy, now);
      return updated;
    });
  }

  private static Optional<ChannelSettings> find(Connection c, ChannelKey channel, String lock)
      throws SQLException {
    Visibility visibility;
    Integer maxQuotes;
    LocalDate from;
    LocalDate to;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT scope_from, scope_to, visibility, max_quotes FROM channel_settings"
                + " WHERE platform = ? AND workspace = ? AND channel = ?"
                + lock)) {
      bind(select, channel);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        from = date(row.getString("scope_from"));
        to = date(row.getString("scope_to"));
        String storedVisibility = row.getString("visibility");
        visibility = storedVisibility == null ? null : Visibility.valueOf(storedVisibility);
        int quotes = row.getInt("max_quotes");
        maxQuotes = row.wasNull() ? null : quotes;
      }
    }
    Set<String> articles = new HashSet<>();
    Set<String> tags = new HashSet<>();
    try (PreparedStatement items =
        c.prepareStatement(
            "SELECT kind, value FROM channel_scope_items"
                + " WHERE platform = ? AND workspace = ? AND channel = ?")) {
      bind(items, channel);
      try (ResultSet row = items.executeQuery()) {
        while (row.next()) {
          (row.getString("kind").equals("ARTICLE") ? articles : tags).add(row.getString("value"));
        }
      }
    }
    return Optional.of(
        new ChannelSettings(new Scope(articles, tags, from, to), visibility, maxQuotes));
  }

  @Override
  public void save(ChannelKey channel, ChannelSettings settings, String changedBy) {
    long now = clock.millis();
    database.inTransaction(c -> {
      write(c, channel, settings, changedBy, now);
      return null;
    });
  }

  private static void write(
      Connection c, ChannelKey channel, ChannelSettings settings, String changedBy, long now)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO channel_settings (platform, workspace, channel, scope_from, scope_to,"
                + " visibility, max_quotes, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (platform, workspace, channel) DO UPDATE SET"
                + " scope_from = excluded.scope_from, scope_to = excluded.scope_to,"
                + " visibility = excluded.visibility, max_quotes = excluded.max_quotes,"
                + " updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
      bind(upsert, channel);
      Scope scope = settings.scope();
      upsert.setString(4, scope.from() == null ? null : scope.from().toString());
      upsert.setString(5, scope.to() == null ? null : scope.to().toString());
      upsert.setString(6, settings.visibility() == null ? null : settings.visibility().name());
      if (settings.maxQuotes() == null) {
        upsert.setNull(7, Types.INTEGER);
      } else {
        upsert.setInt(7, settings.maxQuotes());
      }
      upsert.setLong(8, now);
      upsert.setString(9, changedBy);
      upsert.executeUpdate();
    }
    try (PreparedStatement clear =
        c.prepareStatement(
            "DELETE FROM channel_scope_items"
                + " WHERE platform = ? AND workspace = ? AND channel = ?")) {
      bind(clear, channel);
      clear.executeUpdate();
    }
    insertItems(c, channel, "ARTICLE", settings.scope().articleIds());
    insertItems(c, channel, "TAG", settings.scope().tags());
  }

  private static void insertItems(Connection c, ChannelKey channel, String kind, Set<String> values)
      throws SQLException {
    if (values.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO channel_scope_items (platform, workspace, channel, kind, value)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (String value : values) {
        bind(insert, channel);
        insert.setString(4, kind);
        insert.setString(5, value);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void bind(PreparedStatement statement, ChannelKey channel) throws SQLException {
    statement.setString(1, channel.platform().name());
    statement.setString(2, channel.workspace());
    statement.setString(3, channel.channel());
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }
}
