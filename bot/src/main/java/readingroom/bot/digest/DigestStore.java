package readingroom.bot.digest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Platform;
import readingroom.bot.state.Sql;
import readingroom.bot.state.StateDatabase;

/**
 * The digests' tables in the state database, and their only reader and writer: subscriptions, the
 * claim and outcome of each channel's day, the passages already featured, and when each article
 * first appeared. Claims are taken in a transaction, so of two attempts at the same day exactly one
 * wins. (The questions a channel asked are the question log's: {@code
 * readingroom.bot.state.QuestionLog#mostAsked}.)
 */
public final class DigestStore {

  /** A passage featured for discussion in a channel. */
  public record Featured(String articleId, int start, int end, Instant at) {}

  private static final String CHANNEL = "platform = ? AND workspace = ? AND channel = ?";

  private static final String SELECT_SUBSCRIPTION =
      "SELECT platform, workspace, channel, local_time, zone, topic, active_from, last_posted_at,"
          + " paused_at, paused_reason FROM digest_subscriptions";

  private final StateDatabase database;

  public DigestStore(StateDatabase database) {
    this.database = database;
  }

  public Optional<Subscription> find(ChannelKey channel) {
    return database.read(c ->
        Sql.on(c)
            .first(SELECT_SUBSCRIPTION + " WHERE " + CHANNEL, DigestStore::subscription, channel));
  }

  /** Every subscription, paused or not, in a stable order. */
  public List<Subscription> all() {
    return database.read(c ->
        Sql.on(c)
            .list(
                SELECT_SUBSCRIPTION + " ORDER BY platform, workspace, channel",
                DigestStore::subscription));
  }

  /** Creates or replaces a channel's subscription. */
  public void save(Subscription s, String updatedBy, Instant now) {
    database.inTransaction(c ->
        Sql.on(c)
            .update(
                "INSERT INTO digest_subscriptions (platform, workspace, channel, local_time, zone,"
                    + " topic, active_from, last_posted_at, paused_at, paused_reason, updated_at,"
                    + " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (platform, workspace, channel) DO UPDATE SET"
                    + " local_time = excluded.local_time, zone = excluded.zone,"
                    + " topic = excluded.topic, active_from = excluded.active_from,"
                    + " last_posted_at = excluded.last_posted_at, paused_at = excluded.paused_at,"
                    + " paused_reason = excluded.paused_reason, updated_at = excluded.updated_at,"
                    + " updated_by = excluded.updated_by",
                s.channel(),
                s.schedule().timeText(),
                s.schedule().zone().getId(),
                s.topic(),
                s.activeFrom(),
                s.lastPostedAt(),
                s.pausedAt(),
                s.pausedReason(),
                now,
                updatedBy));
  }

  /** Removes a channel's subscription; its days and featured passages are kept. */
  public boolean delete(ChannelKey channel) {
    return database.inTransaction(
        c -> Sql.on(c).update("DELETE FROM digest_subscriptions WHERE " + CHANNEL, channel) > 0);
  }

  /** Stops posting to a channel until it subscribes again. */
  public void pause(ChannelKey channel, Instant now, String reason) {
    database.inTransaction(c ->
        Sql.on(c)
            .update(
                "UPDATE digest_subscriptions SET paused_at = ?, paused_reason = ? WHERE " + CHANNEL,
                now,
                reason,
                channel));
  }

  /** What became of a channel's day, if anything was recorded. */
  public Optional<SlotState> slot(ChannelKey channel, LocalDate day) {
    return database.read(c ->
        Sql.on(c)
            .first(
                "SELECT state FROM digest_slots WHERE " + CHANNEL + " AND slot_date = ?",
                row -> SlotState.valueOf(row.getString(1)),
                channel,
                day));
  }

  /**
   * A post of a day that was started and whose outcome is not yet known to have failed: the day
   * must be looked up on the platform before it is posted again.
   *
   * @param attempts how many claims the day has had, this one included
   * @param since when the first such post began
   * @param featured what that post featured, recorded with it if it is found
   */
  public record PostAttempt(int attempts, Instant since, Featured featured) {}

