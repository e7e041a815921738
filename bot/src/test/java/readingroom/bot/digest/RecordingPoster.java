package readingroom.bot.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Reply;

/** A poster that keeps every digest it is given, with the clock's time. */
final class RecordingPoster implements DigestPoster {

  record Post(ChannelKey channel, Reply.DigestReply digest, Instant at) {}

  private final Clock clock;
  private final List<Post> posts = new CopyOnWriteArrayList<>();

  RecordingPoster(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void post(ChannelKey channel, Reply.DigestReply digest) {
    posts.add(new Post(channel, digest, clock.instant()));
  }

  List<Post> posts() {
    return List.copyOf(posts);
  }

  List<Post> posts(ChannelKey channel) {
    return posts.stream().filter(p -> p.channel().equals(channel)).toList();
  }
}
