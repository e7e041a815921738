package readingroom.bot.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.index.Answer;
import readingroom.index.Result;

/**
 * Every question asked, kept for a configurable time for digests and analytics: when, where, the
 * question, whether the reading list answered it, the top article, whether the answer came from the
 * cache, and the asker's feedback. Askers are stored only as salted hashes. Also the {@link
 * FeedbackSink} for the feedback buttons: a verdict is stored on the asker's latest matching
 * question.
 */
public final class QuestionLog implements FeedbackSink {

  private static final Logger log = LoggerFactory.getLogger(QuestionLog.class);

  /** Longer questions are stored cut: the log is for reading, not for replaying. */
  static final int MAX_STORED_CHARS = 2000;

  /**
   * Rows kept in memory while the database is locked or failing, written by the next insert or
   * {@link #writePending}. Bounded so a database gone for good cannot eat the heap; past it, each
   * row given up is counted and logged as an error.
   */
  static final int MAX_PENDING = 10_000;

  /**
   * One logged question.
   *
   * @param answered whether the reading list answered it; {@code null} for feedback whose question
   *     was not in the log (asked before the retention period, or on another bot)
   * @param topArticle the id of the first quote's article, or {@code null} when no quote
   * @param helpful the asker's verdict, or {@code null} when none
   */
  public record Entry(
      Instant askedAt,
      Platform platform,
      String workspace,
      String channel,
      String userHash,
      String question,
      Boolean answered,
      String topArticle,
      boolean cached,
      Boolean helpful) {}

  private final StateDatabase database;
  private final UserHasher hasher;
  private final Duration retention;
  private final Clock clock;
  private final Deque<Row> pending = new ArrayDeque<>();
  private long givenUp;

  /** A row as it was when asked: its time and hash are not those of the later write. */
  private record Row(
      long at,
      Origin origin,
      String userHash,
      String question,
      Boolean answered,
      String topArticle,
      int topStart,
      int topEnd,
      boolean cached,
      Boolean helpful) {}

