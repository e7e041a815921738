package readingroom.bot.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Platform;
import readingroom.bot.state.StateDatabase;

/**
 * The digests' tables in the state database: subscriptions, the claim and outcome of each channel's
 * day, the passages already featured, and when each article first appeared. Claims are taken in a
 * transaction, so of two attempts at the same day exactly one wins.
 */
public final class DigestStore {

  /** A passage featured for discussion in a channel. */
  public record Featured(String articleId, int start, int end, Instant at) {}

  /** A question and how often the channel asked it. */
  public record Asked(String question, int times) {}

  private final StateDatabase database;

  public DigestStore(StateDatabase database) {
    this.database = database;
  }

  public Optional<Subscription> find(ChannelKey channel) {
    return database.read(c -> {
      try (PreparedStatement select =
          c.prepareStatement(
              SELECT_SUBSCRIPTION + " WHERE platform = ? AND workspace = ? AND channel = ?")) {
        bind(select, 1, channel);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(subscription(row)) : Optional.<Subscription>empty();
        }
      }
    });
  }

  /** Every subscription, paused or not, in a stable order. */
  public List<Subscription> all() {
    return database.read(c -> {
      try (PreparedStatement select =
          c.prepareStatement(SELECT_SUBSCRIPTION + " ORDER BY platform, workspace, channel")) {
        List<Subscription> out = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            out.add(subscription(row));
          }
        }
        return out;
      }
    });
  }

  /** Creates or replaces a channel's subscription. */
  public void save(Subscription s, String updatedBy, Instant now) {
    database.inTransaction(c -> {
      try (PreparedStatement upsert =
          c.prepareStatement(
              "INSERT INTO digest_subscriptions (platform, workspace, channel, local_time, zone,"
                  + " topic, active_from, last_posted_at, paused_at, paused_reason, updated_at,"
                  + " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (platform, workspace, channel) DO UPDATE SET"
                  + " local_time = excluded.local_time, zone = excluded.zone,"
                  + " topic = excluded.topic, active_from = excluded.active_from,"
                  + " last_posted_at = excluded.last_posted_at, paused_at = excluded.paused_at,"
                  + " paused_reason = excluded.paused_reason, updated_at = excluded.updated_at,"
                  + " updated_by = excluded.updated_by")) {
        bind(upsert, 1, s.channel());
        upsert.setString(4, s.schedule().timeText());
        upsert.setString(5, s.schedule().zone().getId());
        upsert.setString(6, s.topic());
        upsert.setLong(7, s.activeFrom().toEpochMilli());
        setInstant(upsert, 8, s.lastPostedAt());
        setInstant(upsert, 9, s.pausedAt());
        upsert.setString(10, s.pausedReason());
        upsert.setLong(11, now.toEpochMilli());
        upsert.setString(12, updatedBy);
        return upsert.executeUpdate();
      }
    });
  }

  /** Removes a channel's subscription; its days and featured passages are kept. */
  public boolean delete(ChannelKey channel) {
    return database.inTransaction(c -> {
      try (PreparedStatement delete =
          c.prepareStatement(
              "DELETE FROM digest_subscriptions WHERE platform = ? AND workspace = ? AND channel = ?")) {
        bind(delete, 1, channel);
        return delete.executeUpdate() > 0;
      }
    });
  }

  /** Stops posting to a channel until it subscribes again. */
  public void pause(ChannelKey channel, Instant now, String reason) {
    database.inTransaction(c -> {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE digest_subscriptions SET paused_at = ?, paused_reason = ?"
                  + " WHERE platform = ? AND workspace = ? AND channel = ?")) {
        update.setLong(1, now.toEpochMilli());
        update.setString(2, reason);
        bind(update, 3, channel);
        return update.executeUpdate();
      }
    });
  }

  /** What became of a channel's day, if anything was recorded. */
  public Optional<SlotState> slot(ChannelKey channel, LocalDate day) {
    return database.read(c -> {
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT state FROM digest_slots WHERE platform = ? AND workspace = ? AND channel = ?"
                  + " AND slot_date = ?")) {
        bind(select, 1, channel);
        select.setString(4, day.toString());
        try (ResultSet row = select.executeQuery()) {
          return row.next()
              ? Optional.of(SlotState.valueOf(row.getString(1)))
              : Optional.<SlotState>empty();
        }
      }
    });
  }

  /**
   * Claims a channel's day for {@code owner}, in one transaction. A day nobody claimed, or one
   * released after a failure, is taken at once; a day claimed by another process is taken over only
   * once its claim is older than {@code lease} (that process died before posting); a finished day
   * is never taken. After {@code maxAttempts} claims the day is marked failed instead.
   *
   * @return whether {@code owner} now holds the day and should post it
   */
  public boolean claim(
      ChannelKey channel,
      LocalDate day,
      String owner,
      Instant now,
      Duration lease,
      int maxAttempts) {
    return database.inTransaction(c -> {
      SlotState state = null;
      String holder = null;
      long claimedAt = 0;
      int attempts = 0;
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT state, owner, claimed_at, attempts FROM digest_slots WHERE platform = ?"
                  + " AND workspace = ? AND channel = ? AND slot_date = ?")) {
        bind(select, 1, channel);
        select.setString(4, day.toString());
        try (ResultSet row = select.executeQuery()) {
          if (row.next()) {
            state = SlotState.valueOf(row.getString(1));
            holder = row.getString(2);
            claimedAt = row.getLong(3);
            attempts = row.getInt(4);
          }
        }
      }
      if (state == null) {
        try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO digest_slots (platform, workspace, channel, slot_date, state, owner,"
                    + " claimed_at, attempts) VALUES (?, ?, ?, ?, 'CLAIMED', ?, ?, 1)")) {
          bind(insert, 1, channel);
          insert.setString(4, day.toString());
          insert.setString(5, owner);
          insert.setLong(6, now.toEpochMilli());
          insert.executeUpdate();
        }
        return true;
      }
      if (state.finished() || owner.equals(holder)) {
        return false;
      }
      boolean abandoned =
          holder == null || !now.isBefore(Instant.ofEpochMilli(claimedAt).plus(lease));
      if (!abandoned) {
        return false;
      }
      if (attempts >= maxAttempts) {
        finish(c, channel, day, SlotState.FAILED, "gave up after " + attempts + " attempts", now);
        return false;
      }
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE digest_slots SET owner = ?, claimed_at = ?, attempts = attempts + 1"
                  + " WHERE platform = ? AND workspace = ? AND channel = ? AND slot_date = ?")) {
        update.setString(1, owner);
        update.setLong(2, now.toEpochMilli());
        bind(update, 3, channel);
        update.setString(6, day.toString());
        update.executeUpdate();
      }
      return true;
    });
  }

  /** Lets a failed claim be tried again on the next run, by any process. */
  public void release(ChannelKey channel, LocalDate day, String detail) {
    database.inTransaction(c -> {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE digest_slots SET owner = NULL, detail = ? WHERE platform = ?"
                  + " AND workspace = ? AND channel = ? AND slot_date = ? AND state = 'CLAIMED'")) {
        update.setString(1, shorten(detail));
        bind(update, 2, channel);
        update.setString(5, day.toString());
        return update.executeUpdate();
      }
    });
  }

  /** Settles a day without a post: empty, missed or failed. Never overwrites a finished day. */
  public void finish(
      ChannelKey channel, LocalDate day, SlotState state, String detail, Instant now) {
    if (!state.finished() || state == SlotState.POSTED) {
      throw new IllegalArgumentException("not a state without a post: " + state);
    }
    database.inTransaction(c -> {
      finish(c, channel, day, state, detail, now);
      return null;
    });
  }

  /**
   * Records a posted digest in one transaction: the day is done, the channel's "added since" moves
   * to {@code composedAt}, and the featured passage (if any) is remembered.
   */
  public void posted(ChannelKey channel, LocalDate day, Instant composedAt, Featured featured) {
    database.inTransaction(c -> {
      finish(c, channel, day, SlotState.POSTED, null, composedAt);
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE digest_subscriptions SET last_posted_at = ? WHERE platform = ?"
                  + " AND workspace = ? AND channel = ?")) {
        update.setLong(1, composedAt.toEpochMilli());
        bind(update, 2, channel);
        update.executeUpdate();
      }
      if (featured != null) {
        try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT OR IGNORE INTO digest_featured (platform, workspace, channel, article_id,"
                    + " quote_start, quote_end, featured_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          bind(insert, 1, channel);
          insert.setString(4, featured.articleId());
          insert.setInt(5, featured.start());
          insert.setInt(6, featured.end());
          insert.setLong(7, featured.at().toEpochMilli());
          insert.executeUpdate();
        }
      }
      return null;
    });
  }

  /** The passages featured in a channel, oldest first. */
  public List<Featured> featured(ChannelKey channel) {
    return database.read(c -> {
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT article_id, quote_start, quote_end, featured_at FROM digest_featured"
                  + " WHERE platform = ? AND workspace = ? AND channel = ?"
                  + " ORDER BY featured_at, article_id, quote_start")) {
        bind(select, 1, channel);
        List<Featured> out = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            out.add(
                new Featured(
                    row.getString(1),
                    row.getInt(2),
                    row.getInt(3),
                    Instant.ofEpochMilli(row.getLong(4))));
          }
        }
        return out;
      }
    });
  }

  /**
   * Records the articles of the index not seen before as first seen {@code now}; on the very first
   * call they are recorded as always present, so existing articles never count as new.
   */
  public void seen(Collection<String> articleIds, Instant now) {
    database.inTransaction(c -> {
      boolean first;
      try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM seen_articles");
          ResultSet row = count.executeQuery()) {
        first = row.next() && row.getLong(1) == 0;
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT OR IGNORE INTO seen_articles (article_id, first_seen) VALUES (?, ?)")) {
        for (String id : articleIds) {
          insert.setString(1, id);
          insert.setLong(2, first ? 0 : now.toEpochMilli());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  /** When each known article first appeared. */
  public Map<String, Instant> firstSeen() {
    return database.read(c -> {
      Map<String, Instant> out = new HashMap<>();
      try (PreparedStatement select =
              c.prepareStatement("SELECT article_id, first_seen FROM seen_articles");
          ResultSet row = select.executeQuery()) {
        while (row.next()) {
          out.put(row.getString(1), Instant.ofEpochMilli(row.getLong(2)));
        }
      }
      return out;
    });
  }

  /**
   * The questions a channel asked most often in {@code [from, to)} that the reading list answered,
   * most asked first (ties: most recent first), counting case-insensitively.
   */
  public List<Asked> mostAsked(ChannelKey channel, Instant from, Instant to, int limit) {
    return database.read(c -> {
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT MAX(question) AS q, COUNT(*) AS n, MAX(asked_at) AS latest"
                  + " FROM question_log WHERE platform = ? AND workspace = ? AND channel = ?"
                  + " AND asked_at >= ? AND asked_at < ? AND answered = 1"
                  + " GROUP BY lower(question) ORDER BY n DESC, latest DESC LIMIT ?")) {
        bind(select, 1, channel);
        select.setLong(4, from.toEpochMilli());
        select.setLong(5, to.toEpochMilli());
        select.setInt(6, limit);
        List<Asked> out = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            out.add(new Asked(row.getString(1), row.getInt(2)));
          }
        }
        return out;
      }
    });
  }

  private static final String SELECT_SUBSCRIPTION =
      "SELECT platform, workspace, channel, local_time, zone, topic, active_from, last_posted_at,"
          + " paused_at, paused_reason FROM digest_subscriptions";

  private static Subscription subscription(ResultSet row) throws SQLException {
    return new Subscription(
        new ChannelKey(
            Platform.valueOf(row.getString("platform")),
            row.getString("workspace"),
            row.getString("channel")),
        new DigestSchedule(
            LocalTime.parse(row.getString("local_time")), ZoneId.of(row.getString("zone"))),
        row.getString("topic"),
        Instant.ofEpochMilli(row.getLong("active_from")),
        instant(row, "last_posted_at"),
        instant(row, "paused_at"),
        row.getString("paused_reason"));
  }

  private static void finish(
      Connection c, ChannelKey channel, LocalDate day, SlotState state, String detail, Instant now)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO digest_slots (platform, workspace, channel, slot_date, state, owner,"
                + " finished_at, detail) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)"
                + " ON CONFLICT (platform, workspace, channel, slot_date) DO UPDATE SET"
                + " state = excluded.state, owner = NULL, finished_at = excluded.finished_at,"
                + " detail = excluded.detail WHERE digest_slots.state = 'CLAIMED'")) {
      bind(upsert, 1, channel);
      upsert.setString(4, day.toString());
      upsert.setString(5, state.name());
      upsert.setLong(6, now.toEpochMilli());
      upsert.setString(7, shorten(detail));
      upsert.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, int first, ChannelKey channel)
      throws SQLException {
    statement.setString(first, channel.platform().name());
    statement.setString(first + 1, channel.workspace());
    statement.setString(first + 2, channel.channel());
  }

  private static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value.toEpochMilli());
    }
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }
}
