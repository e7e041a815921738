package readingroom.bot.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Reply;

/**
 * A poster that keeps every digest it is given, with the clock's time: a platform that never fails,
 * and whose look-ups find exactly what was posted.
 */
final class RecordingPoster implements DigestPoster {

  record Post(DigestSlot slot, Reply.DigestReply digest, Instant at) {
    ChannelKey channel() {
      return slot.channel();
    }
  }

  /** How a post goes on a platform under test: throws as that platform would, or posts. */
  @FunctionalInterface
  interface Attempt {
    void post(DigestSlot slot, Reply.DigestReply digest) throws Exception;
  }

  private final Clock clock;
  private final List<Post> posts = new CopyOnWriteArrayList<>();

  RecordingPoster(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void post(DigestSlot slot, Reply.DigestReply digest) {
    posts.add(new Post(slot, digest, clock.instant()));
  }

  @Override
  public boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since) {
    return posts.stream().anyMatch(p -> p.slot().equals(slot) && !p.at().isBefore(since));
  }

  /** A poster that posts as {@code attempt} says and looks up what reached this recorder. */
  DigestPoster through(Attempt attempt) {
    RecordingPoster recorder = this;
    return new DigestPoster() {
      @Override
      public void post(DigestSlot slot, Reply.DigestReply digest) throws Exception {
        attempt.post(slot, digest);
      }

      @Override
      public boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since) {
        return recorder.wasPosted(slot, digest, since);
      }
    };
  }

  /** A poster that posts as {@code attempt} says, on a platform where nothing is ever found. */
  static DigestPoster findingNothing(Attempt attempt) {
    return new DigestPoster() {
      @Override
      public void post(DigestSlot slot, Reply.DigestReply digest) throws Exception {
        attempt.post(slot, digest);
      }

      @Override
      public boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since) {
        return false;
      }
    };
  }

  List<Post> posts() {
    return List.copyOf(posts);
  }

  List<Post> posts(ChannelKey channel) {
    return posts.stream().filter(p -> p.channel().equals(channel)).toList();
  }
}
