package readingroom.bot.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds keys a user's file sets that the default configuration does not know: a typo such as {@code
 * answers.max-quote} would otherwise be ignored in silence, and the default used instead.
 */
final class UnknownKeys {
  private UnknownKeys() {}

  /**
   * @param merged the resolved configuration, user file over defaults
   * @param known the leaf keys of the defaults
   * @return one line per unknown key, naming where it was set and the closest known key
   */
  static List<String> describe(Config merged, Set<String> known) {
    Map<String, ConfigValue> unknown = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : merged.entrySet()) {
      if (!known.contains(entry.getKey())) {
        unknown.put(entry.getKey(), entry.getValue());
      }
    }
    List<String> lines = new ArrayList<>();
    unknown.forEach((key, value) ->
        lines.add(
            "Unknown setting "
                + key
                + " (set in "
                + value.origin().description()
                + "); the closest known setting is "
                + closest(key, known)
                + "."));
    return lines;
  }

  static String closest(String key, Set<String> known) {
    return known.stream()
        .min(Comparator.comparingInt((String k) -> distance(key, k)).thenComparing(k -> k))
        .orElse("(none)");
  }

  /** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
