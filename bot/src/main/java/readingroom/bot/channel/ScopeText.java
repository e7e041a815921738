package readingroom.bot.channel;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import readingroom.index.Scope;

/**
 * A reading list as people type it in a settings command, and back: {@code all}, {@code articles
 * <id> <id>...}, {@code tags <tag> <tag>...} or {@code dates <from>..<to>}, where a date is {@code
 * YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} and either end may be left open.
 */
public final class ScopeText {

  /** How to write a scope, for replies to a mistyped one. */
  public static final String USAGE =
      "Give the reading list as: all; articles <id> <id>...; tags <tag> <tag>...;"
          + " or dates <from>..<to> (YYYY, YYYY-MM or YYYY-MM-DD; leave an end open with e.g."
          + " 2018..).";

  private ScopeText() {}

  /**
   * Reads a scope.
   *
   * @throws InvalidSettingException saying what is wrong and how to write it
   */
  public static Scope parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw new InvalidSettingException(USAGE);
    }
    String[] parts = value.split("\\s+", 2);
    String kind = parts[0].toLowerCase(Locale.ROOT);
    String rest = parts.length > 1 ? parts[1].strip() : "";
    return switch (kind) {
      case "all", "everything" -> {
        if (!rest.isEmpty()) {
          throw new InvalidSettingException("\"all\" takes nothing after it. " + USAGE);
        }
        yield Scope.all();
      }
      case "article", "articles", "ids" ->
          new Scope(words(rest, "article id"), Set.of(), null, null);
      case "tag", "tags", "collection", "collections" ->
          new Scope(Set.of(), words(rest, "tag"), null, null);
      case "date", "dates" -> dates(rest);
      default ->
          throw new InvalidSettingException(
              "\"" + parts[0] + "\" is not a kind of reading list. " + USAGE);
    };
  }

  /**
   * A date range from its two ends, each {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD} or blank
   * for open; for commands with separate options.
   */
  public static Scope dates(String from, String to) {
    LocalDate start = isBlank(from) ? null : firstDay(from.strip());
    LocalDate end = isBlank(to) ? null : lastDay(to.strip());
    if (start == null && end == null) {
      throw new InvalidSettingException("Give at least one end of the date range. " + USAGE);
    }
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidSettingException(
          "The date range ends (" + end + ") before it starts (" + start + ").");
    }
    return new Scope(Set.of(), Set.of(), start, end);
  }

  /** The scope in words, e.g. "articles tagged week-3, published 2018-01-01 to 2018-12-31". */
  public static String describe(Scope scope) {
    if (scope.isAll()) {
      return "every article";
    }
    List<String> parts = new ArrayList<>();
    if (!scope.articleIds().isEmpty()) {
      parts.add("the articles " + String.join(", ", scope.articleIds().stream().sorted().toList()));
    }
    if (!scope.tags().isEmpty()) {
      parts.add("articles tagged " + String.join(" or ", scope.tags().stream().sorted().toList()));
    }
    if (scope.from() != null || scope.to() != null) {
      if (scope.from() != null && scope.to() != null) {
        parts.add("articles published " + scope.from() + " to " + scope.to());
      } else if (scope.from() != null) {
        parts.add("articles published on or after " + scope.from());
      } else {
        parts.add("articles published on or before " + scope.to());
      }
    }
    return String.join(", ", parts);
  }

  /** The scope as {@link #parse} reads it back; combined scopes have no text form. */
  public static String format(Scope scope) {
    if (scope.isAll()) {
      return "all";
    }
    if (!scope.articleIds().isEmpty()) {
      return "articles " + String.join(" ", scope.articleIds().stream().sorted().toList());
    }
    if (!scope.tags().isEmpty()) {
      return "tags " + String.join(" ", scope.tags().stream().sorted().toList());
    }
    return "dates "
        + (scope.from() == null ? "" : scope.from())
        + ".."
        + (scope.to() == null ? "" : scope.to());
  }

  private static Set<String> words(String rest, String what) {
    Set<String> words = new LinkedHashSet<>();
    Arrays.stream(rest.split("[\\s,]+")).filter(w -> !w.isEmpty()).forEach(words::add);
    if (words.isEmpty()) {
      throw new InvalidSettingException("Name at least one " + what + ". " + USAGE);
    }
    return words;
  }

  private static Scope dates(String rest) {
    String range = rest.strip();
    int dots = range.indexOf("..");
    if (dots < 0) {
      String[] halves = range.split("\\s+to\\s+", 2);
      if (halves.length == 2) {
        return dates(halves[0], halves[1]);
      }
      // One date alone: that day, month or year.
      return dates(range, range);
    }
    return dates(range.substring(0, dots), range.substring(dots + 2));
  }

  private static LocalDate firstDay(String text) {
    try {
      return switch (text.length()) {
        case 4 -> Year.parse(text).atDay(1);
        case 7 -> YearMonth.parse(text).atDay(1);
        case 10 -> LocalDate.parse(text);
        default -> throw badDate(text);
      };
    } catch (DateTimeParseException e) {
      throw badDate(text);
    }
  }

  private static LocalDate lastDay(String text) {
    try {
      return switch (text.length()) {
        case 4 -> Year.parse(text).atMonth(12).atEndOfMonth();
        case 7 -> YearMonth.parse(text).atEndOfMonth();
        case 10 -> LocalDate.parse(text);
        default -> throw badDate(text);
      };
    } catch (DateTimeParseException e) {
      throw badDate(text);
    }
  }

  private static InvalidSettingException badDate(String text) {
    return new InvalidSettingException(
        "\"" + text + "\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.");
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
