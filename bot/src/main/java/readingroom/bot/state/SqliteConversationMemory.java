package readingroom.bot.state;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.ConversationMemory;

/** {@link ConversationMemory} in the state database's {@code conversation_turn} table. */
public final class SqliteConversationMemory implements ConversationMemory {

  /** Longer questions are cut when stored, as the question log cuts them. */
  private static final int MAX_STORED_CHARS = 2000;

  private final StateDatabase database;
  private final Clock clock;

  public SqliteConversationMemory(StateDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Optional<Turn> last(ChannelKey channel, String conversation) {
    return database.read(c ->
        Sql.on(c)
            .first(
                "SELECT question, context, focus, articles, skip FROM conversation_turn"
                    + " WHERE platform = ? AND workspace = ? AND channel = ? AND thread = ?",
                row ->
                    new Turn(
                        row.getString("question"),
                        row.getString("context"),
                        row.getString("focus"),
                        articles(row.getString("articles")),
                        row.getInt("skip")),
                channel,
                conversation));
  }

  @Override
  public void remember(ChannelKey channel, String conversation, Turn turn) {
    database.inTransaction(c ->
        Sql.on(c)
            .update(
                "INSERT INTO conversation_turn (platform, workspace, channel, thread, question,"
                    + " context, focus, articles, skip, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (platform, workspace, channel, thread) DO UPDATE SET"
                    + " question = excluded.question, context = excluded.context, focus = excluded.focus,"
                    + " articles = excluded.articles, skip = excluded.skip,"
                    + " updated_at = excluded.updated_at",
                channel,
                conversation,
                cut(turn.question()),
                cut(turn.context()),
                turn.focus(),
                String.join("\n", turn.articles()),
                turn.skip(),
                clock.instant()));
  }

  private static List<String> articles(String stored) {
    return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split("\n"));
  }

  private static String cut(String text) {
    return text.length() <= MAX_STORED_CHARS ? text : text.substring(0, MAX_STORED_CHARS);
  }
}
