package readingroom.bot.commands;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.state.QuestionLog;
import readingroom.index.Engine;

/**
 * {@code /report [period]}: a channel's {@link ChannelReport}, for the people who manage the
 * channel, shown to them alone. The period is the last 7 days unless given: {@code 30d}, {@code
 * 24h}, {@code since 2026-11-01}, or {@code 2026-11-01..2026-11-30} (days in UTC, both included).
 */
record ReportCommand(Engine engine, QuestionLog questionLog, Clock clock) {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  Reply report(Origin origin, boolean canManage, String period) {
    if (!canManage) {
      return new NoticeReply(NoticeReply.Kind.FORBIDDEN, Messages.REPORT_FORBIDDEN);
    }
    if (questionLog == null) {
      return new NoticeReply(NoticeReply.Kind.NOT_FOUND, Messages.REPORT_LOG_OFF);
    }
    Optional<ChannelReport.Period> parsed = ChannelReport.period(period, clock.instant());
    if (parsed.isEmpty()) {
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.REPORT_PERIOD);
    }
    ChannelReport report = of(ChannelKey.of(origin), parsed.get());
    return new Reply.TextReply(
        Messages.reportHeading(describe(parsed.get())), ChannelReport.lines(report), false, true);
  }

  ChannelReport of(ChannelKey channel, ChannelReport.Period period) {
    return ChannelReport.of(
        questionLog.between(channel, period.from(), period.to()),
        period.from(),
        period.to(),
        engine);
  }

  private static String describe(ChannelReport.Period period) {
    Instant lastDay = period.to().minusMillis(1);
    return DAY.format(period.from()) + " – " + DAY.format(lastDay);
  }
}
