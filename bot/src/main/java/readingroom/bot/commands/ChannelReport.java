package readingroom.bot.commands;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.text.Texts;
import readingroom.index.Engine;
import readingroom.index.InvalidQuestionException;
import readingroom.index.QuestionText;
import readingroom.index.model.Source;

/**
 * A channel's questions over a period, for the people who teach or run it: what was asked, what the
 * reading list did not answer (its coverage gaps), the articles and passages answers quoted most,
 * and the Helpful / Not helpful counts. It holds no user names or ids (the log has only salted
 * hashes, and the report does not read them); questions are shown cleaned of mentions.
 *
 * @param from the start of the period
 * @param to its end (exclusive)
 * @param asked how many questions were asked
 * @param answered how many of them the reading list answered
 * @param mostAsked the questions asked most, most first
 * @param notAnswered the questions the reading list did not answer, most asked first
 * @param articles the articles whose quote led most answers, most first
 * @param passages the passages quoted first most often, most first
 * @param helpful how many answers were marked Helpful
 * @param notHelpful how many were marked Not helpful
 */
public record ChannelReport(
    Instant from,
    Instant to,
    int asked,
    int answered,
    List<Count> mostAsked,
    List<Count> notAnswered,
    List<Count> articles,
    List<Count> passages,
    int helpful,
    int notHelpful) {

  /** Rows shown of each list. */
  public static final int TOP = 10;

  /**
   * One row of a list: a question, an article or a passage, and how often.
   *
   * @param text the question, the article's headline, or the passage's words
   * @param article the article's id for articles and passages, else ""
   * @param count how many times
   */
  public record Count(String text, String article, int count) {}

  /** The period a report covers when none is given. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})\\s*([dhw])");

  /** A period of time: from, inclusive, to, exclusive. */
  public record Period(Instant from, Instant to) {}

  /**
   * The period a text names, ending {@code now} unless it says otherwise: "" (the last 7 days),
   * {@code 30d}, {@code 24h}, {@code 2w}, {@code since 2026-11-01} or {@code 2026-11-01} (to now),
   * {@code 2026-11-01..2026-11-30} (UTC days, both included); empty when it names none.
   */
  public static Optional<Period> period(String text, Instant now) {
    String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      return Optional.of(new Period(now.minus(DEFAULT_PERIOD), now));
    }
    Matcher relative = RELATIVE.matcher(value);
    if (relative.matches()) {
      long n = Long.parseLong(relative.group(1));
      Duration length =
          switch (relative.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(n);
          };
      return n == 0 ? Optional.empty() : Optional.of(new Period(now.minus(length), now));
    }
    try {
      if (value.startsWith("since ")) {
        return Optional.of(new Period(day(value.substring(6).strip()), now));
      }
      if (value.contains("..")) {
        String[] ends = value.split("\\.\\.", 2);
        Instant from = day(ends[0].strip());
        Instant to = day(ends[1].strip()).plus(Duration.ofDays(1));
        return to.isAfter(from) ? Optional.of(new Period(from, to)) : Optional.empty();
      }
      return Optional.of(new Period(day(value), now));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Instant day(String text) {
    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The report of these logged questions, with articles and passages read from the engine. */
  public static ChannelReport of(
      List<QuestionLog.Logged> logged, Instant from, Instant to, Engine engine) {
    int asked = 0;
    int answered = 0;
    int helpful = 0;
    int notHelpful = 0;
    Map<String, Counter> questions = new LinkedHashMap<>();
    Map<String, Counter> gaps = new LinkedHashMap<>();
    Map<String, Counter> articles = new LinkedHashMap<>();
    Map<String, Counter> passages = new LinkedHashMap<>();
    for (QuestionLog.Logged entry : logged) {
      if (entry.helpful() != null) {
        if (entry.helpful()) {
          helpful++;
        } else {
          notHelpful++;
        }
      }
      if (entry.answered() == null) {
        continue; // a vote on an answer from before the log, not a question
      }
      String question = shown(entry.question());
      String key = question.toLowerCase(Locale.ROOT);
      asked++;
      questions.computeIfAbsent(key, k -> new Counter(question, "")).count++;
      if (!entry.answered()) {
        gaps.computeIfAbsent(key, k -> new Counter(question, "")).count++;
        continue;
      }
      answered++;
      if (entry.topArticle() == null) {
        continue;
      }
      Optional<Source> source = engine.source(entry.topArticle());
      String title = source.map(Source::title).orElse(entry.topArticle());
      articles.computeIfAbsent(entry.topArticle(), k -> new Counter(title, k)).count++;
      Optional<String> text = engine.articleText(entry.topArticle());
      if (text.isPresent() && entry.topStart() >= 0 && entry.topEnd() <= text.get().length()) {
        String passage = text.get().substring(entry.topStart(), entry.topEnd());
        passages.computeIfAbsent(
                entry.topArticle() + ":" + entry.topStart(),
                k -> new Counter(passage, entry.topArticle()))
            .count++;
      }
    }
    return new ChannelReport(
        from,
        to,
        asked,
        answered,
        top(questions),
        top(gaps),
        top(articles),
        top(passages),
        helpful,
        notHelpful);
  }

  /** Characters of a passage shown in chat; the CSV has it whole. */
  private static final int PASSAGE_CHARS = 200;

  /** The report in words, one line each, ready to show on any platform. */
  public static List<String> lines(ChannelReport report) {
    List<String> lines = new ArrayList<>();
    int notAnswered = report.asked() - report.answered();
    lines.add(
        "Questions asked: "
            + report.asked()
            + " ("
            + report.answered()
            + " answered, "
            + notAnswered
            + " not answered by the reading list).");
    lines.add(
        "Feedback: " + report.helpful() + " Helpful, " + report.notHelpful() + " Not helpful.");
    section(lines, "Most asked", report.mostAsked(), c -> "“" + c.text() + "”");
    section(
        lines,
        "Not answered by the reading list (coverage gaps)",
        report.notAnswered(),
        c -> "“" + c.text() + "”");
    section(lines, "Most cited articles", report.articles(), c -> c.text());
    section(
        lines,
        "Most cited passages",
        report.passages(),
        c -> "“" + Texts.cut(Texts.oneLine(c.text()), PASSAGE_CHARS) + "”");
    return lines;
  }

  private static void section(
      List<String> lines,
      String title,
      List<ChannelReport.Count> counts,
      java.util.function.Function<ChannelReport.Count, String> shown) {
    if (counts.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add(title + ":");
    for (ChannelReport.Count count : counts) {
      lines.add("• " + shown.apply(count) + (count.count() > 1 ? " ×" + count.count() : ""));
    }
  }

  /** Every row, as CSV lines with a header: {@code section,text,article,count}. */
  public List<String> csv() {
    List<String> lines = new ArrayList<>();
    lines.add("section,text,article,count");
    lines.add(row("asked", "", "", asked));
    lines.add(row("answered", "", "", answered));
    lines.add(row("helpful", "", "", helpful));
    lines.add(row("not_helpful", "", "", notHelpful));
    mostAsked.forEach(c -> lines.add(row("most_asked", c.text(), "", c.count())));
    notAnswered.forEach(c -> lines.add(row("not_answered", c.text(), "", c.count())));
    articles.forEach(c -> lines.add(row("cited_article", c.text(), c.article(), c.count())));
    passages.forEach(c -> lines.add(row("cited_passage", c.text(), c.article(), c.count())));
    return lines;
  }

  private static String row(String section, String text, String article, int count) {
    return section + "," + csvField(text) + "," + csvField(article) + "," + count;
  }

  /**
   * RFC 4180 quoting; a field a spreadsheet would run as a formula ({@code =}, {@code +}, {@code
   * -}, {@code @}) is prefixed with an apostrophe, since questions are typed by anyone.
   */
  static String csvField(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** The question as typed, without mentions or markup. */
  private static String shown(String question) {
    try {
      return QuestionText.clean(question);
    } catch (InvalidQuestionException e) {
      return question.strip();
    }
  }

  private static List<Count> top(Map<String, Counter> counts) {
    return counts.values().stream()
        .sorted(Comparator.comparingInt((Counter c) -> -c.count))
        .limit(TOP)
        .map(c -> new Count(c.text, c.article, c.count))
        .toList();
  }

  private static final class Counter {
    final String text;
    final String article;
    int count;

    Counter(String text, String article) {
      this.text = text;
      this.article = article;
    }
  }
}
