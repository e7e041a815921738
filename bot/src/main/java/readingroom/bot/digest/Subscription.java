package readingroom.bot.digest;

import java.time.Instant;
import java.util.Objects;
import readingroom.bot.channel.ChannelKey;

/**
 * A channel's daily digest.
 *
 * @param channel where it is posted
 * @param schedule when, in the channel's zone
 * @param topic words the discussion passage is matched to, or {@code null}
 * @param activeFrom slots before this instant are never posted (a new subscription does not post a
 *     slot that began before it)
 * @param lastPostedAt when the last digest was composed, or {@code null} before the first
 * @param pausedAt when posting was paused because the channel could not be reached, or {@code null}
 * @param pausedReason why, in words for the log and {@code status}
 */
public record Subscription(
    ChannelKey channel,
    DigestSchedule schedule,
    String topic,
    Instant activeFrom,
    Instant lastPostedAt,
    Instant pausedAt,
    String pausedReason) {

  public Subscription {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(activeFrom, "activeFrom");
    topic = topic == null || topic.isBlank() ? null : topic.strip();
  }

  public boolean paused() {
    return pausedAt != null;
  }

  /** Articles that first appeared after this instant count as new in the next digest. */
  public Instant newSince() {
    return lastPostedAt != null ? lastPostedAt : activeFrom;
  }
}
