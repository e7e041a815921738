/** The {@code readingroom} command line: one class per sub-command, parsed by picocli. */
package readingroom.bot.cli;
