package readingroom.bot.digest;

import java.time.Clock;
import java.util.function.Function;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.digest.DigestComposer.MostAsked;
import readingroom.bot.state.StateDatabase;
import readingroom.index.Engine;
import readingroom.index.Scope;

/**
 * The daily digests, assembled in one place: the subscriptions {@code /digest} changes, the
 * composer that writes a channel's digest, and the runner the scheduler calls. Built once by the
 * application's composition root (the command line's ChatLayer) and by tests.
 */
public record Digests(Subscriptions subscriptions, DigestComposer composer, DigestRunner runner) {

  /**
   * @param scopes each channel's reading list, as its settings say now
   * @param mostAsked the channel's most asked questions (the question log's), or {@link
   *     MostAsked#NONE}
   */
  public static Digests create(
      Engine engine,
      StateDatabase database,
      Function<ChannelKey, Scope> scopes,
      MostAsked mostAsked,
      DigestRunner.Options options,
      Clock clock) {
    DigestStore store = new DigestStore(database);
    ArticleArrivals arrivals = new ArticleArrivals(engine, store, clock);
    Subscriptions subscriptions = new Subscriptions(store, arrivals, options.grace(), clock);
    DigestComposer composer =
        new DigestComposer(engine, store, subscriptions, scopes, mostAsked, clock);
    return new Digests(
        subscriptions, composer, new DigestRunner(store, arrivals, composer, options, clock));
  }
}
