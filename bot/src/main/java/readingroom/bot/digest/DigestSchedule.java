package readingroom.bot.digest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRulesException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import readingroom.bot.channel.InvalidSettingException;
import readingroom.bot.text.Texts;

/**
 * A fixed local time every day in a channel's zone. A day is one slot, named by its local date, so
 * daylight-saving changes neither skip nor double a post: on the spring-forward day a time inside
 * the gap moves later by the gap's length, and on the fall-back day a time inside the overlap is
 * the earlier of its two instants ({@link ZonedDateTime#of} resolves both that way).
 *
 * @param time the local time of day
 * @param zone the channel's zone
 */
public record DigestSchedule(LocalTime time, ZoneId zone) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

  public DigestSchedule {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    time = time.withSecond(0).withNano(0);
  }

  /**
   * Parses "08:00" or "8:00" and an IANA zone id such as "Europe/Berlin".
   *
   * @throws InvalidSettingException saying what to type instead
   */
  public static DigestSchedule parse(String timeText, String zoneText) {
    String t = timeText == null ? "" : timeText.strip();
    LocalTime time;
    try {
      time = LocalTime.parse(t, TIME);
    } catch (DateTimeParseException e) {
      throw new InvalidSettingException(
          "\"" + shorten(t) + "\" is not a time of day: give it as HH:MM, e.g. 08:00 or 17:30.");
    }
    String z = zoneText == null ? "" : zoneText.strip();
    try {
      return new DigestSchedule(time, ZoneId.of(z));
    } catch (ZoneRulesException e) {
      throw new InvalidSettingException(
          "\""
              + shorten(z)
              + "\" is not a time zone. Give a zone name such as Europe/Berlin,"
              + " America/New_York or UTC.");
    } catch (DateTimeException e) {
      throw new InvalidSettingException(
          "\""
              + shorten(z)
              + "\" is not a time zone. Give a zone name such as Europe/Berlin or UTC.");
    }
  }

  /** The time as HH:MM. */
  public String timeText() {
    return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
  }

  /** The instant of the slot of local day {@code date}. */
  public Instant at(LocalDate date) {
    return ZonedDateTime.of(date, time, zone).toInstant();
  }

  /** The local day in this zone at {@code instant}. */
  public LocalDate dateAt(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /**
   * The latest slot that has begun by {@code now} and not before {@code from}, if any: the slot to
   * post now unless it is finished or older than the grace period.
   */
  public Optional<LocalDate> latestStarted(Instant now, Instant from) {
    LocalDate today = dateAt(now);
    for (LocalDate day = today; !day.isBefore(today.minusDays(2)); day = day.minusDays(1)) {
      Instant at = at(day);
      if (!at.isAfter(now)) {
        return at.isBefore(from) ? Optional.empty() : Optional.of(day);
      }
    }
    return Optional.empty();
  }

  /**
   * The next slot a subscription will post: one that is due now (started within {@code grace}) or
   * the first still to come, skipping days that are {@code finished} and slots before {@code from}.
   */
  public LocalDate next(Instant now, Instant from, Duration grace, Predicate<LocalDate> finished) {
    LocalDate day = dateAt(now).minusDays(1);
    while (true) {
      Instant at = at(day);
      boolean open = !at.isBefore(from) && !finished.test(day);
      if (open && (at.isAfter(now) || !now.isAfter(at.plus(grace)))) {
        return day;
      }
      day = day.plusDays(1);
    }
  }

  private static String shorten(String text) {
    return Texts.cut(text, 40);
  }
}
