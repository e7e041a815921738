package readingroom.index.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;

/**
 * An article's headline, outlet, byline, date and address as a saved page states them, looked up in
 * every place publishers put them: JSON-LD, Open Graph and {@code article:*} tags, {@code
 * itemprop}, {@code <time datetime>}, plain {@code meta name=...} tags, Dublin Core, and the
 * address's own date as the last clue. Earlier places win: they are the ones sites fill in
 * deliberately, while {@code <title>} and bylines carry site names and decoration.
 */
record PageMetadata(
    String title, String outlet, String author, PublishedDate published, String url) {

  /** " | ", " - ", " – ", " — ", " · ", " :: " between a headline and a site or section name. */
  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[|\\-–—·•]|::)\\s+");

  private static final Pattern ENDS_WITH_SEPARATOR = Pattern.compile(SEPARATOR.pattern() + "$");

  private static final Pattern SAVED_FROM =
      Pattern.compile("saved from url=\\(\\d+\\)(https?://\\S+)", Pattern.CASE_INSENSITIVE);

  static PageMetadata of(Document doc) {
    LinkedData ld = LinkedData.of(doc);
    String url =
        first(
            httpUrl(attr(doc, "link[rel=canonical]", "href")),
            httpUrl(meta(doc, "og:url")),
            httpUrl(ld.url()),
            httpUrl(meta(doc, "twitter:url")),
            httpUrl(savedFrom(doc)));
    String rawTitle =
        first(
            ld.headline(),
            meta(doc, "og:title"),
            meta(doc, "twitter:title"),
            blankToNull(doc.title()),
            text(doc.selectFirst("h1")));
    String outlet =
        first(
            meta(doc, "og:site_name"),
            ld.publisher(),
            meta(doc, "application-name"),
            meta(doc, "DC.publisher"),
            meta(doc, "dcterms.publisher"));
    TitleParts parts = TitleParts.split(rawTitle, outlet, headings(doc));
    if (outlet == null) {
      outlet = parts.site();
    }
    if (outlet == null && url != null) {
      outlet = FrontMatterReader.hostOf(url);
    }
    String author =
        cleanAuthor(
            first(
                ld.author(),
                meta(doc, "author"),
                nonUrl(meta(doc, "article:author")),
                itempropName(doc, "author"),
                meta(doc, "DC.creator"),
                meta(doc, "dcterms.creator"),
                meta(doc, "byl"),
                text(doc.selectFirst("a[rel=author]"))),
            outlet);
    PublishedDate published = null;
    for (String clue :
        new String[] {
          ld.datePublished(),
          meta(doc, "article:published_time"),
          meta(doc, "og:published_time"),
          itemprop(doc, "datePublished"),
          meta(doc, "date"),
          meta(doc, "pubdate"),
          meta(doc, "publishdate"),
          meta(doc, "publish-date"),
          meta(doc, "sailthru.date"),
          meta(doc, "parsely-pub-date"),
          meta(doc, "DC.date.issued"),
          meta(doc, "dcterms.issued"),
          meta(doc, "DC.date"),
          meta(doc, "dcterms.created"),
          attr(doc, "time[pubdate][datetime]", "datetime"),
          attr(doc, "time[datetime]", "datetime")
        }) {
      published = DateClues.parse(clue);
      if (published != null) {
        break;
      }
    }
    if (published == null) {
      published = DateClues.fromUrl(url);
    }
    return new PageMetadata(parts.headline(), outlet, author, published, url);
  }

  /** The same metadata with the address given elsewhere (a sidecar); the date may come from it. */
  PageMetadata withUrl(String newUrl) {
    PublishedDate date = published != null ? published : DateClues.fromUrl(newUrl);
    String newOutlet =
        outlet == null || (url != null && outlet.equals(FrontMatterReader.hostOf(url)))
            ? FrontMatterReader.hostOf(newUrl)
            : outlet;
    return new PageMetadata(title, newOutlet, author, date, newUrl);
  }

  /** A headline and the site name the page's title tag may carry around it. */
  record TitleParts(String headline, String site) {

    static TitleParts split(String title, String outlet, List<String> headings) {
      if (title == null) {
        return new TitleParts(null, null);
      }
      String headline = title.strip();
      for (String heading : headings) {
        TitleParts around = around(headline, heading);
        if (around != null) {
          return around;
        }
      }
      String site = null;
      int cut;
      while ((cut = lastSeparator(headline)) >= 0) {
        String before = headline.substring(0, cut).strip();
        String after = SEPARATOR.matcher(headline.substring(cut)).replaceFirst("").strip();
        boolean namesOutlet = outlet != null && sameSite(after, outlet);
        boolean shortName =
            CleaningRules.words(after) <= 4
                && CleaningRules.words(before) >= 3
                && !CleaningRules.endsSentence(after);
        if (site == null && (namesOutlet || (outlet == null && shortName))) {
          site = after;
        } else if (site == null || !shortName) {
          break;
        } // else "Headline | Section | Site": the section goes too.
        headline = before;
      }
      return new TitleParts(headline, site);
    }

    /** The page's own heading inside its title, with separators and names around it. */
    private static TitleParts around(String title, String heading) {
      int at = title.indexOf(heading);
      if (at < 0 || heading.equals(title)) {
        return null;
      }
      String prefix = title.substring(0, at);
      String suffix = title.substring(at + heading.length());
      boolean prefixOk = prefix.isEmpty() || ENDS_WITH_SEPARATOR.matcher(prefix).find();
      boolean suffixOk = suffix.isEmpty() || SEPARATOR.matcher(suffix).lookingAt();
      if (!prefixOk || !suffixOk) {
        return null;
      }
      return new TitleParts(heading, suffix.isEmpty() ? null : lastSegment(suffix));
    }

    private static int lastSeparator(String title) {
      Matcher m = SEPARATOR.matcher(title);
      int last = -1;
      while (m.find()) {
        last = m.start();
      }
      return last;
    }

    private static String lastSegment(String rest) {
      String[] segments = SEPARATOR.split(rest);
      String last = segments[segments.length - 1].strip();
      return last.isEmpty() ? null : last;
    }

    /** "CNN Politics" names CNN; "the Guardian" names The Guardian. */
    private static boolean sameSite(String segment, String outlet) {
      String a = CleaningRules.normalise(segment).replaceFirst("^the ", "");
      String b = CleaningRules.normalise(outlet).replaceFirst("^the ", "");
      return a.equals(b) || a.startsWith(b + " ") || b.startsWith(a + " ");
    }
  }

  private static List<String> headings(Document doc) {
    List<String> headings = new ArrayList<>();
    for (Element h : doc.select("h1, h2")) {
      String text = blankToNull(h.text());
      if (text != null && CleaningRules.words(text) >= 2) {
        headings.add(text.strip());
      }
    }
    return headings;
  }

  /** "By Jennifer Hansler, CNN" is "Jennifer Hansler". */
  private static String cleanAuthor(String author, String outlet) {
    if (author == null) {
      return null;
    }
    String name = author.strip().replaceFirst("(?i)^by\\s+", "");
    if (outlet != null) {
      String suffix = ", " + outlet;
      if (name.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
        name = name.substring(0, name.length() - suffix.length());
      }
    }
    return blankToNull(name.strip());
  }

  private static String savedFrom(Document doc) {
    for (Node node : doc.childNodes()) {
      if (node instanceof Comment comment) {
        Matcher m = SAVED_FROM.matcher(comment.getData());
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    return null;
  }

  private static String itemprop(Document doc, String name) {
    Element element = doc.selectFirst("[itemprop=" + name + "]");
    if (element == null) {
      return null;
    }
    return first(
        blankToNull(element.attr("content")),
        blankToNull(element.attr("datetime")),
        blankToNull(element.text()));
  }

  private static String itempropName(Document doc, String name) {
    Element element = doc.selectFirst("[itemprop=" + name + "]");
    if (element == null) {
      return null;
    }
    Element inner = element.selectFirst("[itemprop=name]");
    return first(
        blankToNull(element.attr("content")),
        inner == null ? null : blankToNull(inner.text()),
        blankToNull(element.text()));
  }

  static String meta(Document doc, String name) {
    for (Element element : doc.select("meta[content]")) {
      if (name.equalsIgnoreCase(element.attr("property"))
          || name.equalsIgnoreCase(element.attr("name"))
          || name.equalsIgnoreCase(element.attr("itemprop"))) {
        String value = blankToNull(element.attr("content"));
        if (value != null) {
          return value.strip();
        }
      }
    }
    return null;
  }

  private static String attr(Document doc, String css, String attribute) {
    Element element = doc.selectFirst(css);
    return element == null ? null : blankToNull(element.attr(attribute));
  }

  /** An absolute web address, or null; a scheme-relative one ("//host/path") gets https. */
  private static String httpUrl(String url) {
    if (url == null) {
      return null;
    }
    String address = url.strip();
    if (address.matches("//[^/\\s]+\\.[^/\\s]+(/\\S*)?")) {
      address = "https:" + address;
    }
    return Source.isWebAddress(address) ? address : null;
  }

  private static String nonUrl(String value) {
    return value != null && value.matches("(?i)https?://.*") ? null : value;
  }

  private static String text(Element element) {
    return element == null ? null : blankToNull(element.text());
  }

  private static String first(String... values) {
    for (String value : values) {
      if (blankToNull(value) != null) {
        return value.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
