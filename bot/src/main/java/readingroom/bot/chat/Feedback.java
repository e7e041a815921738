package readingroom.bot.chat;

import java.util.Objects;

/**
 * One vote on an answer: "Helpful" or "Not helpful".
 *
 * @param origin who voted, and where
 * @param answerId the platform's id of the answer (a Discord interaction or message id), so votes
 *     on the same answer can be grouped
 * @param question the question answered, or "" when it is no longer known
 * @param skip how many quotes earlier pages showed: the vote is about the page after them
 * @param verdict the vote
 */
public record Feedback(Origin origin, String answerId, String question, int skip, Verdict verdict) {

  /** What the user thought of the answer. */
  public enum Verdict {
    HELPFUL,
    NOT_HELPFUL
  }

  public Feedback {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(answerId, "answerId");
    Objects.requireNonNull(verdict, "verdict");
    question = question == null ? "" : question;
  }
}
