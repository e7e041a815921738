package readingroom.index.corpus;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import readingroom.index.model.Source;

/**
 * The general rules that tell site furniture from article prose in scraped text. Each rule looks at
 * one line (a paragraph of the scrape) and names why it is not article text; none mentions a
 * particular article. A corpus can add its own patterns in the configuration.
 */
public final class CleaningRules {

  static final String REPEATED_HEADLINE = "repeated headline or subtitle";
  static final String BREADCRUMB = "breadcrumb";
  static final String COUNTER = "view, comment or read-time counter";
  static final String PHOTO = "photo credit or caption";
  static final String LINK_MARKUP = "embedded link markup";
  static final String AUTHOR_BIO = "author bio";
  static final String COPYRIGHT = "copyright line";
  static final String APPEAL = "donation appeal";
  static final String FURNITURE = "page furniture outside the article body";
  static final String FOOTER = "site footer after the article";
  static final String DATELINE = "dateline";
  static final String EXTRA = "corpus pattern";

  private static final Pattern BREADCRUMB_LINE =
      Pattern.compile("^\\S[^.!?]{0,80}(\\s[>»›/|]\\s[^>»›|]+){2,}$");
  private static final Pattern COUNTER_LINE =
      Pattern.compile(
          "(?i)\\b\\d[\\d,.]*\\s*(views?|reads?|comments?|shares?|mins?(\\s*read)?|minutes?\\s*read)\\b");
  private static final Pattern PHOTO_CREDIT =
      Pattern.compile("(?i)^(photo|image|credit|photo credit|picture|source)\\s*:");
  private static final Pattern CAPTION_CREDIT =
      Pattern.compile(
          "\\((?:[A-Z][\\p{L}.'-]*\\s?){1,4}/\\s?(?:[A-Z][\\p{L}.'-]*\\s?){1,5}\\)\\s*$");
  private static final Pattern SHORTCODE =
      Pattern.compile("^\\[([a-z_]+)\\b[^\\]]*\\].*\\[/\\1\\]$|^\\[[a-z_]+\\b[^\\]]*/?\\]$");
  private static final Pattern BIO =
      Pattern.compile(
          "^(?:[A-Z][\\p{L}.'’-]+\\s){1,4}is (?:a|an|the)\\b.{0,400}"
              + "(?:follow(?:ed)?\\b|twitter|opinions expressed|contributor|@\\w)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern FOLLOW =
      Pattern.compile("(?i)^follow (?:him|her|them|us|me|at|on)\\b|^follow @\\w");
  private static final Pattern COPYRIGHT_LINE =
      Pattern.compile("(?i)^(copyright\\b|©|\\(c\\)\\s*\\d{4})|all rights reserved");
  private static final Pattern APPEAL_START =
      Pattern.compile(
          "(?i)^(a message from\\b|dear readers?\\b|support (?:our|independent) journalism|"
              + "(?:please )?(?:donate|subscribe) (?:now|today)|become a (?:member|supporter))");
  private static final Pattern APPEAL_WORDS =
      Pattern.compile("(?i)\\b(support us|donat\\w*|contribution|subscribe|remind me later)\\b");
  private static final Pattern DATE_ONLY =
      Pattern.compile(
          "(?i)^[-–—•*\\s]*(?:(?:mon|tue|wed|thu|fri|sat|sun)\\w*,?\\s+)?"
              + "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\.?\\s+\\d{1,2},?\\s+\\d{4}"
              + "(?:\\s*[|,]?\\s*\\d{1,2}:\\d{2}\\s*\\w*)?\\s*$");

  private static final Pattern TRAILING_REFERENCES =
      Pattern.compile("(\\s?\\[[^\\[\\]]{1,40}\\])+$");

  private final List<Pattern> extraPatterns;

  public CleaningRules(List<Pattern> extraPatterns) {
    this.extraPatterns = List.copyOf(extraPatterns);
  }

  /**
   * The reason a line is furniture wherever it stands, or {@code null} if it may be prose. Lines
   * outside the body are judged again by {@link #isProse}.
   */
  String furnitureReason(String line, Source source) {
    String normalised = normalise(line);
    if (normalised.equals(normalise(source.title()))
        || (source.subtitle() != null && normalised.equals(normalise(source.subtitle())))) {
      return REPEATED_HEADLINE;
    }
    for (Pattern pattern : extraPatterns) {
      if (pattern.matcher(line).find()) {
        return EXTRA + " /" + pattern.pattern() + "/";
      }
    }
    if (SHORTCODE.matcher(line).find()) {
      return LINK_MARKUP;
    }
    if (BREADCRUMB_LINE.matcher(line).matches()) {
      return BREADCRUMB;
    }
    if (words(line) <= 12 && COUNTER_LINE.matcher(line).find() && !endsSentence(line)) {
      return COUNTER;
    }
    if (PHOTO_CREDIT.matcher(line).find() || CAPTION_CREDIT.matcher(line).find()) {
      return PHOTO;
    }
    if (DATE_ONLY.matcher(line).matches()) {
      return DATELINE;
    }
    if (COPYRIGHT_LINE.matcher(line).find() && words(line) <= 20) {
      return COPYRIGHT;
    }
    if (FOLLOW.matcher(line).find() || (words(line) <= 90 && isBio(line, source))) {
      return AUTHOR_BIO;
    }
    return null;
  }

  private static boolean isBio(String line, Source source) {
    if (source.author() != null && line.startsWith(source.author() + " is ")) {
      return true;
    }
    return BIO.matcher(line).find();
  }

  /** Whether a line opens a donation appeal that runs to the end of the page. */
  boolean startsAppeal(String line, List<String> rest) {
    if (!APPEAL_START.matcher(line).find()) {
      return false;
    }
    return rest.stream().anyMatch(l -> APPEAL_WORDS.matcher(l).find());
  }

  /** Whether a line is a copyright notice, after which only site footer follows. */
  boolean isCopyright(String line) {
    return COPYRIGHT_LINE.matcher(line).find() && words(line) <= 20;
  }

  /** Article prose: a line of a dozen words or more that ends like a sentence. */
  static boolean isProse(String line) {
    return words(line) >= 12 && endsSentence(line);
  }

  /**
   * A heading inside the body: short, and not ending like a sentence. Kept in the text but never
   * quoted on its own.
   */
  static boolean isHeading(String line) {
    return words(line) <= 16 && !endsSentence(line);
  }

  /**
   * Whether a line ends like a sentence. Reference marks after the full stop ("...in 1990.[12]",
   * "...was disputed.[citation needed]") do not hide its end.
   */
  static boolean endsSentence(String line) {
    String trimmed = TRAILING_REFERENCES.matcher(line.stripTrailing()).replaceFirst("");
    int i = trimmed.length() - 1;
    while (i >= 0 && "\"'”’)]".indexOf(trimmed.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && ".!?:;".indexOf(trimmed.charAt(i)) >= 0;
  }

  public static int words(String line) {
    String trimmed = line.strip();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  public static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replace('’', '\'')
        .replace('‘', '\'')
        .replace('“', '"')
        .replace('”', '"')
        .transform(Words::collapseSpaces);
  }
}
