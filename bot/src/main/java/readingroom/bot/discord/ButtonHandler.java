package readingroom.bot.discord;

import static readingroom.bot.discord.Responder.failure;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;

/**
 * The buttons under replies: "More" edits the answer in place (or tells the clicker alone why there
 * is no more), "Helpful" / "Not helpful" store a vote and thank the user privately, "Share to
 * channel" posts a private answer for everyone, and "Previous" / "Next" page through {@code
 * /sources}.
 */
final class ButtonHandler {

  private final Responder responder;

  ButtonHandler(Responder responder) {
    this.responder = responder;
  }

  void handle(ButtonInteractionEvent event) {
    var parsed = ButtonId.parse(event.getComponentId());
    if (parsed.isEmpty()) {
      event
          .reply(DiscordMessage.text(Messages.OLD_BUTTON).toCreateData())
          .setEphemeral(true)
          .queue(null, failure("reply to unknown button"));
      return;
    }
    ButtonId button = parsed.get();
    // In a thread, the parent channel's reading list and settings apply.
    Origin origin = Responder.place(event).origin();
    InteractionHook hook = event.getHook();
    switch (button.action()) {
      case MORE -> {
        boolean shareable = event.getMessage().isEphemeral() && !responder.privateChannel(origin);
        event.deferEdit().queue(null, failure("defer More"));
        responder.work(
            "More",
            hook,
            () -> {
              var question = responder.questions.question(button.answerId());
              if (question.isEmpty()) {
                hook.sendMessage(forgotten().toCreateData())
                    .setEphemeral(true)
                    .queue(null, failure("send forgotten"));
                return;
              }
              Reply reply =
                  responder.commands.more(
                      origin, Responder.place(event).thread(), question.get(), button.number());
              if (isRefusal(reply)) {
                // The answer stays as it is for everyone; why there is no more is for the clicker.
                hook.sendMessage(responder.renderer.render(reply).toCreateData())
                    .setEphemeral(true)
                    .queue(null, failure("refuse More"));
                return;
              }
              responder.edit(hook, responder.withButtons(button.answerId(), reply, shareable));
            });
      }
      case HELPFUL, NOT_HELPFUL -> {
        event.deferReply(true).queue(null, failure("defer feedback"));
        boolean helpful = button.action() == ButtonId.Action.HELPFUL;
        responder.work(
            "feedback",
            hook,
            () -> {
              // An answer from before a restart still gets its vote, without the question.
              String question = responder.questions.question(button.answerId()).orElse("");
              responder.feedback.record(origin, question, helpful);
              responder.edit(
                  hook,
                  DiscordMessage.text(
                      helpful ? Messages.THANKS_HELPFUL : Messages.THANKS_NOT_HELPFUL));
            });
      }
      case SHARE -> {
        if (responder.privateChannel(origin)) {
          // The channel was made private after the answer: sharing would go against it.
          event
              .reply(
                  DiscordMessage.text("Answers in this channel are private now: nothing shared.")
                      .toCreateData())
              .setEphemeral(true)
              .queue(null, failure("refuse Share"));
          return;
        }
        event.deferReply(false).queue(null, failure("defer Share"));
        responder.work(
            "Share",
            hook,
            () -> {
              var question = responder.questions.question(button.answerId());
              if (question.isEmpty()) {
                responder.edit(hook, forgotten());
                return;
              }
              // Asked again rather than copied: the same question gives the same quotes.
              Reply reply = responder.commands.ask(origin, question.get(), button.number());
              responder.edit(hook, responder.withButtons(button.answerId(), reply, false));
            });
      }
      case CITE -> {
        // Citations are for whoever wants to paste them: the clicker alone.
        event.deferReply(true).queue(null, failure("defer Cite"));
        Responder.Place place = Responder.place(event);
        responder.work(
            "Cite",
            hook,
            () -> {
              var question = responder.questions.question(button.answerId());
              if (question.isEmpty()) {
                responder.edit(hook, forgotten());
                return;
              }
              responder.edit(
                  hook,
                  responder.renderer.render(
                      responder.commands.citeAnswer(
                          place.origin(), place.thread(), question.get(), button.number())));
            });
      }
      case SOURCES_PAGE -> {
        event.deferEdit().queue(null, failure("defer sources page"));
        responder.work(
            "sources page",
            hook,
            () -> responder.edit(hook, responder.sourcesPage(origin, button.number())));
      }
    }
  }

  /**
   * Whether "More" gave no quotes to show: nothing more to show, the clicker is rate limited, or a
   * failure. Such replies would otherwise replace an answer others may be reading.
   */
  static boolean isRefusal(Reply reply) {
    return reply instanceof Reply.NoticeReply
        || (reply instanceof Reply.AnswerReply answer && answer.answer().results().isEmpty());
  }

  private static DiscordMessage forgotten() {
    return DiscordMessage.text(
        "I no longer remember this answer (it is old, or I restarted): please ask again.");
  }
}
