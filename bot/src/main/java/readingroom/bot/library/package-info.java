/**
 * The corpus as the serving process changes it: articles added from chat ({@link
 * readingroom.bot.library.Library}) and feeds polled on a schedule ({@link
 * readingroom.bot.library.FeedWatch}), each change indexed on one named thread while questions keep
 * being answered from the index as it was.
 *
 * <p>Arrows: library -> index, config. The commands and the command line depend on it.
 */
package readingroom.bot.library;
