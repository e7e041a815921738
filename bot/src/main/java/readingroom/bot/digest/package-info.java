/**
 * Daily digests, one job per class: {@link readingroom.bot.digest.Subscriptions} (who gets one,
 * when), {@link readingroom.bot.digest.DigestComposer} (what it says, within the channel's reading
 * list), {@link readingroom.bot.digest.DigestRunner} (posting each channel's day exactly once
 * through a platform's {@link readingroom.bot.digest.DigestPoster}) and {@link
 * readingroom.bot.digest.DigestScheduler} (repeating the runner on a named thread). {@link
 * readingroom.bot.digest.Digests#create} assembles them; {@link readingroom.bot.digest.DigestStore}
 * owns the digest tables.
 *
 * <p>Arrows: digest -> state, channel, model, text, index.
 */
package readingroom.bot.digest;
