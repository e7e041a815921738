package readingroom.bot.digest;

import java.time.Instant;
import readingroom.bot.model.Reply;

/**
 * Posts a digest to a channel of one platform, rendered in that platform's own form (blocks,
 * embeds, plain text), and finds a digest it may have posted. Implementations post to the channel
 * for everyone and ping nobody.
 *
 * <p>A post ends in one of three ways, and the runner treats them differently: it returns (posted),
 * it throws {@link NotPostedException} or {@link ChannelUnreachableException} (the platform
 * answered and nothing was posted), or it throws anything else (a timeout, a dropped connection:
 * the platform may have accepted it). After the third, the slot is looked up with {@link
 * #wasPosted} before it is ever posted again.
 */
public interface DigestPoster {

  /**
   * Posts {@code digest} to the slot's channel, marked as the slot's (Slack metadata, Discord
   * nonce) where the platform allows, so a second attempt can be recognised.
   *
   * @throws ChannelUnreachableException when the channel is gone or the bot may no longer post
   *     there: the subscription is paused rather than retried
   * @throws NotPostedException when the platform refused the post (rate limit, server error it
   *     reported, connection refused): retried on a later run
   * @throws Exception when the outcome is unknown: looked up before anything is posted again
   */
  void post(DigestSlot slot, Reply.DigestReply digest) throws Exception;

  /**
   * Whether a digest of this slot reached its channel at or after {@code since}.
   *
   * @param digest the slot's digest as composed now, for platforms that recognise a post by its
   *     heading
   * @throws Exception when the platform cannot tell now; the slot stays unresolved and unposted
   */
  boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since) throws Exception;

  /** The channel was deleted, archived, or the bot was removed from it or lost its permission. */
  final class ChannelUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ChannelUnreachableException(String message) {
      super(message);
    }
  }

  /** The platform answered, and the digest was not posted: it is safe to post it again. */
  final class NotPostedException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotPostedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
