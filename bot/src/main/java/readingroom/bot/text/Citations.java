package readingroom.bot.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import readingroom.bot.model.CitationStyle;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;

/**
 * Citations of an article in APA (7th), MLA (9th) and Chicago (17th, bibliography) style, with the
 * quote's own link, so a reader who follows it lands on the quoted sentence. A date is written to
 * the precision known ("2018, July" in APA, never an invented day), and "n.d." stands for none.
 * Names are inverted only for the first author, as all three styles do; a byline that is not a
 * person's name ("Staff") is kept as it is.
 */
public final class Citations {
  private Citations() {}

  /** "n.d.": no date. */
  public static final String NO_DATE = "n.d.";

  private static final String[] MLA_MONTHS = {
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."
  };

  /**
   * The article cited in {@code style}, pointing at {@code link} (the quote's, or the article's).
   */
  public static String cite(Source source, String link, CitationStyle style) {
    String url = link == null || link.isBlank() ? source.url() : link;
    List<String> authors = authors(source.author());
    String title = Texts.oneLine(source.title());
    String outlet = source.outlet() == null ? "" : Texts.oneLine(source.outlet());
    PublishedDate date = source.published();
    return switch (style) {
      case APA -> apa(authors, title, outlet, date, url);
      case MLA -> mla(authors, title, outlet, date, url);
      case CHICAGO -> chicago(authors, title, outlet, date, url);
    };
  }

  private static String apa(
      List<String> authors, String title, String outlet, PublishedDate date, String url) {
    String when = "(" + apaDate(date) + ").";
    StringBuilder out = new StringBuilder();
    if (authors.isEmpty()) {
      // No author: the title moves to the author's place.
      out.append(sentence(title)).append(' ').append(when);
    } else {
      List<String> names = authors.stream().map(Citations::apaName).toList();
      out.append(joinNames(names, ", & ")).append(' ').append(when).append(' ');
      out.append(sentence(title));
    }
    if (!outlet.isEmpty()) {
      out.append(' ').append(sentence(outlet));
    }
    return url == null ? out.toString() : out.append(' ').append(url).toString();
  }

  private static String mla(
      List<String> authors, String title, String outlet, PublishedDate date, String url) {
    StringBuilder out = new StringBuilder();
    if (!authors.isEmpty()) {
      out.append(sentence(humanities(authors))).append(' ');
    }
    out.append('“').append(sentence(title)).append("” ");
    if (!outlet.isEmpty()) {
      out.append(outlet).append(", ");
    }
    out.append(mlaDate(date));
    return (url == null ? out : out.append(", ").append(url)).append('.').toString();
  }

  private static String chicago(
      List<String> authors, String title, String outlet, PublishedDate date, String url) {
    StringBuilder out = new StringBuilder();
    if (!authors.isEmpty()) {
      out.append(sentence(humanities(authors))).append(' ');
    }
    out.append('“').append(sentence(title)).append("” ");
    if (!outlet.isEmpty()) {
      out.append(outlet).append(", ");
    }
    String when = date == null ? NO_DATE : date.display();
    if (url == null) {
      return out.append(sentence(when)).toString();
    }
    return out.append(sentence(when)).append(' ').append(url).append('.').toString();
  }

  /** "2024, October 14", "2018, July", "2018" or "n.d.". */
  static String apaDate(PublishedDate date) {
    if (date == null) {
      return NO_DATE;
    }
    String month =
        date.first().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    return switch (date.precision()) {
      case DAY -> date.first().getYear() + ", " + month + " " + date.first().getDayOfMonth();
      case MONTH -> date.first().getYear() + ", " + month;
      case YEAR -> Integer.toString(date.first().getYear());
    };
  }

  /** "14 Oct. 2024", "July 2018", "2018" or "n.d.". */
  static String mlaDate(PublishedDate date) {
    if (date == null) {
      return NO_DATE;
    }
    String month = MLA_MONTHS[date.first().getMonthValue() - 1];
    return switch (date.precision()) {
      case DAY -> date.first().getDayOfMonth() + " " + month + " " + date.first().getYear();
      case MONTH -> month + " " + date.first().getYear();
      case YEAR -> Integer.toString(date.first().getYear());
    };
  }

  /** The people of a byline: "A and B", "A, B and C", "A & B"; none for a blank one. */
  static List<String> authors(String byline) {
    if (byline == null || byline.isBlank()) {
      return List.of();
    }
    String text = Texts.oneLine(byline).replaceFirst("(?i)^by\\s+", "");
    List<String> names = new ArrayList<>();
    for (String part : text.split("\\s*(?:,|&|\\band\\b)\\s*")) {
      if (!part.isBlank()) {
        names.add(part.strip());
      }
    }
    return names;
  }

  /** "Goble, P. A." for "Paul A. Goble"; a one-word byline as it is. */
  private static String apaName(String name) {
    String[] words = name.split("\\s+");
    if (words.length < 2) {
      return name;
    }
    StringBuilder initials = new StringBuilder();
    for (int i = 0; i < words.length - 1; i++) {
      initials
          .append(i == 0 ? "" : " ")
          .append(Character.toUpperCase(words[i].charAt(0)))
          .append('.');
    }
    return words[words.length - 1] + ", " + initials;
  }

  /** MLA and Chicago: "Goble, Paul", "Goble, Paul, and Jane Roe", "Goble, Paul, et al.". */
  private static String humanities(List<String> authors) {
    String first = inverted(authors.get(0));
    if (authors.size() == 1) {
      return first;
    }
    if (authors.size() == 2) {
      return first + ", and " + authors.get(1);
    }
    return first + ", et al";
  }

  private static String inverted(String name) {
    int last = name.lastIndexOf(' ');
    return last < 0 ? name : name.substring(last + 1) + ", " + name.substring(0, last);
  }

  private static String joinNames(List<String> names, String lastSeparator) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + lastSeparator
        + names.get(names.size() - 1);
  }

  /** The text ending in one full stop (or its own ?, !). */
  private static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
  }
}
