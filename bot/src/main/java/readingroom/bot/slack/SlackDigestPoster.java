package readingroom.bot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.digest.DigestSlot;
import readingroom.bot.model.Reply;

/**
 * Posts digests to Slack channels with {@code chat.postMessage}, as Block Kit, with the bot token
 * of the channel's workspace, each marked with its slot in the message's metadata; a post whose
 * answer never came is looked for in the channel's {@code conversations.history} by that mark.
 * Errors that mean the bot can no longer post there (and a workspace that uninstalled the app)
 * pause the channel's digest instead of being retried.
 */
final class SlackDigestPoster implements DigestPoster {

  /** The metadata event type of a digest; its payload's {@code slot} is the slot's key. */
  static final String EVENT_TYPE = "readingroom_digest";

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

  /** Pages of history searched: 2,000 messages since the first attempt is plenty for a day. */
  private static final int MAX_PAGES = 10;

  private final BlockKitRenderer renderer;
  private final Delivery delivery;

  SlackDigestPoster(BlockKitRenderer renderer, Delivery delivery) {
    this.renderer = renderer;
    this.delivery = delivery;
  }

  @Override
  public void post(DigestSlot slot, Reply.DigestReply digest) throws Exception {
    ChatPostMessageResponse response;
    try {
      response =
          delivery.post(
              slot.channel().workspace(),
              new ReplyTarget.Conversation(slot.channel().channel(), null, null),
              renderer.render(digest),
              new Message.Metadata(EVENT_TYPE, Map.of("slot", slot.key())));
    } catch (WorkspaceTokens.NotInstalledException e) {
      throw new ChannelUnreachableException("Slack: " + e.getMessage());
    } catch (RateLimitRetry.RateLimited e) {
      throw new NotPostedException("Slack chat.postMessage: still rate limited", e);
    } catch (SlackApiException e) {
      if (e.getResponse() != null && e.getResponse().code() < 500) {
        throw new NotPostedException(
            "Slack chat.postMessage answered HTTP " + e.getResponse().code(), e);
      }
      throw e;
    } catch (IOException e) {
      if (neverSent(e)) {
        throw new NotPostedException("Slack cannot be reached: " + e, e);
      }
      throw e;
    }
    if (!response.isOk()) {
      String error = String.valueOf(response.getError());
      if (UNREACHABLE.contains(error)) {
        throw new ChannelUnreachableException("Slack chat.postMessage: " + error);
      }
      throw new NotPostedException("Slack chat.postMessage failed: " + error, null);
    }
  }

  @Override
  public boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since)
      throws Exception {
    String oldest = since.getEpochSecond() + "." + String.format("%06d", since.getNano() / 1000);
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ConversationsHistoryResponse history =
          delivery.history(slot.channel().workspace(), slot.channel().channel(), oldest, cursor);
      if (!history.isOk()) {
        throw new IOException(
            "Slack conversations.history failed: "
                + history.getError()
                + ("missing_scope".equals(history.getError())
                    ? " (the app needs channels:history and groups:history)"
                    : ""));
      }
      for (Message message : history.getMessages()) {
        Message.Metadata metadata = message.getMetadata();
        if (metadata != null
            && EVENT_TYPE.equals(metadata.getEventType())
            && metadata.getEventPayload() != null
            && slot.key().equals(metadata.getEventPayload().get("slot"))) {
          return true;
        }
      }
      cursor =
          history.getResponseMetadata() == null
              ? null
              : history.getResponseMetadata().getNextCursor();
      if (!history.isHasMore() || cursor == null || cursor.isEmpty()) {
        return false;
      }
    }
    throw new IOException("Slack conversations.history: more than " + MAX_PAGES + " pages");
  }

  /** Whether the request failed before reaching Slack, so nothing can have been posted. */
  private static boolean neverSent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }
}