  /**
   * Claims a channel's day for {@code owner}. A day nobody claimed, one released after a refused
   * post, or one {@code owner} itself left unresolved is taken at once; a day claimed by another
   * process is taken over only once its claim is older than {@code lease} (that process died, or is
   * still waiting for the platform); a finished day is never taken. After {@code maxAttempts}
   * claims a day with no post in doubt is marked failed instead; a day whose post may have reached
   * the channel is still claimed, only to be looked up. Each step is one conditional statement on
   * the day's row (a unique key for the first claim, a guarded update for a takeover), so of any
   * number of processes on one database exactly one wins a day: a second updater waits for the
   * first's row lock and then finds the claim no longer abandoned.
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
    Instant abandonedBefore = now.minus(lease);
    return database.inTransaction(c -> {
      Sql sql = Sql.on(c);
      if (sql.update(
              "INSERT INTO digest_slots (platform, workspace, channel, slot_date, state, owner,"
                  + " claimed_at, attempts) VALUES (?, ?, ?, ?, 'CLAIMED', ?, ?, 1)"
                  + " ON CONFLICT (platform, workspace, channel, slot_date) DO NOTHING",
              channel,
              day,
              owner,
              now)
          == 1) {
        return true;
      }
      // runDue is one thread per process, so a claim of our own is never still in flight.
      String abandoned =
          " AND state = 'CLAIMED' AND (owner IS NULL OR owner = ? OR claimed_at <= ?)";
      if (sql.update(
              "UPDATE digest_slots SET owner = ?, claimed_at = ?, attempts = attempts + 1 WHERE "
                  + CHANNEL
                  + " AND slot_date = ?"
                  + abandoned
                  + " AND (attempts < ? OR post_started_at IS NOT NULL)",
              owner,
              now,
              channel,
              day,
              owner,
              abandonedBefore,
              maxAttempts)
          == 1) {
        return true;
      }
      sql.update(
          "UPDATE digest_slots SET state = 'FAILED', owner = NULL, finished_at = ?,"
              + " detail = 'gave up after ' || attempts || ' attempts; nothing was posted' WHERE "
              + CHANNEL
              + " AND slot_date = ?"
              + abandoned
              + " AND attempts >= ? AND post_started_at IS NULL",
          now,
          channel,
          day,
          owner,
          abandonedBefore,
          maxAttempts);
      return false;
    });
  }

  /** The day's post in doubt, if one was started and not known to have been refused. */
  public Optional<PostAttempt> postAttempt(ChannelKey channel, LocalDate day) {
    return database.read(c ->
        Sql.on(c)
            .first(
                "SELECT attempts, post_started_at, featured_article_id, featured_start,"
                    + " featured_end FROM digest_slots WHERE "
                    + CHANNEL
                    + " AND slot_date = ? AND post_started_at IS NOT NULL",
                row -> {
                  Instant since = Sql.instant(row, "post_started_at");
                  String article = row.getString("featured_article_id");
                  Featured featured =
                      article == null
                          ? null
                          : new Featured(
                              article,
                              row.getInt("featured_start"),
                              row.getInt("featured_end"),
                              since);
                  return new PostAttempt(row.getInt("attempts"), since, featured);
                },
                channel,
                day));
  }

  /**
   * Records, before the platform is called, that {@code owner} is posting the day and what the post
   * features; the time of the first such post is kept, as the start of any later look-up.
   *
   * @return whether {@code owner} still holds the day (if not, it must not post)
   */
  public boolean postStarting(
      ChannelKey channel, LocalDate day, String owner, Instant now, Featured featured) {
    return database.inTransaction(c ->
        Sql.on(c)
                .update(
                    "UPDATE digest_slots SET post_started_at = COALESCE(post_started_at, ?),"
                        + " featured_article_id = ?, featured_start = ?, featured_end = ?"
                        + " WHERE "
                        + CHANNEL
                        + " AND slot_date = ? AND state = 'CLAIMED' AND owner = ?",
                    now,
                    featured == null ? null : featured.articleId(),
                    featured == null ? null : featured.start(),
                    featured == null ? null : featured.end(),
                    channel,
                    day,
                    owner)
            == 1);
  }

  /**
   * Lets a failed claim be tried again on the next run, by any process; only while {@code owner}
   * still holds it, so a late release never frees a day another process took over. A post in doubt
   * stays in doubt.
   */
  public void release(ChannelKey channel, LocalDate day, String owner, String detail) {
    database.inTransaction(c ->
        Sql.on(c)
            .update(
                "UPDATE digest_slots SET owner = NULL, detail = ? WHERE "
                    + CHANNEL
                    + " AND slot_date = ? AND state = 'CLAIMED' AND owner = ?",
                shorten(detail),
                channel,
                day,
                owner));
  }

