package readingroom.index.search;

import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
  private static final Pattern NUMBER_WORD =
      Pattern.compile(
          "(?i)\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?"
              + "|millions?|billions?|half|third|quarter)\\b");
  private static final Pattern DIGITS = Pattern.compile("[$€£]?\\d[\\d,.]*");

  /**
   * Capitalised words that are not people even when they look like names: the world's countries in
   * English (from the JDK), and the usual words of organisations and places.
   */
  private static final Set<String> NOT_NAMES =
      Stream.concat(
              Stream.of(Locale.getISOCountries())
                  .flatMap(c ->
                      Stream.of(Locale.of("", c).getDisplayCountry(Locale.ENGLISH).split("\\s+"))),
              Stream.of(
                  "The",
                  "A",
                  "An",
                  "In",
                  "On",
                  "At",
                  "As",
                  "For",
                  "But",
                  "And",
                  "While",
                  "Since",
                  "After",
                  "Before",
                  "During",
                  "When",
                  "If",
                  "This",
                  "That",
                  "These",
                  "Those",
                  "It",
                  "Its",
                  "Most",
                  "Taliban",
                  "Islamic",
                  "State",
                  "States",
                  "United",
                  "Union",
                  "Soviet",
                  "Ministry",
                  "Minister",
                  "Foreign",
                  "Defense",
                  "Defence",
                  "Council",
                  "Organization",
                  "Organisation",
                  "Process",
                  "Format",
                  "Group",
                  "Agency",
                  "News",
                  "Nations",
                  "Province",
                  "Summit",
                  "Treaty",
                  "Forces",
                  "Office",
                  "Department",
                  "Government",
                  "Republic",
                  "Kingdom",
                  "Emirates",
                  "Arab",
                  "Central",
                  "Asia",
                  "Asian",
                  "South",
                  "North",
                  "East",
                  "West",
                  "Western",
                  "Eastern",
                  "Security",
                  "President",
                  "Prime",
                  "General",
                  "Secretary",
                  "Assistant",
                  "Special",
                  "Chief",
                  "Executive",
                  "Army",
                  "Navy",
                  "Party",
                  "Front",
                  "Movement",
                  "Institute",
                  "University",
                  "College",
                  "International",
                  "National",
                  "Federal",
                  "Russian",
                  "American",
                  "Afghan",
                  "Chinese",
                  "Pakistani",
                  "Indian",
                  "Iranian",
                  "European",
                  "Moscow",
                  "Kabul",
                  "Washington",
                  "Beijing",
                  "Doha",
                  "Islamabad",
                  "Tehran",
                  "Delhi",
                  "Khorasan",
                  "Qaeda",
                  "Al",
                  "ISIS",
                  "ISKP",
                  "NATO",
                  "SCO",
                  "BRICS",
                  "FSB",
                  "CIA",
                  "UN",
                  "EU",
                  "US",
                  "U.S.",
                  "Kremlin",
                  "Cooperation",
                  "Shanghai",
                  "Contact",
                  "Coordination",
                  "Quadrilateral",
                  "Consultations",
                  "Mujahideen"))
          .collect(Collectors.toUnmodifiableSet());

  private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z][\\p{L}'’.-]*[\\p{L}]");

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
      case QUANTITY -> hasQuantity(passage);
      case PERSON -> hasPersonName(passage) || hasGroupNotAsked(passage, focus.words());
    };
  }

  /** A count or amount: a number that is not a year or a day of a month, or a number word. */
  static boolean hasQuantity(String passage) {
    if (NUMBER_WORD.matcher(passage).find()) {
      return true;
    }
    Matcher digits = DIGITS.matcher(passage);
    while (digits.find()) {
      String number = digits.group().replaceAll("[.,]$", "");
      boolean year = YEAR.matcher(number).matches();
      String before = passage.substring(Math.max(0, digits.start() - 12), digits.start());
      boolean dayOfMonth = MONTH_WORD.matcher(before).find() && number.length() <= 2;
      if (!year && !dayOfMonth) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern CAUSAL =
      Pattern.compile(
          "(?i)\\b(because|results? from|resulted from|due to|owing to|on the grounds that|in order to"
              + "|so that|aim(s|ed)? to|seeks? to|to justify|justif(y|ied|ies)|the reason|motivat\\w+"
              + "|driven by|stems? from|in response to|belief that|therefore|thus|as a result)\\b");

  private static final Pattern ACRONYM = Pattern.compile("\\b[A-Z]{2,6}\\b");

  /**
   * A group that "who" may be answered with ("ISKP attacks targeted ..."): an acronym that the
   * question does not already name. Countries are not acronyms here, so "who led the delegation?"
   * is not answered by a passage that only names Afghanistan.
   */
  static boolean hasGroupNotAsked(String passage, Set<String> questionWords) {
    Matcher acronym = ACRONYM.matcher(passage);
    while (acronym.find()) {
      String word = acronym.group().toLowerCase(Locale.ROOT);
      if (!questionWords.contains(word) && !word.equals("us") && !word.equals("uk")) {
        return true;
      }
    }
    return false;
  }

  /** A person's name: two or more capitalised words in a row that are not places or bodies. */
  static boolean hasPersonName(String passage) {
    List<int[]> words =
        CAPITALISED.matcher(passage).results().map(r -> new int[] {r.start(), r.end()}).toList();
    int run = 0;
    int lastEnd = -10;
    for (int[] word : words) {
      String text = passage.substring(word[0], word[1]).replaceAll("['’]s$", "");
      boolean nameLike = !NOT_NAMES.contains(text) && !MONTH_WORD.matcher(text).matches();
      boolean adjacent = passage.substring(Math.max(0, lastEnd), word[0]).isBlank() && lastEnd >= 0;
      run = nameLike ? (adjacent ? run + 1 : 1) : 0;
      lastEnd = nameLike ? word[1] : -10;
      if (run >= 2) {
        return true;
      }
    }
    return false;
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
