/**
 * The layer between the chat commands and the engine that makes the bot fit a busy channel: each
 * channel's settings ({@link readingroom.bot.model.ChannelSettings}, its reading list as a {@link
 * readingroom.index.Scope}), the per-channel {@link readingroom.bot.channel.AnswerCache} and the
 * {@link readingroom.bot.channel.RateLimiter}. Storage lives in {@code readingroom.bot.state};
 * nothing here knows Discord, Slack or SQL.
 */
package readingroom.bot.channel;
