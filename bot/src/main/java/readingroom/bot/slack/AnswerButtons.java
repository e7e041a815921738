package readingroom.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;

/**
 * The buttons under an answer. "More" shows the next quotes, as privately as the answer; "Cite"
 * gives the clicker, privately, citations of the quotes; "Helpful" and "Not helpful" record
 * feedback and thank the clicker privately.
 */
final class AnswerButtons {

  private final Responder responder;
  private final FeedbackSink feedback;

  AnswerButtons(Responder responder, FeedbackSink feedback) {
    this.responder = responder;
    this.feedback = feedback;
  }

  void register(App app) {
    app.blockAction(
        Buttons.MORE,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          Buttons.More.parse(value(payload))
              .ifPresent(more ->
                  responder.more(
                      origin(payload),
                      thread(payload),
                      more,
                      target(payload),
                      isEphemeral(payload)));
          return ctx.ack();
        });
    app.blockAction(
        Buttons.CITE,
        (req, ctx) -> {
          BlockActionPayload payload = req.getPayload();
          String thread =
              payload.getContainer() != null ? payload.getContainer().getThreadTs() : null;
          Buttons.More.parse(value(payload))
              .ifPresent(
                  answer -> responder.cite(origin(payload), thread, answer, target(payload)));
          return ctx.ack();
        });
    app.blockAction(
        Buttons.HELPFUL,
        (req, ctx) -> {
          feedback(req.getPayload(), true);
          return ctx.ack();
        });
    app.blockAction(
        Buttons.NOT_HELPFUL,
        (req, ctx) -> {
          feedback(req.getPayload(), false);
          return ctx.ack();
        });
  }

  private void feedback(BlockActionPayload payload, boolean helpful) {
    String question = value(payload);
    if (question == null) {
      return;
    }
    Origin origin = origin(payload);
    responder.notice(
        origin,
        () -> feedback.record(origin, question, helpful),
        helpful ? Messages.THANKS_HELPFUL : Messages.THANKS_NOT_HELPFUL,
        target(payload));
  }

  private static Origin origin(BlockActionPayload payload) {
    String channel =
        payload.getChannel() != null
            ? payload.getChannel().getId()
            : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
    return new Origin(
        Platform.SLACK,
        payload.getTeam() != null ? payload.getTeam().getId() : null,
        channel,
        payload.getUser() != null ? payload.getUser().getId() : null);
  }

  /** The clicked message's response_url, in the thread the message is in (if any). */
  private static ReplyTarget target(BlockActionPayload payload) {
    String thread = payload.getContainer() != null ? payload.getContainer().getThreadTs() : null;
    return new ReplyTarget.ResponseUrl(payload.getResponseUrl(), thread);
  }

  /** The thread the clicked message is in, or null. */
  private static String thread(BlockActionPayload payload) {
    return payload.getContainer() != null ? payload.getContainer().getThreadTs() : null;
  }

  private static boolean isEphemeral(BlockActionPayload payload) {
    return payload.getContainer() != null && payload.getContainer().isEphemeral();
  }

  private static String value(BlockActionPayload payload) {
    return payload.getActions() == null || payload.getActions().isEmpty()
        ? null
        : payload.getActions().get(0).getValue();
  }
}
