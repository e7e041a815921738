package readingroom.bot.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.Channels;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Reply.QuotesReply.Labelled;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Result;
import readingroom.index.model.Source;

/**
 * {@code /compare <question>}: the best quote of each outlet that answers the question, side by
 * side with outlet and date, so a class sees how sources differ. An outlet with several articles on
 * the list is represented by its best; when one outlet has all the answering articles, each of them
 * is shown instead. Says so when only one source answers, and when none does shows each article's
 * closest passage under that warning.
 */
record CompareCommand(Engine engine, Channels channels) {

  /** Sources side by side: room for a class to compare, within every platform's limits. */
  static final int MAX_SOURCES = 5;

  Reply compare(Origin origin, String question) {
    if (question == null || question.isBlank()) {
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.COMPARE_WHAT);
    }
    Answer answer =
        engine.askEachArticle(
            new Question(
                question,
                channels.effective(ChannelKey.of(origin)).scope(),
                Question.MAX_QUOTES,
                0),
            MAX_SOURCES * 2);
    List<Result> shown = answer.answered() ? onePerOutlet(answer.results()) : answer.results();
    shown = shown.subList(0, Math.min(MAX_SOURCES, shown.size()));
    List<String> notes = new ArrayList<>();
    if (shown.isEmpty()) {
      notes.add(Messages.NOTHING_MATCHES);
    } else if (!answer.answered()) {
      notes.add(Messages.COMPARE_NONE);
    } else if (shown.size() == 1) {
      notes.add(Messages.COMPARE_ONE_SOURCE);
    }
    List<Labelled> quotes = new ArrayList<>();
    for (Result result : shown) {
      quotes.add(new Labelled(label(result.source()), result));
    }
    return new Reply.QuotesReply(Messages.compareHeading(answer.question()), notes, quotes, "");
  }

  /** The best result of each outlet, unless a single outlet has them all. */
  static List<Result> onePerOutlet(List<Result> results) {
    List<Result> kept = new ArrayList<>();
    List<String> outlets = new ArrayList<>();
    for (Result result : results) {
      String outlet = outlet(result.source());
      if (!outlets.contains(outlet)) {
        outlets.add(outlet);
        kept.add(result);
      }
    }
    return kept.size() == 1 ? results : kept;
  }

  /** "The Moscow Times · October 14, 2024", leaving out what is not known. */
  static String label(Source source) {
    String outlet = source.outlet() == null || source.outlet().isBlank() ? "" : source.outlet();
    String date = source.published() == null ? Messages.UNDATED : source.published().display();
    return outlet.isEmpty() ? date : outlet + " · " + date;
  }

  private static String outlet(Source source) {
    return source.outlet() == null || source.outlet().isBlank()
        ? "article:" + source.id()
        : source.outlet().strip().toLowerCase(Locale.ROOT);
  }
}
