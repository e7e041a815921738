/**
 * The {@code readingroom} command line ({@link readingroom.bot.cli.Main}, one class per
 * sub-command, parsed by picocli) and the composition root: {@link readingroom.bot.cli.ChatLayer}
 * builds the commands, the question log and the digests once, and {@link
 * readingroom.bot.cli.Platforms} picks the adapters whose tokens are set.
 *
 * <p>Arrows: cli -> everything else in bot; nothing depends on it.
 */
package readingroom.bot.cli;
