/**
 * The shared vocabulary every layer speaks: who asked where ({@link readingroom.bot.model.Origin},
 * {@link readingroom.bot.model.Platform}), what comes back ({@link readingroom.bot.model.Reply}), a
 * channel's choices ({@link readingroom.bot.model.ChannelSettings}, {@link
 * readingroom.bot.model.Visibility}), and every sentence a user reads ({@link
 * readingroom.bot.model.Messages}).
 *
 * <p>Arrows: model -> index (answers, sources). Everything in bot may depend on it; it depends on
 * no other bot package.
 */
package readingroom.bot.model;
