package readingroom.bot.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest question of each conversation: a thread, where a reply is a follow-up asked with it as
 * context, or one person's own answers in a channel, which {@code /cite} cites. Kept in the state
 * database by the bot, so a thread survives a restart; in memory for tools and tests.
 */
public interface ConversationMemory {

  /**
   * What a conversation last asked.
   *
   * @param question the question as asked
   * @param context the earlier question(s) it followed on from, or ""
   * @param focus the one article it was asked of (a thread about that article), or "" for the
   *     channel's whole reading list
   * @param articles ids of the articles its quotes came from, best first
   * @param skip how many quotes earlier pages showed
   */
  record Turn(String question, String context, String focus, List<String> articles, int skip) {
    public Turn {
      context = context == null ? "" : context;
      focus = focus == null ? "" : focus;
      articles = List.copyOf(articles);
    }
  }

  Optional<Turn> last(ChannelKey channel, String conversation);

  void remember(ChannelKey channel, String conversation, Turn turn);

  /** A memory that forgets on restart. */
  static ConversationMemory inMemory() {
    Map<String, Turn> turns = new ConcurrentHashMap<>();
    return new ConversationMemory() {
      @Override
      public Optional<Turn> last(ChannelKey channel, String conversation) {
        return Optional.ofNullable(turns.get(channel + "\u0000" + conversation));
      }

      @Override
      public void remember(ChannelKey channel, String conversation, Turn turn) {
        turns.put(channel + "\u0000" + conversation, turn);
      }
    };
  }
}
