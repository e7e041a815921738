package readingroom.bot.channel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The passages {@code /discuss} has posted in each channel, so it rotates through the reading list.
 * Kept in the state database by the bot; in memory for tools and tests.
 */
public interface DiscussionHistory {

  /** A posted passage: its article and where the passage starts in it. */
  record Posted(String articleId, int start) {}

  /** What was posted in the channel, oldest first. */
  List<Posted> posted(ChannelKey channel);

  void post(ChannelKey channel, Posted passage);

  static DiscussionHistory inMemory() {
    Map<ChannelKey, List<Posted>> posted = new ConcurrentHashMap<>();
    return new DiscussionHistory() {
      @Override
      public List<Posted> posted(ChannelKey channel) {
        return List.copyOf(posted.getOrDefault(channel, List.of()));
      }

      @Override
      public void post(ChannelKey channel, Posted passage) {
        posted.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(passage);
      }
    };
  }
}
