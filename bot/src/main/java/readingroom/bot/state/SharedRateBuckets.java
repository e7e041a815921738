package readingroom.bot.state;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import readingroom.bot.channel.BucketStore;
import readingroom.bot.channel.TokenBucket;

/**
 * The rate limiter's token buckets in the state database ({@code rate_buckets}), so that every
 * replica on one database draws from the same allowance: a person asking five replicas in turn
 * still gets their one limit. Each update locks the buckets' rows for its transaction (missing rows
 * are first created as {@link TokenBucket#UNUSED}, so there is always a row to lock), in key order
 * so two updates never wait on each other in a cycle. Keys are stored only as salted hashes, like
 * every user id. Rows idle longer than the longest period are full again and deleted now and then.
 */
public final class SharedRateBuckets implements BucketStore {

  private final StateDatabase database;
  private final UserHasher hasher;
  private final Duration forgetAfter;
  private final Clock clock;
  private final AtomicLong lastPurge = new AtomicLong();

  public SharedRateBuckets(
      StateDatabase database, UserHasher hasher, Duration forgetAfter, Clock clock) {
    this.database = database;
    this.hasher = hasher;
    this.forgetAfter = forgetAfter;
    this.clock = clock;
  }

  @Override
  public <T> T update(List<String> keys, Function<List<TokenBucket>, Change<T>> decide) {
    List<String> hashed = keys.stream().map(hasher::hash).toList();
    purgeNowAndThen();
    return database.inTransaction(c -> {
      Sql sql = Sql.on(c);
      Map<String, TokenBucket> locked = new TreeMap<>();
      for (String key : new TreeSet<>(hashed)) {
        sql.update(
            "INSERT INTO rate_buckets (bucket, units, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (bucket) DO NOTHING",
            key,
            TokenBucket.UNUSED.units(),
            TokenBucket.UNUSED.updated());
        locked.put(
            key,
            sql.first(
                    "SELECT units, updated_at FROM rate_buckets WHERE bucket = ?"
                        + database.dialect().forUpdate(),
                    row -> new TokenBucket(row.getLong(1), row.getLong(2)),
                    key)
                .orElse(TokenBucket.UNUSED));
      }
      List<TokenBucket> current = new ArrayList<>(hashed.size());
      for (String key : hashed) {
        current.add(locked.get(key));
      }
      Change<T> change = decide.apply(current);
      if (change.buckets() != null) {
        for (int i = 0; i < hashed.size(); i++) {
          TokenBucket next = change.buckets().get(i);
          sql.update(
              "UPDATE rate_buckets SET units = ?, updated_at = ? WHERE bucket = ?",
              next.units(),
              next.updated(),
              hashed.get(i));
        }
      }
      return change.result();
    });
  }

  /** Deletes buckets idle longer than {@code forgetAfter}, at most once per that period. */
  private void purgeNowAndThen() {
    long now = clock.millis();
    long last = lastPurge.get();
    if (now - last < forgetAfter.toMillis() || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    long cutoff = now - forgetAfter.toMillis();
    database.inTransaction(
        c -> Sql.on(c).update("DELETE FROM rate_buckets WHERE updated_at < ?", cutoff));
  }
}
