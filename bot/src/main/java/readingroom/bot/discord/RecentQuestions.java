package readingroom.bot.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The questions of recent answers, by answer id, so the buttons under an answer can ask again for
 * more quotes or share it. Bounded: the oldest are forgotten first, and all are forgotten on
 * restart; a button on a forgotten answer asks the user to ask again.
 */
final class RecentQuestions {

  private final Map<String, String> questions;

  RecentQuestions(int capacity) {
    this.questions =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void remember(String answerId, String question) {
    questions.put(answerId, question);
  }

  synchronized Optional<String> question(String answerId) {
    return Optional.ofNullable(questions.get(answerId));
  }
}