  /**
   * @param retention how long questions are kept; older ones are deleted by {@link #purgeExpired}
   */
  public QuestionLog(StateDatabase database, UserHasher hasher, Duration retention, Clock clock) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    this.database = database;
    this.hasher = hasher;
    this.retention = retention;
    this.clock = clock;
  }

  public Duration retention() {
    return retention;
  }

  /**
   * Logs a question and its answer. While the database is locked or failing the row waits in memory
   * and is written, with its own time, by the next insert or {@link #writePending}: never dropped
   * silently.
   */
  public void asked(Origin origin, String question, Answer answer, boolean cached) {
    Result best = answer.results().isEmpty() ? null : answer.results().get(0);
    insert(origin, question, answer.answered(), best, cached, null);
  }

  /**
   * A logged question as a channel's report reads it: no user, only what was asked and how it went.
   *
   * @param answered whether the reading list answered it; null for a feedback click alone
   * @param topArticle the article of the best quote, or null
   * @param topStart where the best quote starts in its article, or -1
   * @param topEnd where it ends, or -1
   * @param helpful the feedback, or null for none
   */
  public record Logged(
      Instant askedAt,
      String question,
      Boolean answered,
      String topArticle,
      int topStart,
      int topEnd,
      Boolean helpful) {}

  /** What a channel asked in {@code [from, to)}, oldest first. */
  public List<Logged> between(ChannelKey channel, Instant from, Instant to) {
    return database.read(c ->
        Sql.on(c)
            .list(
                "SELECT asked_at, question, answered, top_article, top_start, top_end, helpful"
                    + " FROM question_log WHERE platform = ? AND workspace = ? AND channel = ?"
                    + " AND asked_at >= ? AND asked_at < ? ORDER BY asked_at, id",
                row -> {
                  int start = row.getInt("top_start");
                  boolean noStart = row.wasNull();
                  int end = row.getInt("top_end");
                  return new Logged(
                      Instant.ofEpochMilli(row.getLong("asked_at")),
                      row.getString("question"),
                      bool(row, "answered"),
                      row.getString("top_article"),
                      noStart ? -1 : start,
                      noStart ? -1 : end,
                      bool(row, "helpful"));
                },
                channel,
                from,
                to));
  }

  /** Stores feedback on the asker's latest logged question with the same text; never throws. */
  @Override
  public void record(Origin origin, String question, boolean helpful) {
    try {
      String text = stored(question);
      String user = hasher.hash(origin);
      long now = clock.millis();
      int updated =
          database.inTransaction(c -> {
            try (PreparedStatement update =
                c.prepareStatement(
                    "UPDATE question_log SET helpful = ?, feedback_at = ? WHERE id = ("
                        + "SELECT id FROM question_log WHERE platform = ? AND workspace = ?"
                        + " AND channel = ? AND user_hash = ? AND question = ?"
                        + " ORDER BY asked_at DESC, id DESC LIMIT 1)")) {
              update.setInt(1, helpful ? 1 : 0);
              update.setLong(2, now);
              update.setString(3, origin.platform().name());
              update.setString(4, origin.workspace());
              update.setString(5, origin.channel());
              update.setString(6, user);
              update.setString(7, text);
              return update.executeUpdate();
            }
          });
      if (updated == 0) {
        insert(origin, question, null, null, false, helpful);
      }
    } catch (RuntimeException e) {
      log.warn(
          "Feedback from {} in {} could not be stored", origin.platform(), origin.channel(), e);
    }
  }

  /**
   * Deletes questions older than the retention period.
   *
   * @return how many were deleted
   */
  public int purgeExpired() {
    long cutoff = clock.instant().minus(retention).toEpochMilli();
    return database.inTransaction(c -> {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM question_log WHERE asked_at < ?")) {
        delete.setLong(1, cutoff);
        return delete.executeUpdate();
      }
    });
  }

  /** The latest {@code limit} entries, newest first. */
  public List<Entry> recent(int limit) {
    return database.read(c -> {
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT asked_at, platform, workspace, channel, user_hash, question, answered,"
                  + " top_article, cached, helpful FROM question_log"
                  + " ORDER BY asked_at DESC, id DESC LIMIT ?")) {
        select.setInt(1, limit);
        List<Entry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            entries.add(
                new Entry(
                    Instant.ofEpochMilli(row.getLong("asked_at")),
                    Platform.valueOf(row.getString("platform")),
                    row.getString("workspace"),
                    row.getString("channel"),
                    row.getString("user_hash"),
                    row.getString("question"),
                    bool(row, "answered"),
                    row.getString("top_article"),
                    row.getInt("cached") == 1,
                    bool(row, "helpful")));
          }
        }
        return entries;
      }
    });
  }

  /** A question and how often a channel asked it. */
  public record Asked(String question, int times) {}

  /**
   * The questions a channel asked most often in {@code [from, to)} that the reading list answered,
   * most asked first (ties: most recent first), counting case-insensitively. For the digest's "most
   * asked" part; the log stays the only reader of its table.
   */
  public List<Asked> mostAsked(ChannelKey channel, Instant from, Instant to, int limit) {
    return database.read(c ->
        Sql.on(c)
            .list(
                "SELECT MAX(question) AS q, COUNT(*) AS n, MAX(asked_at) AS latest"
                    + " FROM question_log WHERE platform = ? AND workspace = ? AND channel = ?"
                    + " AND asked_at >= ? AND asked_at < ? AND answered = 1"
                    + " GROUP BY lower(question) ORDER BY n DESC, latest DESC LIMIT ?",
                row -> new Asked(row.getString(1), row.getInt(2)),
                channel,
                from,
                to,
                limit));
  }

  /** The hash stored for the person behind {@code origin}. */
  public String userHash(Origin origin) {
    return hasher.hash(origin);
  }

  private void insert(
      Origin origin,
      String question,
      Boolean answered,
      Result top,
      boolean cached,
      Boolean helpful) {
    Row row =
        new Row(
            clock.millis(),
            origin,
            hasher.hash(origin),
            stored(question),
            answered,
            top == null ? null : top.source().id(),
            top == null ? -1 : top.start(),
            top == null ? -1 : top.end(),
            cached,
            helpful);
    synchronized (pending) {
      pending.addLast(row);
      writePendingLocked();
    }
  }

  /**
   * Writes the rows kept while the database was unavailable, oldest first; called now and then by
   * {@link LogRetention} and at shutdown.
   *
   * @return how many rows are still waiting
   */
  public int writePending() {
    synchronized (pending) {
      writePendingLocked();
      return pending.size();
    }
  }

  private void writePendingLocked() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      database.inTransaction(c -> {
        try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO question_log (asked_at, platform, workspace, channel, user_hash,"
                    + " question, answered, top_article, cached, helpful, feedback_at, top_start,"
                    + " top_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (Row row : pending) {
            bind(insert, row);
            insert.addBatch();
          }
          return insert.executeBatch().length;
        }
      });
      pending.clear();
    } catch (RuntimeException e) {
      while (pending.size() > MAX_PENDING) {
        pending.removeFirst();
        givenUp++;
        log.error(
            "The question log kept {} rows in memory while the database failed; the oldest"
                + " was given up ({} so far)",
            MAX_PENDING,
            givenUp);
      }
      log.warn(
          "The question log could not write {} row(s); they wait in memory and are written"
              + " when the database is free",
          pending.size(),
          e);
    }
  }

  private static void bind(PreparedStatement insert, Row row) throws SQLException {
    insert.setLong(1, row.at());
    insert.setString(2, row.origin().platform().name());
    insert.setString(3, row.origin().workspace());
    insert.setString(4, row.origin().channel());
    insert.setString(5, row.userHash());
    insert.setString(6, row.question());
    setBoolean(insert, 7, row.answered());
    insert.setString(8, row.topArticle());
    insert.setInt(9, row.cached() ? 1 : 0);
    setBoolean(insert, 10, row.helpful());
    if (row.helpful() == null) {
      insert.setNull(11, Types.INTEGER);
    } else {
      insert.setLong(11, row.at());
    }
    // Where the best quote is, for the report's most cited passages.
    if (row.topArticle() == null) {
      insert.setNull(12, Types.INTEGER);
      insert.setNull(13, Types.INTEGER);
    } else {
      insert.setInt(12, row.topStart());
      insert.setInt(13, row.topEnd());
    }
  }

  private static String stored(String question) {
    String text = question == null ? "" : MentionIds.neutralise(question.strip());
    return text.length() <= MAX_STORED_CHARS ? text : text.substring(0, MAX_STORED_CHARS);
  }

  private static void setBoolean(PreparedStatement statement, int index, Boolean value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value ? 1 : 0);
    }
  }

  private static Boolean bool(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value == 1;
  }
}
