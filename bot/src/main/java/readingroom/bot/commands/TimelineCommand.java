package readingroom.bot.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import readingroom.index.model.PublishedDate;

/**
 * {@code /timeline <topic>}: the best quote on the topic from each article of the reading list that
 * speaks to it, in date order, each under its date at the precision known. A date known only to the
 * month sorts as that month (before the days in it, which it may precede) and is shown as the
 * month; undated articles come last. When nothing clearly speaks to the topic, the closest passages
 * are given in the same order under that warning.
 */
record TimelineCommand(Engine engine, Channels channels) {

  /** Points on a timeline: enough to see a course of events, within every platform's limits. */
  static final int MAX_POINTS = 8;

  /** Earliest first; a month before its days, a year before its months; undated last. */
  static final Comparator<Result> IN_DATE_ORDER =
      Comparator.comparing(
              (Result r) -> r.source().published(),
              Comparator.nullsLast(
                  Comparator.comparing(PublishedDate::first)
                      .thenComparing(PublishedDate::precision, Comparator.reverseOrder())))
          .thenComparing(r -> r.source().id())
          .thenComparingInt(Result::start);

  Reply timeline(Origin origin, String topic) {
    if (topic == null || topic.isBlank()) {
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.TIMELINE_WHAT);
    }
    Answer answer =
        engine.aboutEachArticle(
            new Question(
                topic, channels.effective(ChannelKey.of(origin)).scope(), Question.MAX_QUOTES, 0),
            MAX_POINTS);
    List<Result> points = new ArrayList<>(answer.results());
    points.sort(IN_DATE_ORDER);
    List<String> notes = new ArrayList<>();
    if (points.isEmpty()) {
      notes.add(Messages.NOTHING_MATCHES);
    } else if (!answer.answered()) {
      notes.add(Messages.TIMELINE_NONE);
    }
    List<Labelled> quotes = new ArrayList<>();
    for (Result point : points) {
      PublishedDate date = point.source().published();
      quotes.add(new Labelled(date == null ? Messages.UNDATED : date.display(), point));
    }
    return new Reply.QuotesReply(Messages.timelineHeading(answer.question()), notes, quotes, "");
  }
}
