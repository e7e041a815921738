package readingroom.bot.state;

import java.time.Clock;
import java.util.List;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.DiscussionHistory;

/** {@link DiscussionHistory} in the state database's {@code discussion_turn} table. */
public final class SqliteDiscussionHistory implements DiscussionHistory {

  private final StateDatabase database;
  private final Clock clock;

  public SqliteDiscussionHistory(StateDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public List<Posted> posted(ChannelKey channel) {
    return database.read(c ->
        Sql.on(c)
            .list(
                "SELECT article_id, quote_start FROM discussion_turn"
                    + " WHERE platform = ? AND workspace = ? AND channel = ?"
                    + " ORDER BY posted_at, article_id, quote_start",
                row -> new Posted(row.getString(1), row.getInt(2)),
                channel));
  }

  @Override
  public void post(ChannelKey channel, Posted passage) {
    database.inTransaction(c ->
        Sql.on(c)
            .update(
                "INSERT INTO discussion_turn (platform, workspace, channel, article_id,"
                    + " quote_start, posted_at) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (platform, workspace, channel, article_id, quote_start)"
                    + " DO UPDATE SET posted_at = excluded.posted_at",
                channel,
                passage.articleId(),
                passage.start(),
                clock.instant()));
  }
}
