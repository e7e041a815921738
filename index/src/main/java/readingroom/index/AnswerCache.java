package readingroom.index;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of one index version, least recently used dropped first. Chat repeats itself (the
 * same question from a class, a "More" click), and an answer is a pure function of the question and
 * the index version, so a repeat costs a map look-up instead of a search and an embedding. A new
 * index version empties it.
 */
final class AnswerCache {

  private record Key(String text, Scope scope, int maxQuotes, int skip) {}

  private final int capacity;
  private final Map<Key, Answer> answers;
  private long version = Long.MIN_VALUE;

  AnswerCache(int capacity) {
    this.capacity = capacity;
    this.answers =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > AnswerCache.this.capacity;
          }
        };
  }

  /** The cached answer to this question on this index version, or null. */
  synchronized Answer get(long indexVersion, String cleanedText, Question question) {
    if (indexVersion != version) {
      return null;
    }
    return answers.get(key(cleanedText, question));
  }

  synchronized void put(long indexVersion, String cleanedText, Question question, Answer answer) {
    if (capacity == 0) {
      return;
    }
    if (indexVersion != version) {
      answers.clear();
      version = indexVersion;
    }
    answers.put(key(cleanedText, question), answer);
  }

  private static Key key(String cleanedText, Question question) {
    return new Key(cleanedText, question.scope(), question.maxQuotes(), question.skip());
  }
}
