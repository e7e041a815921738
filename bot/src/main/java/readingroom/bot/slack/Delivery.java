package readingroom.bot.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import java.io.IOException;

/**
 * Sends rendered replies to Slack: through a {@code response_url}, or with {@code chat.postMessage}
 * (everyone sees it) and {@code chat.postEphemeral} (only the asker does). Honours Retry-After on
 * 429; any other failure is thrown for the caller to log.
 */
final class Delivery {

  private final Slack slack;
  private final MethodsClient client;
  private final RateLimitRetry retry;

  Delivery(Slack slack, String botToken, RateLimitRetry retry) {
    this.slack = slack;
    this.client = slack.methods(botToken);
    this.retry = retry;
  }

  /**
   * Delivers a reply.
   *
   * @param privately shown only to the asker (ephemeral) rather than to the conversation
   */
  void send(ReplyTarget target, SlackMessage message, boolean privately) throws Exception {
    switch (target) {
      case ReplyTarget.ResponseUrl url -> respond(url, message, privately);
      case ReplyTarget.Conversation c when privately -> postEphemeral(c, message);
      case ReplyTarget.Conversation c -> postMessage(c, message);
    }
  }

  private void respond(ReplyTarget.ResponseUrl target, SlackMessage message, boolean privately)
      throws Exception {
    ActionResponse body =
        ActionResponse.builder()
            .responseType(privately ? "ephemeral" : "in_channel")
            .replaceOriginal(false)
            .threadTs(target.threadTs())
            .text(message.text())
            .blocks(message.blocks())
            .build();
    retry.run(
        "response_url",
        () -> {
          try (okhttp3.Response response = slack.getHttpClient().postJsonBody(target.url(), body)) {
            if (response.code() == 429) {
              throw new RateLimitRetry.RateLimited(response.header("Retry-After"));
            }
            if (!response.isSuccessful()) {
              throw new IOException(
                  "response_url answered HTTP " + response.code() + ": " + bodyOf(response));
            }
            return null;
          }
        });
  }

  private void postMessage(ReplyTarget.Conversation target, SlackMessage message) throws Exception {
    ChatPostMessageResponse response = post(target, message);
    if (!response.isOk()) {
      throw new IOException("chat.postMessage failed: " + response.getError());
    }
  }

  /**
   * Posts a message for the whole conversation and returns Slack's answer, for callers that treat
   * some errors differently (a digest pauses on {@code channel_not_found}).
   */
  ChatPostMessageResponse post(ReplyTarget.Conversation target, SlackMessage message)
      throws Exception {
    return post(target, message, null);
  }

  /**
   * As {@link #post(ReplyTarget.Conversation, SlackMessage)}, with message metadata that {@code
   * conversations.history} returns with the message (a digest's slot).
   */
  ChatPostMessageResponse post(
      ReplyTarget.Conversation target, SlackMessage message, Message.Metadata metadata)
      throws Exception {
    return api(
        "chat.postMessage",
        () ->
            client.chatPostMessage(r ->
                r.channel(target.channel())
                    .threadTs(target.threadTs())
                    .text(message.text())
                    .blocks(message.blocks())
                    .metadata(metadata)
                    .unfurlLinks(false)
                    .unfurlMedia(false)));
  }

  /** One page of a channel's messages since {@code oldest} (a Slack ts), with their metadata. */
  ConversationsHistoryResponse history(String channel, String oldest, String cursor)
      throws Exception {
    return api(
        "conversations.history",
        () ->
            client.conversationsHistory(r ->
                r.channel(channel)
                    .oldest(oldest)
                    .cursor(cursor)
                    .limit(200)
                    .includeAllMetadata(true)));
  }

  private void postEphemeral(ReplyTarget.Conversation target, SlackMessage message)
      throws Exception {
    ChatPostEphemeralResponse response =
        api(
            "chat.postEphemeral",
            () ->
                client.chatPostEphemeral(r ->
                    r.channel(target.channel())
                        .user(target.user())
                        .threadTs(target.threadTs())
                        .text(message.text())
                        .blocks(message.blocks())));
    if (!response.isOk()) {
      throw new IOException("chat.postEphemeral failed: " + response.getError());
    }
  }

  private interface ApiCall<T> {
    T call() throws IOException, SlackApiException;
  }

  /** A Web API call, retried as Slack's rate limits ask. */
  private <T> T api(String method, ApiCall<T> call) throws Exception {
    return retry.run(method, () -> limited(call));
  }

  /** Turns the client's 429 exception into {@link RateLimitRetry.RateLimited}. */
  private static <T> T limited(ApiCall<T> call) throws Exception {
    try {
      return call.call();
    } catch (SlackApiException e) {
      if (e.getResponse() != null && e.getResponse().code() == 429) {
        throw new RateLimitRetry.RateLimited(e.getResponse().header("Retry-After"));
      }
      throw e;
    }
  }

  private static String bodyOf(okhttp3.Response response) throws IOException {
    String text = response.body() == null ? "" : response.body().string();
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
