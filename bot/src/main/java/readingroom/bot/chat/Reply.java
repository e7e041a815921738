package readingroom.bot.chat;

import java.util.List;
import readingroom.bot.channel.ChannelSettings;
import readingroom.index.Answer;
import readingroom.index.Result;
import readingroom.index.Source;

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

  /** A short message instead of a result: bad input, nothing found, or a failure with an id. */
  record NoticeReply(Kind kind, String text) implements Reply {
    /** What kind of notice, so adapters can choose a tone (e.g. private for errors). */
    public enum Kind {
      INVALID_INPUT,
      NOT_FOUND,
      RATE_LIMITED,
      FORBIDDEN,
      ERROR
    }
  }
}