  /**
   * The platform refused the post: nothing of the day is in doubt (every earlier post was looked up
   * first), so any process may post it again on its next run.
   */
  public void refused(ChannelKey channel, LocalDate day, String owner, String detail) {
    database.inTransaction(c ->
        Sql.on(c)
            .update(
                "UPDATE digest_slots SET owner = NULL, post_started_at = NULL, detail = ? WHERE "
                    + CHANNEL
                    + " AND slot_date = ? AND state = 'CLAIMED' AND owner = ?",
                shorten(detail),
                channel,
                day,
                owner));
  }

  /**
   * The post's outcome is unknown: {@code owner} keeps the claim (so no other process posts the day
   * before its lease runs out) and says why in the day's detail.
   */
  public void unknown(ChannelKey channel, LocalDate day, String owner, String detail) {
    database.inTransaction(c ->
        Sql.on(c)
            .update(
                "UPDATE digest_slots SET detail = ? WHERE "
                    + CHANNEL
                    + " AND slot_date = ? AND state = 'CLAIMED' AND owner = ?",
                shorten("outcome unknown: " + detail),
                channel,
                day,
                owner));
  }

  /** Settles a day without a post: empty, missed or failed. Never overwrites a finished day. */
  public void finish(
      ChannelKey channel, LocalDate day, SlotState state, String detail, Instant now) {
    if (!state.finished() || state == SlotState.POSTED) {
      throw new IllegalArgumentException("not a state without a post: " + state);
    }
    database.inTransaction(c -> finish(c, channel, day, state, detail, now));
  }

  /**
   * Records a posted digest in one transaction: the day is done, the channel's "added since" moves
   * to {@code composedAt}, and the featured passage (if any) is remembered.
   */
  public void posted(ChannelKey channel, LocalDate day, Instant composedAt, Featured featured) {
    database.inTransaction(c -> {
      finish(c, channel, day, SlotState.POSTED, null, composedAt);
      Sql sql = Sql.on(c);
      sql.update(
          "UPDATE digest_subscriptions SET last_posted_at = ? WHERE " + CHANNEL,
          composedAt,
          channel);
      if (featured != null) {
        sql.update(
            "INSERT INTO digest_featured (platform, workspace, channel, article_id,"
                + " quote_start, quote_end, featured_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            channel,
            featured.articleId(),
            featured.start(),
            featured.end(),
            featured.at());
      }
      return null;
    });
  }

  /** The passages featured in a channel, oldest first. */
  public List<Featured> featured(ChannelKey channel) {
    return database.read(c ->
        Sql.on(c)
            .list(
                "SELECT article_id, quote_start, quote_end, featured_at FROM digest_featured"
                    + " WHERE "
                    + CHANNEL
                    + " ORDER BY featured_at, article_id, quote_start",
                row ->
                    new Featured(
                        row.getString(1),
                        row.getInt(2),
                        row.getInt(3),
                        Instant.ofEpochMilli(row.getLong(4))),
                channel));
  }

  /**
   * Records the articles of the index not seen before as first seen {@code now}; on the very first
   * call they are recorded as always present, so existing articles never count as new.
   */
  public void seen(Collection<String> articleIds, Instant now) {
    database.inTransaction(c -> {
      Sql sql = Sql.on(c);
      boolean first =
          sql.first("SELECT COUNT(*) FROM seen_articles", row -> row.getLong(1) == 0).orElse(true);
      Instant firstSeen = first ? Instant.EPOCH : now;
      sql.batch(
          "INSERT INTO seen_articles (article_id, first_seen) VALUES (?, ?)"
              + " ON CONFLICT DO NOTHING",
          articleIds.stream().map(id -> new Object[] {id, firstSeen}).toList());
      return null;
    });
  }

  /** When each known article first appeared. */
  public Map<String, Instant> firstSeen() {
    return database.read(c ->
        Sql.on(c)
            .list(
                "SELECT article_id, first_seen FROM seen_articles",
                row -> Map.entry(row.getString(1), Instant.ofEpochMilli(row.getLong(2))))
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

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
        Sql.instant(row, "last_posted_at"),
        Sql.instant(row, "paused_at"),
        row.getString("paused_reason"));
  }

  private static Void finish(
      Connection c, ChannelKey channel, LocalDate day, SlotState state, String detail, Instant now)
      throws SQLException {
    Sql.on(c)
        .update(
            "INSERT INTO digest_slots (platform, workspace, channel, slot_date, state, owner,"
                + " finished_at, detail) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)"
                + " ON CONFLICT (platform, workspace, channel, slot_date) DO UPDATE SET"
                + " state = excluded.state, owner = NULL, finished_at = excluded.finished_at,"
                + " detail = excluded.detail WHERE digest_slots.state = 'CLAIMED'",
            channel,
            day,
            state,
            now,
            shorten(detail));
    return null;
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }
}
