package readingroom.index.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The abbreviations an article defines, "Sierra Nevada Corporation (SNC)", so that a passage that
 * says only "SNC" is found by a question that says "sierra nevada", and the other way round. News
 * and encyclopaedia text define a name once and abbreviate it after. The test is the usual one
 * (after Schwartz and Hearst, PSB 2003, simplified to initials): the capitals in parentheses spell
 * the initials of the words just before them, small function words skipped.
 */
final class Abbreviations {

  private static final Pattern DEFINED = Pattern.compile("\\(([A-Z][A-Z&]{1,7})\\)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’.-]*");
  private static final Set<String> SKIPPED = Set.of("of", "and", "for", "the", "on", "in", "&");

  private Abbreviations() {}

  /**
   * An abbreviation an article defines.
   *
   * @param shortForm the abbreviation, "SNC"
   * @param longForm what it stands for, as written: "Sierra Nevada Corporation"
   * @param asWord finds the abbreviation as a word of its own (not inside "SNCF")
   */
  record Defined(String shortForm, String longForm, Pattern asWord) {
    Defined(String shortForm, String longForm) {
      this(shortForm, longForm, Pattern.compile("\\b" + Pattern.quote(shortForm) + "\\b"));
    }
  }

  /** Each abbreviation the text defines, with its long form as written, in order of definition. */
  static List<Defined> defined(String text) {
    Map<String, Defined> out = new LinkedHashMap<>();
    Matcher m = DEFINED.matcher(text);
    while (m.find()) {
      String abbreviation = m.group(1);
      if (out.containsKey(abbreviation)) {
        continue;
      }
      String longForm =
          longForm(text.substring(Math.max(0, m.start() - 200), m.start()), abbreviation);
      if (longForm != null) {
        out.put(abbreviation, new Defined(abbreviation, longForm));
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * What a paragraph should also be found by: the long form of each abbreviation it uses without
   * it, and the abbreviation of each long form it spells out without it.
   */
  static String alsoKnownAs(String paragraph, List<Defined> defined) {
    StringBuilder out = new StringBuilder();
    String lower = paragraph.toLowerCase(Locale.ROOT);
    for (Defined d : defined) {
      boolean hasShort = d.asWord().matcher(paragraph).find();
      boolean hasLong = lower.contains(d.longForm().toLowerCase(Locale.ROOT));
      if (hasShort && !hasLong) {
        out.append(' ').append(d.longForm());
      } else if (hasLong && !hasShort) {
        out.append(' ').append(d.shortForm());
      }
    }
    return out.toString().strip();
  }

  /** The shortest run of words ending just before the parenthesis whose initials spell it. */
  private static String longForm(String before, String abbreviation) {
    List<int[]> words = new ArrayList<>();
    Matcher w = WORD.matcher(before);
    while (w.find()) {
      words.add(new int[] {w.start(), w.end()});
    }
    String letters = abbreviation.replace("&", "").toLowerCase(Locale.ROOT);
    // Walk back from the last word, matching the abbreviation's letters from its last.
    int letter = letters.length() - 1;
    for (int i = words.size() - 1; i >= 0 && words.size() - i <= letters.length() + 3; i--) {
      String word = before.substring(words.get(i)[0], words.get(i)[1]);
      String lowerWord = word.toLowerCase(Locale.ROOT);
      if (SKIPPED.contains(lowerWord)) {
        continue;
      }
      if (lowerWord.charAt(0) != letters.charAt(letter)) {
        return null;
      }
      letter--;
      if (letter < 0) {
        String longForm = before.substring(words.get(i)[0], words.get(words.size() - 1)[1]);
        // Only names: every word kept is capitalised ("Commercial Lunar Payload Services").
        for (int k = i; k < words.size(); k++) {
          String kept = before.substring(words.get(k)[0], words.get(k)[1]);
          if (!SKIPPED.contains(kept.toLowerCase(Locale.ROOT))
              && !Character.isUpperCase(kept.charAt(0))) {
            return null;
          }
        }
        // The text between the last word and the parenthesis must be blank.
        return before.substring(words.get(words.size() - 1)[1]).isBlank() ? longForm : null;
      }
    }
    return null;
  }
}
