package readingroom.bot.digest;

import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Reply;

/**
 * Posts a digest to a channel of one platform, rendered in that platform's own form (blocks,
 * embeds, plain text). Implementations post to the channel for everyone and ping nobody.
 */
@FunctionalInterface
public interface DigestPoster {

  /**
   * Posts {@code digest} to {@code channel}.
   *
   * @throws ChannelUnreachableException when the channel is gone or the bot may no longer post
   *     there: the subscription is paused rather than retried
   * @throws Exception for any other failure, which is retried on a later run within the grace
   *     period
   */
  void post(ChannelKey channel, Reply.DigestReply digest) throws Exception;

  /** The channel was deleted, archived, or the bot was removed from it or lost its permission. */
  final class ChannelUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ChannelUnreachableException(String message) {
      super(message);
    }
  }
}
