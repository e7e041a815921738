package readingroom.bot.model;

import java.util.List;
import readingroom.index.Answer;
import readingroom.index.Result;
import readingroom.index.model.Source;

/**
 * What a command returns, for an adapter to render in its platform's own form (embeds, blocks,
 * plain text). Adapters decide nothing: all choices are made here.
 */
public sealed interface Reply {

  /**
   * An answer to a question.
   *
   * @param answer the engine's answer; {@code answer.answered()} false means "not in the reading
   *     list", with the closest passages
   * @param skip how many quotes earlier pages already showed (for "More")
   * @param hasMore whether a "More" button would find further quotes
   */
  record AnswerReply(Answer answer, int skip, boolean hasMore) implements Reply {}

  /** The articles a channel can ask about. */
  record SourcesReply(List<Source> sources) implements Reply {}

  /** One article: its metadata and opening quotes. */
  record ArticleReply(Source source, List<Result> opening) implements Reply {}

  /** Several articles match the words given to {@code /article}; the user picks one. */
  record ArticleChoicesReply(String words, List<Source> matches) implements Reply {}

  /** How to use the bot. */
  record HelpReply(List<String> lines) implements Reply {}

  /**
   * A channel's settings, shown on request or after a change.
   *
   * @param settings the settings now in force
   * @param change what was just changed, e.g. "Saved: answers are now private."; empty when only
   *     viewing
   * @param lines the settings in words, one per line, ready to show as they are
   */
  record SettingsReply(ChannelSettings.Effective settings, String change, List<String> lines)
      implements Reply {
    public SettingsReply {
      change = change == null ? "" : change;
      lines = List.copyOf(lines);
    }
  }

  /**
   * A channel's daily digest, drawn from its reading list. Every part is optional; a digest with no
   * part is never posted.
   *
   * @param heading the title line, e.g. "Reading Room digest · Tuesday, January 13"
   * @param added articles added to the reading list since the last digest, newest first
   * @param moreAdded how many further new articles were left out to keep the post short
   * @param discussion a passage for discussion, or {@code null}
   * @param asked the channel's most asked questions of the last day, each with its best quote
   * @param preview whether this is a private preview rather than the posted digest
   */
  record DigestReply(
      String heading,
      List<NewArticle> added,
      int moreAdded,
      Discussion discussion,
      List<AskedQuestion> asked,
      boolean preview)
      implements Reply {
    public DigestReply {
      added = List.copyOf(added);
      asked = List.copyOf(asked);
    }

    /** Whether there is nothing to post. */
    public boolean isEmpty() {
      return added.isEmpty() && discussion == null && asked.isEmpty();
    }

    /** A new article and one key quote from it ({@code null} when it has no quotable text). */
    public record NewArticle(Source source, Result quote) {}

    /**
     * A passage to discuss.
     *
     * @param quote the verbatim passage and its link
     * @param prompt a one-line question that invites discussion and claims nothing about the text
     * @param topic the channel's digest topic it was matched to, or {@code null}
     */
    public record Discussion(Result quote, String prompt, String topic) {}

    /** A question the channel asked, how many times, and the reading list's best quote for it. */
    public record AskedQuestion(String question, int times, Result quote) {}
  }

  /**
   * Quotes side by side, each under its own label: {@code /compare} (one per outlet), {@code
   * /timeline} (in date order) and {@code /discuss} (one passage and its prompt).
   *
   * @param heading the first line, e.g. "Compare: who is zamir kabulov?"
   * @param notes lines shown before the quotes, e.g. "Only one source answers this."
   * @param quotes the quotes, in the order to show them
   * @param closing a line after the quotes (a discussion prompt), or ""
   */
  record QuotesReply(String heading, List<String> notes, List<Labelled> quotes, String closing)
      implements Reply {
    public QuotesReply {
      notes = List.copyOf(notes);
      quotes = List.copyOf(quotes);
      closing = closing == null ? "" : closing;
    }

    /** A quote and what it stands for here ("The Moscow Times · October 14, 2024", "July 2018"). */
    public record Labelled(String label, Result quote) {}
  }

  /**
   * Lines of text to read or copy: {@code /cite} (verbatim, to paste as they are) and {@code
   * /report}.
   *
   * @param title the heading
   * @param lines the lines, ready to show
   * @param verbatim whether the lines are to be copied exactly (shown in a code block)
   * @param forAskerOnly whether only the person who asked should see it
   */
  record TextReply(String title, List<String> lines, boolean verbatim, boolean forAskerOnly)
      implements Reply {
    public TextReply {
      lines = List.copyOf(lines);
    }
  }

  /** A short message instead of a result: bad input, nothing found, or a failure with an id. */
  record NoticeReply(Kind kind, String text) implements Reply {
    /** What kind of notice, so adapters can choose a tone (e.g. private for errors). */
    public enum Kind {
      /** A confirmation or status, e.g. "Saved: ..." or a digest's next time. */
      INFO,
      INVALID_INPUT,
      NOT_FOUND,
      RATE_LIMITED,
      FORBIDDEN,
      ERROR
    }
  }
}
