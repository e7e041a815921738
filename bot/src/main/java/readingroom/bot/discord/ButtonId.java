package readingroom.bot.discord;

import java.util.Optional;

/**
 * What a button does, encoded in its custom id ({@code rr:more:<answer>:<skip>}). Only the answer
 * id and a number travel with the button; the question itself stays in {@link RecentQuestions}, so
 * ids stay far below Discord's 100 characters.
 *
 * @param action what the button does
 * @param answerId the answer it belongs to ("" for {@code /sources} pages)
 * @param number the quotes already shown for answer buttons, the page for {@code /sources}
 */
record ButtonId(Action action, String answerId, int number) {

  private static final String PREFIX = "rr";

  /** The buttons Reading Room puts under its messages. */
  enum Action {
    MORE("more"),
    HELPFUL("yes"),
    NOT_HELPFUL("no"),
    SHARE("share"),
    CITE("cite"),
    SOURCES_PAGE("src");

    final String code;

    Action(String code) {
      this.code = code;
    }
  }

  ButtonId {
    if (answerId.contains(":")) {
      throw new IllegalArgumentException("answer id must not contain ':'");
    }
  }

  String encode() {
    return PREFIX + ":" + action.code + ":" + answerId + ":" + number;
  }

  /** The button, or empty for ids that are not Reading Room's (or from an older version). */
  static Optional<ButtonId> parse(String customId) {
    String[] parts = customId.split(":", -1);
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return Optional.empty();
    }
    for (Action action : Action.values()) {
      if (action.code.equals(parts[1])) {
        try {
          return Optional.of(new ButtonId(action, parts[2], Integer.parseInt(parts[3])));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
