package readingroom.index.search;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks for beyond its words: the kind of answer (a person, a number, a date) and
 * the years and months it names. A passage that lacks the kind of answer, or is about another year,
 * does not answer the question however similar its words are: "who led the delegation?" is not
 * answered by "sent a five-member delegation".
 *
 * @param type the kind of answer wanted
 * @param years four-digit years the question names
 * @param months months the question names
 * @param words the question's words, lower-cased: an answer is something the question does not
 *     already say
 */
public record QuestionFocus(
    AnswerType type, Set<Integer> years, Set<Month> months, Set<String> words) {

  /** The kind of answer a question wants. */
  enum AnswerType {
    PERSON,
    QUANTITY,
    DATE,
    /**
     * "why": an explanation. Favoured in ranking but not required, as reasons are often implicit.
     */
    REASON,
    ANY
  }

  private static final Pattern PERSON = Pattern.compile("^(who|who's|whom|whose)\\b");
  private static final Pattern QUANTITY =
      Pattern.compile(
          "^(how (many|much|big|large|long|far|old)|what (number|share|percentage|amount))\\b");
  private static final Pattern DATE =
      Pattern.compile(
          "^(when|what (date|day|year|month|time)|which (date|day|year|month)|since when)\\b");
  private static final Pattern REASON =
      Pattern.compile("^(why|for what reason|what (made|makes|led))\\b");
  private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  static QuestionFocus of(String question) {
    String lower = question.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
    // "at the november talks, who ..." asks who: look for the question word in each clause.
    AnswerType type = AnswerType.ANY;
    for (String clause : lower.split("[,;:]\\s*")) {
      if (PERSON.matcher(clause).find()) {
        type = AnswerType.PERSON;
      } else if (QUANTITY.matcher(clause).find()) {
        type = AnswerType.QUANTITY;
      } else if (DATE.matcher(clause).find()) {
        type = AnswerType.DATE;
      } else if (REASON.matcher(clause).find()) {
        type = AnswerType.REASON;
      }
    }
    Set<Integer> years = new LinkedHashSet<>();
    Matcher year = YEAR.matcher(lower);
    while (year.find()) {
      years.add(Integer.parseInt(year.group(1)));
    }
    Set<Month> months = new LinkedHashSet<>();
    Set<String> words = new LinkedHashSet<>();
    Matcher word = WORD.matcher(lower);
    while (word.find()) {
      words.add(word.group());
      Month month = month(word.group());
      if (month != null) {
        months.add(month);
      }
    }
    return new QuestionFocus(type, years, months, words);
  }

  /** The month a word names ("november", "nov"), or null. "may" and "march" are too often verbs. */
  static Month month(String word) {
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      String shortName = full.substring(0, 3);
      if (month == Month.MAY || month == Month.MARCH) {
        if (word.equals(full) && month == Month.MARCH) {
          return month;
        }
        continue;
      }
      if (word.equals(full)
          || word.equals(shortName)
          || (month == Month.SEPTEMBER && word.equals("sept"))) {
        return month;
      }
    }
    return null;
  }
}
