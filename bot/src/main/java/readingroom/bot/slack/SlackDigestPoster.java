package readingroom.bot.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.util.Set;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.model.Reply;

/**
 * Posts digests to Slack channels with {@code chat.postMessage}, as Block Kit, with the bot token
 * of the channel's workspace. Errors that mean the bot can no longer post there (and a workspace
 * that uninstalled the app) pause the channel's digest instead of being retried.
 */
final class SlackDigestPoster implements DigestPoster {

  /** {@code chat.postMessage} errors that no retry will fix. */
  static final Set<String> UNREACHABLE =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "restricted_action",
          "restricted_action_read_only_channel",
          "restricted_action_non_threadable_channel",
          "team_access_not_granted",
          "access_denied",
          "account_inactive",
          "token_revoked",
          "missing_scope",
          "ekm_access_denied");

  private final BlockKitRenderer renderer;
  private final Delivery delivery;

  SlackDigestPoster(BlockKitRenderer renderer, Delivery delivery) {
    this.renderer = renderer;
    this.delivery = delivery;
  }

  @Override
  public void post(ChannelKey channel, Reply.DigestReply digest) throws Exception {
    ChatPostMessageResponse response;
    try {
      response =
          delivery.post(
              channel.workspace(),
              new ReplyTarget.Conversation(channel.channel(), null, null),
              renderer.render(digest));
    } catch (WorkspaceTokens.NotInstalledException e) {
      throw new ChannelUnreachableException("Slack: " + e.getMessage());
    }
    if (!response.isOk()) {
      String error = String.valueOf(response.getError());
      if (UNREACHABLE.contains(error)) {
        throw new ChannelUnreachableException("Slack chat.postMessage: " + error);
      }
      throw new IOException("Slack chat.postMessage failed: " + error);
    }
  }
}
