/**
 * The console chat and the plain-text rendering of replies, for terminals and the CLI. Lines go
 * through the core's text-command parser, as Slack's and Discord's typed text does.
 *
 * <p>Arrows: console -> commands, model.
 */
package readingroom.bot.console;
