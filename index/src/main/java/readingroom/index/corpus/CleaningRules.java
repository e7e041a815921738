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
          "\\((?:[A-Z][\\p{L}.'-]*\\s?){1,4}/\\s?(?:[A-Z][\\p{L}.'-]*\\s?){1,5}\\)\\s*$"
              + "|(?i)\\((?:photo|image|picture|credit)s?:[^)]{1,80}\\)\\s*$");

  /**
   * The news agencies' caption: "In this Dec. 12, 2006, file photo, made available by NASA, ...".
   */
  private static final Pattern AGENCY_CAPTION =
      Pattern.compile("(?i)^in this\\b.{0,40}?\\b(?:file )?(?:photo|image|picture)\\b");

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

  private static final Pattern ADDRESS =
      Pattern.compile("(?i)\\bhttps?://|\\bwww\\.\\S|[\\w.+-]+@[\\w-]+\\.\\w|\\b\\w+\\.com/\\S");
  private static final Pattern TIME_OF_DAY =
      Pattern.compile("(?i)\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b|\\d{4}-\\d{2}-\\d{2}T\\d");

  /** "How to retire early,Early retirement,Retiring early,...": tags joined without spaces. */
  private static final Pattern KEYWORD_LIST = Pattern.compile("(?:[^,\\s][^,]*,\\p{L}){3}");

  private static final Pattern META_LABEL =
      Pattern.compile(
          "(?i)^(?:posted|updated|published|filed under|tagged|tags|categor(?:y|ies)|related|"
              + "you (?:may|might) also like|more from|more on|read more|see also|share this)\\b");

  /** The marks a sentence (or a line introducing a list) ends with, in Latin and CJK scripts. */
  private static final String SENTENCE_ENDS = ".!?:;" + SentenceSplitter.FULL_STOPS + "：；";

  private static final Pattern TRAILING_REFERENCES =
      Pattern.compile("(\\s?\\[[^\\[\\]]{1,40}\\])+$");

  private final List<Pattern> extraPatterns;

  public CleaningRules(List<Pattern> extraPatterns) {
    this.extraPatterns = List.copyOf(extraPatterns);
  }

  /**
   * The reason a line is furniture wherever it stands, or {@code null} if it may be prose. Lines
   * outside the body are judged again by {@link #isProse}.
   *
   * @param subtitleIsText whether a line equal to the subtitle is the article's own (a page's
   *     {@code og:description} is often its first paragraph word for word), not a repeated dek
   */
  String furnitureReason(String line, Source source, boolean subtitleIsText) {
    String normalised = normalise(line);
    if (normalised.equals(normalise(source.title()))
        || (!subtitleIsText
            && source.subtitle() != null
            && normalised.equals(normalise(source.subtitle())))) {
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
    if (PHOTO_CREDIT.matcher(line).find()
        || CAPTION_CREDIT.matcher(line).find()
        || AGENCY_CAPTION.matcher(line).find()) {
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

  /**
   * Whether a line at the edge of a page's body reads as the page's metadata rather than the
   * article: a word or two ("Comments", "Highlights"), an address, a time stamp, a keyword list, a
   * "Posted ..." or "Related ..." label.
   */
  static boolean isPageMetadata(String line) {
    return words(line) < 3
        || ADDRESS.matcher(line).find()
        || (words(line) <= 16 && TIME_OF_DAY.matcher(line).find())
        || KEYWORD_LIST.matcher(line).find()
        || META_LABEL.matcher(line).find();
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
    return i >= 0 && SENTENCE_ENDS.indexOf(trimmed.charAt(i)) >= 0;
  }

  /**
   * Words in a line: runs between spaces, except that Chinese and Japanese, written without spaces,
   * count a word for every two ideographs or kana (about their mean word length), so a paragraph in
   * those scripts is prose and is cut into passages of a similar length.
   */
  public static int words(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return 0;
    }
    if (!hasUnspacedScript(trimmed)) {
      return trimmed.split("\\s+").length; // the common case, counted quickly
    }
    int words = 0;
    for (String token : trimmed.split("\\s+")) {
      int unspaced = (int) token.codePoints().filter(CleaningRules::isUnspacedScript).count();
      words += Math.max(1, (unspaced + 1) / 2 + (unspaced < token.length() ? 1 : 0));
    }
    return words;
  }

  /** Whether the text may hold Chinese or Japanese (every such letter lies from U+2E80 on). */
  private static boolean hasUnspacedScript(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x2E80) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnspacedScript(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
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
