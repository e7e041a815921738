package readingroom.bot.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import readingroom.bot.model.Reply;

/** The buttons under a reply: what the reply allows, and nothing else. */
final class ReplyButtons {
  private ReplyButtons() {}

  /**
   * Under an answer: "More" when the reply says more quotes exist, "Cite", "Helpful" and "Not
   * helpful" when it shows quotes, and "Share to channel" for an answer the asker chose to see
   * alone.
   */
  static List<ActionRow> forAnswer(String answerId, Reply.AnswerReply reply, boolean shareable) {
    int shown = reply.answer().results().size();
    if (shown == 0) {
      return List.of();
    }
    List<Button> buttons = new ArrayList<>();
    if (reply.hasMore()) {
      buttons.add(Button.primary(id(ButtonId.Action.MORE, answerId, reply.skip() + shown), "More"));
    }
    buttons.add(Button.secondary(id(ButtonId.Action.CITE, answerId, reply.skip()), "Cite"));
    buttons.add(Button.secondary(id(ButtonId.Action.HELPFUL, answerId, reply.skip()), "Helpful"));
    buttons.add(
        Button.secondary(id(ButtonId.Action.NOT_HELPFUL, answerId, reply.skip()), "Not helpful"));
    if (shareable) {
      buttons.add(
          Button.success(id(ButtonId.Action.SHARE, answerId, reply.skip()), "Share to channel"));
    }
    return List.of(ActionRow.of(buttons));
  }

  /** "Previous" / "Next" under a page of {@code /sources}, when there is more than one page. */
  static List<ActionRow> forSources(int page, int pages) {
    if (pages <= 1) {
      return List.of();
    }
    Button previous =
        Button.secondary(id(ButtonId.Action.SOURCES_PAGE, "", page - 1), "Previous")
            .withDisabled(page <= 0);
    // page - 1 and page + 1 differ, as Discord wants the ids in one message to.
    Button next =
        Button.secondary(id(ButtonId.Action.SOURCES_PAGE, "", page + 1), "Next")
            .withDisabled(page >= pages - 1);
    return List.of(ActionRow.of(previous, next));
  }

  private static String id(ButtonId.Action action, String answerId, int number) {
    return new ButtonId(action, answerId, Math.max(0, number)).encode();
  }
}
