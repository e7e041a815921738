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
   * The question's side, worked out once for all its candidates: for each form of a question word
   * that could show a contrast, which of those words it is a form of ({@code own}) and which it is
   * an antonym of ({@code contrary}). Only words with an antonym the question does not itself use
   * are kept, so most passages are decided by one scan of their words against two small maps.
   *
   * @param words how many question words could show a contrast
   * @param own a form, and the indexes of the question words it is a form of
   * @param contrary a form, and the indexes of the question words it is an antonym of
   * @param negated whether the question is negated
   */
  record Question(
      int words, Map<String, int[]> own, Map<String, int[]> contrary, boolean negated) {}

  static Question question(String question) {
    List<String> tokens = tokens(question);
    Set<String> questionForms = new HashSet<>();
    for (String token : tokens) {
      questionForms.addAll(List.of(Forms.of(token)));
    }
    Map<String, List<Integer>> own = new HashMap<>();
    Map<String, List<Integer>> contrary = new HashMap<>();
    int words = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean asks = i > 0 && tokens.get(i - 1).equals("how");
      if (asks
          || FUNCTION_WORDS.contains(token)
          || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(token)) {
        continue;
      }
      Set<String> antonyms = new HashSet<>();
      for (String form : Forms.of(token)) {
        for (String antonym : Antonyms.PAIRS.getOrDefault(form, Set.of())) {
          if (!questionForms.contains(antonym)) {
            antonyms.add(antonym);
          }
        }
      }
      if (antonyms.isEmpty()) {
        continue; // no passage can show this word's contrary
      }
      int word = words++;
      for (String form : Forms.of(token)) {
        own.computeIfAbsent(form, k -> new java.util.ArrayList<>()).add(word);
      }
      for (String antonym : antonyms) {
        contrary.computeIfAbsent(antonym, k -> new java.util.ArrayList<>()).add(word);
      }
    }
    return new Question(
        words, indexes(own), indexes(contrary), tokens.stream().anyMatch(NEGATIONS::contains));
  }

  private static Map<String, int[]> indexes(Map<String, List<Integer>> lists) {
    Map<String, int[]> out = new HashMap<>();
    lists.forEach((form, words) -> out.put(form, words.stream().mapToInt(i -> i).toArray()));
    return out;
  }

  /** Reads the antonym list now rather than at the first question. */
  static void warmUp() {
    Antonyms.PAIRS.size();
  }

  private static final NearMiss NONE = new NearMiss(false, false);

  static NearMiss of(Question question, String passage) {
    if (question.words() == 0 && !question.negated()) {
      return NONE;
    }
    boolean[] present = new boolean[question.words()];
    boolean[] contradicted = new boolean[question.words()];
    boolean passageNegated = false;
    for (String token : tokens(passage)) {
      passageNegated |= NEGATIONS.contains(token);
      if (question.words() == 0) {
        continue;
      }
      for (String form : Forms.of(token)) {
        for (int word : question.own().getOrDefault(form, NO_WORDS)) {
          present[word] = true;
        }
        for (int word : question.contrary().getOrDefault(form, NO_WORDS)) {
          contradicted[word] = true;
        }
      }
    }
    boolean antonym = false;
    for (int word = 0; word < question.words(); word++) {
      antonym |= contradicted[word] && !present[word];
    }
    return new NearMiss(antonym, question.negated() && !passageNegated);
  }

  private static final int[] NO_WORDS = new int[0];

  private static List<String> tokens(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace("n't", " n't");
    Matcher m = TOKEN.matcher(lower);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** A word and the lemmas it may be a form of (crudely: endings off, a doubled letter undone). */
  private static Set<String> forms(String word) {
    Set<String> out = new HashSet<>();
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
    return out;
  }

  /**
   * The forms of the words passages use, kept: a reading list repeats its words, and working them
   * out was most of a passage's near-miss check. Emptied when it grows past a bound, so a stream of
   * new words cannot fill the heap.
   */
  private static final class Forms {
    private static final int MAX_WORDS = 20_000; // about 5 MB of forms at most
    private static final Map<String, String[]> KNOWN =
        new java.util.concurrent.ConcurrentHashMap<>();

    static String[] of(String word) {
      String[] known = KNOWN.get(word);
      if (known == null) {
        if (KNOWN.size() >= MAX_WORDS) {
          KNOWN.clear();
        }
        known = forms(word).toArray(String[]::new);
        KNOWN.put(word, known);
      }
      return known;
    }
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
