package readingroom.index.search;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import readingroom.index.model.PublishedDate;

/**
 * Checks a passage against a {@link QuestionFocus}: does it hold the kind of answer asked for, and
 * is it about the years and months the question names (in its text, or by its article's date)?
 */
final class Evidence {

  private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)s?\\b");
  private static final Pattern MONTH_WORD =
      Pattern.compile(
          "\\b(January|February|March|April|May|June|July|August|September|October|November|December"
              + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\b\\.?");
  private static final Pattern DATE_MENTION =
      Pattern.compile(
          MONTH_WORD.pattern()
              + "|\\b(1[5-9]\\d\\d|20\\d\\d)s?\\b|\\b(yesterday|today|last (week|month|year)|this (week|month|year)"
              + "|earlier this (week|month|year))\\b");

  /** Number words; not "one", which is far more often a pronoun ("one of the ...") than a count. */
  private static final Pattern NUMBER_WORD =
      Pattern.compile(
          "(?i)\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?"
              + "|millions?|billions?|half|third|quarter)\\b");

  private static final Pattern DIGITS = Pattern.compile("[$€£]?\\d[\\d,.]*");

  /**
   * Capitalised words that do not name anything: English function words (Lucene's stop words and a
   * few more that open sentences), months and weekdays. General English only; no reading list's
   * names.
   */
  private static final Set<String> NOT_NAMES =
      Stream.concat(
              EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.stream().map(w -> new String((char[]) w)),
              Stream.concat(
                  Stream.of(
                      "while",
                      "since",
                      "after",
                      "before",
                      "during",
                      "when",
                      "its",
                      "most",
                      "although",
                      "however",
                      "many",
                      "some",
                      "other",
                      "he",
                      "she",
                      "we",
                      "his",
                      "her",
                      "our",
                      "from",
                      "with",
                      "who",
                      "what",
                      "which",
                      "where",
                      "how",
                      "why",
                      "i"),
                  Stream.concat(
                      Stream.of(Month.values())
                          .map(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH)),
                      Stream.of(DayOfWeek.values())
                          .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)))))
          .map(w -> w.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  /** A capitalised word or acronym, with the character before it (to tell a sentence's start). */
  private static final Pattern CAPITALISED =
      Pattern.compile("\\b[A-Z][\\p{L}'’.-]*[\\p{L}]|\\b[A-Z]\\b");

  private Evidence() {}

  /** Whether the passage is about every year and month the question names. */
  static boolean matchesDates(QuestionFocus focus, String passage, PublishedDate published) {
    for (int year : focus.years()) {
      boolean inText = Pattern.compile("\\b" + year + "\\b").matcher(passage).find();
      // The article's date stands in only for a passage that names no other year.
      boolean byDate =
          published != null
              && published.first().getYear() == year
              && !mentionsOtherYear(passage, year);
      if (!inText && !byDate) {
        return false;
      }
    }
    for (Month month : focus.months()) {
      boolean inText = mentionsMonth(passage, month);
      boolean byDate =
          published != null
              && published.precision() != PublishedDate.Precision.YEAR
              && published.first().getMonth() == month
              && !mentionsOtherMonth(passage, month);
      if (!inText && !byDate) {
        return false;
      }
    }
    return true;
  }

  /** Whether the passage holds the kind of answer the question wants. */
  static boolean holdsAnswer(QuestionFocus focus, String passage) {
    return switch (focus.type()) {
      case ANY -> true;
      case REASON -> CAUSAL.matcher(passage).find();
      case DATE -> DATE_MENTION.matcher(passage).find();
      case QUANTITY -> hasQuantity(passage, focus.numbers());
      case PERSON, NAMED -> namesSomethingNotAsked(passage, focus.words());
    };
  }

  /**
   * A count or amount: a number word, or a number that is not a year, a day of a month, part of a
   * name ("TNG50", "F-35", "COVID-19") or one the question itself gives ("how many of the 14
   * companies ..." is not answered by "14 companies").
   */
  static boolean hasQuantity(String passage, Set<String> asked) {
    if (NUMBER_WORD.matcher(passage).find()) {
      return true;
    }
    Matcher digits = DIGITS.matcher(passage);
    while (digits.find()) {
      String number = digits.group().replaceAll("[.,]$", "");
      boolean year = YEAR.matcher(number).matches();
      String before = passage.substring(Math.max(0, digits.start() - 12), digits.start());
      boolean dayOfMonth = MONTH_WORD.matcher(before).find() && number.length() <= 2;
      if (!year && !dayOfMonth && !partOfName(passage, digits.start()) && !asked.contains(number)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the number starting here is glued to a word before it ("TNG50", "F-35"). */
  private static boolean partOfName(String passage, int at) {
    int i = at - 1;
    if (i >= 0 && passage.charAt(i) == '-') {
      i--;
    }
    return i >= 0 && Character.isLetter(passage.charAt(i));
  }

  private static final Pattern CAUSAL =
      Pattern.compile(
          "(?i)\\b(because|results? from|resulted from|due to|owing to|on the grounds that|in order to"
              + "|so that|aim(s|ed)? to|seeks? to|to justify|justif(y|ied|ies)|the reason|motivat\\w+"
              + "|driven by|stems? from|in response to|belief that|therefore|thus|as a result)\\b");

  /**
   * Whether the passage names someone or something the question does not: a capitalised word that
   * does not open a sentence, is not a function word, month or weekday, and is not one of the
   * question's own words. "Who led the delegation?" is then not answered by a passage whose only
   * names are those the question already gives. A general test of English orthography, not a list
   * of one reading list's names; the learned confidence weighs it with the other signals.
   */
  static boolean namesSomethingNotAsked(String passage, Set<String> questionWords) {
    Matcher word = CAPITALISED.matcher(passage);
    while (word.find()) {
      String text = word.group().replaceAll("['’]s$", "").replaceAll("\\.$", "");
      String lower = text.toLowerCase(Locale.ROOT);
      if (NOT_NAMES.contains(lower)
          || questionWords.contains(lower)
          || opensSentence(passage, word.start())) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static boolean opensSentence(String passage, int at) {
    int i = at - 1;
    while (i >= 0
        && (Character.isWhitespace(passage.charAt(i))
            || "\"'“‘(".indexOf(passage.charAt(i)) >= 0)) {
      i--;
    }
    return i < 0 || ".!?:;".indexOf(passage.charAt(i)) >= 0;
  }

  private static boolean mentionsOtherYear(String passage, int year) {
    Matcher m = YEAR.matcher(passage);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) != year) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsMonth(String passage, Month month) {
    Matcher m = MONTH_WORD.matcher(passage);
    while (m.find()) {
      if (QuestionFocus.month(m.group(1).toLowerCase(Locale.ROOT)) == month
          || (month == Month.MAY && m.group(1).equals("May"))
          || (month == Month.MARCH && m.group(1).equals("Mar"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsOtherMonth(String passage, Month month) {
    Matcher m = MONTH_WORD.matcher(passage);
    while (m.find()) {
      Month other = QuestionFocus.month(m.group(1).toLowerCase(Locale.ROOT));
      if (other != null && other != month) {
        return true;
      }
    }
    return false;
  }
}
