/**
 * What the chat adapters share: a connection that starts and serves until stopped ({@link
 * readingroom.bot.platform.ChatPlatform}) and how it stops its workers ({@link
 * readingroom.bot.platform.Shutdown}).
 *
 * <p>Arrows: platform -> config, digest, model. The discord and slack adapters depend on it; it
 * depends on neither (the command line picks the adapters).
 */
package readingroom.bot.platform;
