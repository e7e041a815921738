package readingroom.index.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Signs that a passage answers a contrary question rather than the one asked: the near miss that
 * shares a question's topic and most of its words. A question about "the smaller settlements" is
 * not answered by a passage about the larger ones (an antonym of a question word, from WordNet,
 * where the question word is absent); "what did he not sign?" is not answered by a passage with no
 * negation at all. Each is a signal the confidence model weighs, not a rule: a paraphrase can trip
 * either. (A third, "the question's number absent and another present", was measured beside them
 * and earned no weight of its own: the dates and rarest-missing-word signals already see it.)
 *
 * @param antonym a question word is absent from the passage and one of its antonyms present
 * @param negation the question is negated and the passage is not
 */
record NearMiss(boolean antonym, boolean negation) {

  private static final String ANTONYMS = "/readingroom/english/antonyms.txt";
  private static final Pattern TOKEN = Pattern.compile("n't|\\p{L}[\\p{L}'’-]*|\\d[\\d,.]*");
  private static final Set<String> NEGATIONS =
      Set.of("not", "never", "no", "none", "neither", "nor", "without", "cannot", "n't");

  /** Endings stripped to reach a WordNet lemma: "smaller" -> "small", "bigger" -> "big". */
  private static final List<String[]> ENDINGS =
      List.of(
          new String[] {"iest", "y"},
          new String[] {"ier", "y"},
          new String[] {"est", ""},
          new String[] {"er", ""},
          new String[] {"ies", "y"},
          new String[] {"es", ""},
          new String[] {"s", ""},
          new String[] {"ed", ""},
          new String[] {"ing", ""},
          new String[] {"ly", ""});

  /**
   * Words that are the question's form rather than its content: function words, determiners, and
   * the word after "how" ("how many", "how long" ask; a passage saying "a few" or "short" does not
   * contradict them).
   */
  private static final Set<String> FUNCTION_WORDS =
      Set.of("some", "all", "any", "each", "every", "what", "which", "who", "when", "where", "how");

  /**
   * The question's side, worked out once for all its candidates.
   *
   * @param content the forms of each word whose antonyms are looked for, one set a word
   * @param forms every form of every question word
   * @param negated whether the question is negated
   */
  record Question(List<Set<String>> content, Set<String> forms, boolean negated) {}

  static Question question(String question) {
    List<String> tokens = tokens(question);
    List<Set<String>> content = new java.util.ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean asks = i > 0 && tokens.get(i - 1).equals("how");
      if (!asks
          && !FUNCTION_WORDS.contains(token)
          && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(token)) {
        content.add(forms(List.of(token)));
      }
    }
    return new Question(content, forms(tokens), tokens.stream().anyMatch(NEGATIONS::contains));
  }

  /** Reads the antonym list now rather than at the first question. */
  static void warmUp() {
    Antonyms.PAIRS.size();
  }

  static NearMiss of(Question question, String passage) {
    List<String> tokens = tokens(passage);
    boolean negation = question.negated() && tokens.stream().noneMatch(NEGATIONS::contains);
    return new NearMiss(antonymPresent(question, forms(tokens)), negation);
  }

  private static boolean antonymPresent(Question question, Set<String> passageForms) {
    Map<String, Set<String>> antonyms = Antonyms.PAIRS;
    for (Set<String> own : question.content()) {
      if (own.stream().anyMatch(passageForms::contains)) {
        continue;
      }
      for (String form : own) {
        for (String antonym : antonyms.getOrDefault(form, Set.of())) {
          if (passageForms.contains(antonym) && !question.forms().contains(antonym)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> tokens(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace("n't", " n't");
    Matcher m = TOKEN.matcher(lower);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * Each word and the lemmas it may be a form of (crudely: endings off, a doubled letter undone).
   */
  private static Set<String> forms(List<String> words) {
    Set<String> out = new HashSet<>();
    for (String word : words) {
      out.add(word);
      for (String[] ending : ENDINGS) {
        if (word.endsWith(ending[0]) && word.length() - ending[0].length() >= 3) {
          String base = word.substring(0, word.length() - ending[0].length()) + ending[1];
          out.add(base);
          out.add(base + "e");
          int n = base.length();
          if (n >= 2 && base.charAt(n - 1) == base.charAt(n - 2)) {
            out.add(base.substring(0, n - 1));
          }
        }
      }
    }
    return out;
  }

  /** WordNet's antonym pairs, both ways, loaded on first use. */
  private static final class Antonyms {
    static final Map<String, Set<String>> PAIRS = load();

    private static Map<String, Set<String>> load() {
      Map<String, Set<String>> pairs = new HashMap<>();
      try (InputStream in = NearMiss.class.getResourceAsStream(ANTONYMS)) {
        if (in == null) {
          throw new IllegalStateException("the antonym list " + ANTONYMS + " is missing");
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] pair = line.strip().split(" ");
          pairs.computeIfAbsent(pair[0], k -> new HashSet<>()).add(pair[1]);
          pairs.computeIfAbsent(pair[1], k -> new HashSet<>()).add(pair[0]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return pairs;
    }
  }
}
