package readingroom.bot.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import readingroom.bot.channel.ChannelKey;

/**
 * Which channels get a digest, when, and about what; and when each next posts. A subscription's
 * "new articles" count from the moment it starts, so articles are recorded as seen first.
 */
public final class Subscriptions {

  private final DigestStore store;
  private final ArticleArrivals arrivals;
  private final Duration grace;
  private final Clock clock;

  /**
   * @param grace how long after its time a day may still be posted, for {@link #nextPost}
   */
  public Subscriptions(DigestStore store, ArticleArrivals arrivals, Duration grace, Clock clock) {
    this.store = store;
    this.arrivals = arrivals;
    this.grace = grace;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  public Optional<Subscription> find(ChannelKey channel) {
    return store.find(channel);
  }

  /**
   * Subscribes a channel, or changes its time, zone or topic; resumes a paused one. The new time
   * starts with the next slot: a day already posted is not posted again.
   */
  public Subscription subscribe(
      ChannelKey channel, DigestSchedule schedule, String topic, String changedBy) {
    arrivals.refresh();
    Instant now = clock.instant();
    Instant lastPosted = store.find(channel).map(Subscription::lastPostedAt).orElse(null);
    Subscription subscription =
        new Subscription(channel, schedule, topic, now, lastPosted, null, null);
    store.save(subscription, changedBy, now);
    return subscription;
  }

  /** Ends a channel's digest; returns whether it had one. */
  public boolean unsubscribe(ChannelKey channel) {
    return store.delete(channel);
  }

  /** When a subscription will next post (a time in the past means "due now"). */
  public Instant nextPost(Subscription s) {
    Instant now = clock.instant();
    LocalDate day =
        s.schedule()
            .next(
                now,
                s.activeFrom(),
                grace,
                d -> store.slot(s.channel(), d).map(SlotState::finished).orElse(false));
    return s.schedule().at(day);
  }
}
