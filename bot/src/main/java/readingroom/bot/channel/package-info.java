/**
 * What sits between a command and the engine for one channel: its settings read through a memory
 * copy ({@link readingroom.bot.channel.Channels}), its reading list in words ({@link
 * readingroom.bot.channel.ScopeText}), the bot's one answer cache ({@link
 * readingroom.bot.channel.AnswerCache}, keyed by {@link readingroom.bot.channel.AnswerKey}) and the
 * {@link readingroom.bot.channel.RateLimiter}. Nothing here knows Discord, Slack or SQL.
 *
 * <p>Arrows: channel -> model, index. Storage implements its repository from the state package.
 */
package readingroom.bot.channel;
