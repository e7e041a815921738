/** The console chat and the plain-text rendering of replies, for terminals and the CLI. */
package readingroom.bot.console;
