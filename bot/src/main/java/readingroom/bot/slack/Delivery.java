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
 * (everyone sees it) and {@code chat.postEphemeral} (only the asker does), each with the bot token
 * of the workspace it goes to. Honours Retry-After on 429; any other failure is thrown for the
 * caller to log.
 */
final class Delivery {

  private final Slack slack;
  private final WorkspaceTokens tokens;
  private final RateLimitRetry retry;

  Delivery(Slack slack, WorkspaceTokens tokens, RateLimitRetry retry) {
    this.slack = slack;
    this.tokens = tokens;
    this.retry = retry;
  }

  /**
   * Delivers a reply.
   *
   * @param team the workspace the reply goes to, whose bot token posts it
   * @param privately shown only to the asker (ephemeral) rather than to the conversation
   * @throws WorkspaceTokens.NotInstalledException when a post is due in a workspace that has
   *     removed the app
   */
  void send(String team, ReplyTarget target, SlackMessage message, boolean privately)
      throws Exception {
    switch (target) {
      case ReplyTarget.ResponseUrl url -> respond(url, message, privately);
      case ReplyTarget.Conversation c when privately -> postEphemeral(team, c, message);
      case ReplyTarget.Conversation c -> postMessage(team, c, message);
    }
  }

  private MethodsClient client(String team) throws WorkspaceTokens.NotInstalledException {
    return slack.methods(tokens.require(team));
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

  private void postMessage(String team, ReplyTarget.Conversation target, SlackMessage message)
      throws Exception {
    ChatPostMessageResponse response = post(team, target, message);
    if (!response.isOk()) {
      throw new IOException("chat.postMessage failed: " + response.getError());
    }
  }

  /**
   * Posts a message for the whole conversation and returns Slack's answer, for callers that treat
   * some errors differently (a digest pauses on {@code channel_not_found}).
   */
  ChatPostMessageResponse post(String team, ReplyTarget.Conversation target, SlackMessage message)
      throws Exception {
    return post(team, target, message, null);
  }

  /**
   * As {@link #post(String, ReplyTarget.Conversation, SlackMessage)}, with message metadata that
   * {@code conversations.history} returns with the message (a digest's slot).
   */
  ChatPostMessageResponse post(
      String team, ReplyTarget.Conversation target, SlackMessage message, Message.Metadata metadata)
      throws Exception {
    MethodsClient client = client(team);
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
  ConversationsHistoryResponse history(String team, String channel, String oldest, String cursor)
      throws Exception {
    MethodsClient client = client(team);
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

  private void postEphemeral(String team, ReplyTarget.Conversation target, SlackMessage message)
      throws Exception {
    MethodsClient client = client(team);
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
