package readingroom.bot.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.channel.AnswerKey;
import readingroom.bot.channel.ConversationMemory.Turn;
import readingroom.bot.model.CitationStyle;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.text.Citations;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Result;

/**
 * {@code /cite [style]} and the Cite button: APA, MLA and Chicago citations of the articles an
 * answer quoted, each with its quote's link, ready to paste. The answer is asked again as it was
 * asked (same reading list, context and page), which gives the same quotes and, from the cache,
 * costs nothing; it is not logged again as a question. Without a style, all three are given.
 */
record CiteCommand(Engine engine, AnswerCache cache, FollowUpCommand conversations) {

  /** {@code /cite}: the latest answer of this thread, or the asker's own latest in the channel. */
  Reply cite(Origin origin, String thread, String style) {
    Optional<List<CitationStyle>> styles = styles(style);
    if (styles.isEmpty()) {
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.CITE_STYLES);
    }
    Optional<Turn> turn = conversations.latest(origin, thread);
    if (turn.isEmpty()) {
      return new NoticeReply(NoticeReply.Kind.NOT_FOUND, Messages.CITE_NOTHING);
    }
    return citations(answer(conversations.question(origin, turn.get())), styles.get());
  }

  /**
   * The Cite button under an answer to {@code question}, {@code skip} quotes in. In a thread whose
   * latest question it is, it is asked as the thread asked it (with its context).
   */
  Reply citeAnswer(Origin origin, String thread, String question, int skip) {
    Optional<Turn> turn =
        thread == null
            ? Optional.empty()
            : conversations
                .latest(origin, thread)
                .filter(t -> t.question().equals(question) && t.skip() == skip);
    Turn asked = turn.orElse(new Turn(question, "", "", List.of(), skip));
    return citations(
        answer(conversations.question(origin, asked)), List.of(CitationStyle.values()));
  }

  private Answer answer(Question question) {
    return cache.get(AnswerKey.of(question, engine.version()), () -> engine.ask(question)).answer();
  }

  private static Reply citations(Answer answer, List<CitationStyle> styles) {
    if (answer.results().isEmpty()) {
      return new NoticeReply(NoticeReply.Kind.NOT_FOUND, Messages.CITE_NO_QUOTES);
    }
    List<String> lines = new ArrayList<>();
    for (CitationStyle style : styles) {
      if (styles.size() > 1) {
        if (!lines.isEmpty()) {
          lines.add("");
        }
        lines.add(style.label());
      }
      // One citation per quote (each has its own link), none twice.
      Set<String> cited = new LinkedHashSet<>();
      for (Result result : answer.results()) {
        cited.add(Citations.cite(result.source(), result.link(), style));
      }
      lines.addAll(cited);
    }
    String heading = Messages.citeHeading(styles.size() == 1 ? styles.get(0).label() : null);
    return new Reply.TextReply(heading, lines, true, false);
  }

  /** The styles asked for: one, or all for none; empty for a style that does not exist. */
  private static Optional<List<CitationStyle>> styles(String style) {
    if (style == null || style.isBlank()) {
      return Optional.of(List.of(CitationStyle.values()));
    }
    return CitationStyle.parse(style).map(List::of);
  }
}
