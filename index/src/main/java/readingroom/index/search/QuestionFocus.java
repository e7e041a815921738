package readingroom.index.search;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
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
 * @param numbers the numbers the question itself gives, as written ("14", "2,000"): not answers
 * @param nearMiss what a passage that answers a contrary question would lack or add
 */
public record QuestionFocus(
    AnswerType type,
    Set<Integer> years,
    Set<Month> months,
    Set<String> words,
    Set<String> numbers,
    NearMiss.Question nearMiss) {

  /** The kind of answer a question wants. */
  enum AnswerType {
    PERSON,
    QUANTITY,
    DATE,
    /**
     * "why": an explanation. Favoured in ranking but not required, as reasons are often implicit.
     */
    REASON,
    /** "which rocket ...": one of a kind of thing, most often named ("the Falcon 9"). */
    NAMED,
    ANY
  }

  private static final Pattern PERSON = Pattern.compile("^(who|who's|whom|whose)\\b");

  /**
   * Nouns that name a measure: "what is the population of ..." asks for a number as "how many"
   * does. General English, no reading list's words.
   */
  private static final String MEASURE =
      "number|share|percentage|percent|proportion|fraction|amount|total|size|price|cost|budget"
          + "|population|temperature|distance|height|length|depth|width|speed|weight|mass|area"
          + "|age|salary|rate";

  private static final Pattern QUANTITY =
      Pattern.compile(
          "^(how (many|much|big|large|long|far|old|tall|high|deep|wide|heavy|fast|cold|hot|warm"
              + "|expensive|costly)"
              + "|(at |of |by )?what( ("
              + MEASURE
              + ")|( is| was| are| were|'s) (the |its |their |his |her )?("
              + MEASURE
              + ")))\\b");
  private static final Pattern DATE =
      Pattern.compile(
          "^(when|what (date|day|year|month|time)|which (date|day|year|month)|since when)\\b");
  private static final Pattern REASON =
      Pattern.compile("^(why|for what reason|what (made|makes|led))\\b");
  private static final Pattern NAMED =
      Pattern.compile(
          "^((in|at|from|to|for|by|with|of|on) )?which (?!(date|day|year|month)\\b)\\p{L}");
  private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*\\d|\\d");

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
      } else if (NAMED.matcher(clause).find()) {
        type = AnswerType.NAMED;
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
    Set<String> numbers = new LinkedHashSet<>();
    Matcher number = NUMBER.matcher(lower);
    while (number.find()) {
      numbers.add(number.group());
    }
    return new QuestionFocus(type, years, months, words, numbers, NearMiss.question(question));
  }

  /** The month a word names ("november", "nov"), or null. "may" and "march" are too often verbs. */
  static Month month(String word) {
    return MONTH_NAMES.get(word);
  }

  /**
   * Each month by its full and three-letter names, and "sept"; "march" only in full, "may" not at
   * all (both are more often verbs).
   */
  private static final Map<String, Month> MONTH_NAMES = monthNames();

  private static Map<String, Month> monthNames() {
    Map<String, Month> names = new java.util.HashMap<>();
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (month == Month.MAY) {
        continue;
      }
      names.put(full, month);
      if (month != Month.MARCH) {
        names.put(full.substring(0, 3), month);
      }
    }
    names.put("sept", Month.SEPTEMBER);
    return Map.copyOf(names);
  }
}
