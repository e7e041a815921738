/**
 * The bot's own state in an embedded SQLite database file next to the index: channel settings and
 * the question log, its schema created and evolved by Flyway migrations in {@code db/state}. User
 * ids are only ever stored as salted hashes ({@link readingroom.bot.state.UserHasher}).
 */
package readingroom.bot.state;
