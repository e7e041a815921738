package readingroom.index.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A publication date known to the day, the month or only the year. A date known to the month is
 * shown as the month ("July 2018"), never with an invented day.
 *
 * @param first the first day the date can stand for, used for ordering and date-range scopes
 * @param precision how much of {@code first} is actually known
 */
public record PublishedDate(LocalDate first, Precision precision)
    implements Comparable<PublishedDate> {

  /** How much of a publication date is known. */
  public enum Precision {
    DAY,
    MONTH,
    YEAR
  }

  private static final DateTimeFormatter DAY_FORMAT =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_FORMAT =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  /**
   * Parses {@code 2018-07-16}, {@code 2018-07} or {@code 2018}; the form says the precision.
   *
   * @throws IllegalArgumentException with a readable message when the text is none of these
   */
  @JsonCreator
  public static PublishedDate parse(String text) {
    String value = text == null ? "" : text.strip();
    try {
      return switch (value.length()) {
        case 10 -> new PublishedDate(LocalDate.parse(value), Precision.DAY);
        case 7 -> new PublishedDate(YearMonth.parse(value).atDay(1), Precision.MONTH);
        case 4 -> new PublishedDate(Year.parse(value).atDay(1), Precision.YEAR);
        default -> throw new DateTimeParseException("bad length", value, 0);
      };
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "date '" + value + "' is not YYYY-MM-DD, YYYY-MM or YYYY", e);
    }
  }

  /**
   * The ISO form that carries the precision: {@code 2018-07-16}, {@code 2018-07} or {@code 2018}.
   */
  @JsonValue
  public String iso() {
    return switch (precision) {
      case DAY -> first.toString();
      case MONTH -> YearMonth.from(first).toString();
      case YEAR -> Integer.toString(first.getYear());
    };
  }

  /** The form a reader expects: "January 15, 2018", "July 2018" or "2018". */
  public String display() {
    return switch (precision) {
      case DAY -> DAY_FORMAT.format(first);
      case MONTH -> MONTH_FORMAT.format(first);
      case YEAR -> Integer.toString(first.getYear());
    };
  }

  /** The last day the date can stand for: the end of the month for a month-precise date. */
  public LocalDate last() {
    return switch (precision) {
      case DAY -> first;
      case MONTH -> YearMonth.from(first).atEndOfMonth();
      case YEAR -> Year.of(first.getYear()).atMonth(12).atEndOfMonth();
    };
  }

  @Override
  public int compareTo(PublishedDate other) {
    return first.compareTo(other.first);
  }

  @Override
  public String toString() {
    return iso();
  }
}
