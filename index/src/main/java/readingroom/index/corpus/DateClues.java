package readingroom.index.corpus;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import readingroom.index.model.PublishedDate;

/**
 * Publication dates as pages write them: ISO timestamps in meta tags and JSON-LD (the day is the
 * one printed, in the page's own time zone), RFC 1123 dates in feeds, and the date in an address
 * ({@code /2023/05/10/}, {@code /2022/feb/16/}, {@code /2021/10/}) as the last clue.
 */
final class DateClues {

  private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern COMPACT_DAY = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:\\D|$)");
  private static final Pattern ISO_MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
  private static final Pattern URL_DAY =
      Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2}|[a-z]{3})[/-](\\d{1,2})(?:/|-|\\.|$)");
  private static final Pattern URL_MONTH = Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/");
  private static final DateTimeFormatter MONTH_NAME =
      DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

  private DateClues() {}

  /** The date a timestamp or date text stands for, or {@code null} when it is none of the forms. */
  static PublishedDate parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    Matcher day = ISO_DAY.matcher(value);
    if (!day.find()) {
      day = COMPACT_DAY.matcher(value);
      if (!day.find()) {
        day = null;
      }
    }
    if (day != null) {
      return day(day.group(1), day.group(2), day.group(3));
    }
    Matcher month = ISO_MONTH.matcher(value);
    if (month.matches()) {
      return month(month.group(1), month.group(2));
    }
    try {
      ZonedDateTime time = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      return new PublishedDate(time.toLocalDate(), PublishedDate.Precision.DAY);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The date in an article's address, to the day or the month it shows, or {@code null}. */
  static PublishedDate fromUrl(String url) {
    if (url == null) {
      return null;
    }
    String path = url.replaceFirst("(?i)^https?://[^/]+", "").toLowerCase(Locale.ROOT);
    Matcher day = URL_DAY.matcher(path);
    if (day.find()) {
      String monthPart = day.group(2);
      if (monthPart.matches("[a-z]{3}")) {
        try {
          monthPart =
              Integer.toString(
                  MONTH_NAME
                      .parse(capitalise(monthPart))
                      .get(java.time.temporal.ChronoField.MONTH_OF_YEAR));
        } catch (DateTimeParseException e) {
          monthPart = null;
        }
      }
      PublishedDate date = monthPart == null ? null : day(day.group(1), monthPart, day.group(3));
      if (date != null) {
        return date;
      }
    }
    Matcher month = URL_MONTH.matcher(path);
    return month.find() ? month(month.group(1), month.group(2)) : null;
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static PublishedDate day(String year, String month, String day) {
    try {
      LocalDate date =
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return new PublishedDate(date, PublishedDate.Precision.DAY);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static PublishedDate month(String year, String month) {
    try {
      YearMonth yearMonth = YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
      return new PublishedDate(yearMonth.atDay(1), PublishedDate.Precision.MONTH);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
