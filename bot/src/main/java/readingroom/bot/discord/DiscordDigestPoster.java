package readingroom.bot.discord;

import java.util.Set;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.model.Reply;

/**
 * Posts digests to Discord channels as embeds, with mentions off (as every message the bot sends).
 * A channel that is gone or that the bot may no longer write to (as Discord answers, or as JDA's
 * cache of its permissions already shows) pauses the channel's digest.
 */
final class DiscordDigestPoster implements DigestPoster {

  /** Errors no retry will fix. */
  static final Set<ErrorResponse> UNREACHABLE =
      Set.of(
          ErrorResponse.UNKNOWN_CHANNEL,
          ErrorResponse.UNKNOWN_GUILD,
          ErrorResponse.MISSING_ACCESS,
          ErrorResponse.MISSING_PERMISSIONS);

  private final ShardManager shards;
  private final DiscordRenderer renderer;

  DiscordDigestPoster(ShardManager shards, DiscordRenderer renderer) {
    this.shards = shards;
    this.renderer = renderer;
  }

  @Override
  public void post(ChannelKey channel, Reply.DigestReply digest) throws Exception {
    GuildMessageChannel target =
        shards.getChannelById(GuildMessageChannel.class, channel.channel());
    if (target == null) {
      throw new ChannelUnreachableException(
          "Discord channel not found: deleted, or the bot is no longer in the server");
    }
    try {
      target.sendMessage(renderer.render(digest).toCreateData()).complete();
    } catch (InsufficientPermissionException e) {
      // JDA refuses before calling Discord when its cache shows the bot lost a permission here.
      throw new ChannelUnreachableException(
          "Discord: the bot lacks the " + e.getPermission().getName() + " permission here");
    } catch (ErrorResponseException e) {
      if (UNREACHABLE.contains(e.getErrorResponse())) {
        throw new ChannelUnreachableException("Discord: " + e.getErrorResponse().getMeaning());
      }
      throw e;
    }
  }
}
