/**
 * The bot's own state in an embedded SQLite database file next to the index, its schema created and
 * evolved by Flyway migrations in {@code db/state}: channel settings ({@link
 * readingroom.bot.state.SqliteChannelSettings}) and the question log ({@link
 * readingroom.bot.state.QuestionLog}, the only reader and writer of {@code question_log}), the
 * latest question of each thread ({@link readingroom.bot.state.SqliteConversationMemory}) and the
 * passages {@code /discuss} posted ({@link readingroom.bot.state.SqliteDiscussionHistory}).
 * Statements run through one small helper, {@link readingroom.bot.state.Sql}. User ids are only
 * ever stored as salted hashes ({@link readingroom.bot.state.UserHasher}).
 *
 * <p>Arrows: state -> channel, model, index.
 */
package readingroom.bot.state;
