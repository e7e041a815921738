/**
 * The bot's own state in a database: an embedded SQLite file next to the index by default, or a
 * PostgreSQL server shared by several replicas ({@link readingroom.bot.state.DatabaseLocation}).
 * Its schema is created and evolved by the same Flyway versions for both ({@code db/common}, plus
 * each vendor's first tables in {@code db/sqlite} or {@code db/postgresql}): channel settings
 * ({@link readingroom.bot.state.SqliteChannelSettings}, which despite its name speaks both), the
 * question log ({@link readingroom.bot.state.QuestionLog}, the only reader and writer of {@code
 * question_log}), the latest question of each thread ({@link
 * readingroom.bot.state.SqliteConversationMemory}), the passages {@code /discuss} posted ({@link
 * readingroom.bot.state.SqliteDiscussionHistory}), the shared rate-limit buckets ({@link
 * readingroom.bot.state.SharedRateBuckets}), the shared Slack replay memory ({@link
 * readingroom.bot.state.SeenSlackRequests}), and the Slack workspaces that installed the app with
 * their OAuth states in flight ({@link readingroom.bot.state.SlackInstallations}, tokens encrypted
 * by {@link readingroom.bot.state.TokenCipher}; {@link readingroom.bot.state.SlackOAuthStates}).
 * Statements run through one small helper, {@link readingroom.bot.state.Sql}, in SQL both databases
 * accept. User ids are only ever stored as salted hashes ({@link
 * readingroom.bot.state.UserHasher}).
 *
 * <p>Arrows: state -> channel, model, index.
 */
package readingroom.bot.state;
