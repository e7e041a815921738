package readingroom.bot.digest;

import java.time.Clock;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * When each article appeared, for the digest's "new on the reading list": the index's articles are
 * recorded as seen whenever its version changes (at start, after a re-index, before a subscription
 * starts counting).
 */
public final class ArticleArrivals {

  private final Engine engine;
  private final DigestStore store;
  private final Clock clock;
  private long seenVersion = Long.MIN_VALUE;

  public ArticleArrivals(Engine engine, DigestStore store, Clock clock) {
    this.engine = engine;
    this.store = store;
    this.clock = clock;
  }

  /** Records articles that appeared since the last call. */
  public synchronized void refresh() {
    long version = engine.version();
    if (version != seenVersion) {
      store.seen(engine.sources(Scope.all()).stream().map(Source::id).toList(), clock.instant());
      seenVersion = version;
    }
  }
}
