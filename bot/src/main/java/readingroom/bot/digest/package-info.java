/**
 * Daily digests: subscriptions and slot claims in the state database, schedules in each channel's
 * own zone, the composition of a digest within a channel's reading list, and the scheduler that
 * posts each channel's day exactly once through a platform's {@link
 * readingroom.bot.digest.DigestPoster}.
 */
package readingroom.bot.digest;
