package readingroom.bot.discord;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.TimeUtil;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.digest.DigestSlot;
import readingroom.bot.model.Reply;

/**
 * Posts digests to Discord channels as embeds, with mentions off (as every message the bot sends).
 * Each post carries the slot's nonce with {@code enforce_nonce} (JDA sends it on every message), so
 * Discord answers a second post of the slot within its few minutes with the first message instead
 * of a copy; past that, a post in doubt is looked for among the bot's messages in the channel since
 * the first attempt, by its heading (the day's). A channel that is gone or that the bot may no
 * longer write to (as Discord answers, or as JDA's cache of its permissions already shows) pauses
 * the channel's digest.
 */
final class DiscordDigestPoster implements DigestPoster {

  /** Errors no retry will fix. */
  static final Set<ErrorResponse> UNREACHABLE =
      Set.of(
          ErrorResponse.UNKNOWN_CHANNEL,
          ErrorResponse.UNKNOWN_GUILD,
          ErrorResponse.MISSING_ACCESS,
          ErrorResponse.MISSING_PERMISSIONS);

  /** Messages fetched per look-up: Discord's most; a digest's channel is rarely busier a day. */
  private static final int HISTORY = 100;

  private final ShardManager shards;
  private final DiscordRenderer renderer;

  DiscordDigestPoster(ShardManager shards, DiscordRenderer renderer) {
    this.shards = shards;
    this.renderer = renderer;
  }

  @Override
  public void post(DigestSlot slot, Reply.DigestReply digest) throws Exception {
    GuildMessageChannel target = channel(slot);
    try {
      target.sendMessage(renderer.render(digest).toCreateData()).setNonce(slot.nonce()).complete();
    } catch (InsufficientPermissionException e) {
      // JDA refuses before calling Discord when its cache shows the bot lost a permission here.
      throw new ChannelUnreachableException(
          "Discord: the bot lacks the " + e.getPermission().getName() + " permission here");
    } catch (ErrorResponseException e) {
      if (UNREACHABLE.contains(e.getErrorResponse())) {
        throw new ChannelUnreachableException("Discord: " + e.getErrorResponse().getMeaning());
      }
      // A server error or a dropped connection (JDA reports both as SERVER_ERROR) may follow
      // an accepted post; any other error is Discord saying no.
      if (e.isServerError() || e.getErrorCode() == -1) {
        throw e;
      }
      throw new NotPostedException("Discord: " + e.getMeaning(), e);
    }
  }

  @Override
  public boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since)
      throws Exception {
    GuildMessageChannel target = channel(slot);
    long self = target.getJDA().getSelfUser().getIdLong();
    String heading = renderer.digestHeading(digest);
    long after = TimeUtil.getDiscordTimestamp(since.toEpochMilli());
    List<Message> messages =
        MessageHistory.getHistoryAfter(target, Long.toUnsignedString(after))
            .limit(HISTORY)
            .complete()
            .getRetrievedHistory();
    return messages.stream()
        .anyMatch(m -> m.getAuthor().getIdLong() == self && m.getContentRaw().startsWith(heading));
  }

  private GuildMessageChannel channel(DigestSlot slot) throws ChannelUnreachableException {
    GuildMessageChannel target =
        shards.getChannelById(GuildMessageChannel.class, slot.channel().channel());
    if (target == null) {
      throw new ChannelUnreachableException(
          "Discord channel not found: deleted, or the bot is no longer in the server");
    }
    return target;
  }
}
