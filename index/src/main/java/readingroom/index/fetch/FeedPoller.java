package readingroom.index.fetch;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import readingroom.index.corpus.PageAddress;

/**
 * Polls the configured feeds and saves each new item into the corpus folder as a page the corpus
 * reads like any other: the feed's own content when it carries the full text, else the item's page
 * fetched politely. Feeds are asked with conditional requests; items are taken once, by GUID and by
 * address (the link, where it redirected to, and the page's canonical address). A feed that fails
 * is reported and never stops the others; nothing is indexed here: the caller re-indexes, and only
 * the new files are processed.
 */
public final class FeedPoller {

  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

  /** A feed item's own content counts as the full text from this many words. */
  static final int FULL_TEXT_WORDS = 150;

  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  private final Fetcher fetcher;
  private final Path folder;
  private final Path stateFile;

  /**
   * @param folder where new items are saved, inside the corpus folder (e.g. {@code corpus/feeds})
   */
  public FeedPoller(Fetcher fetcher, Path folder) {
    this.fetcher = fetcher;
    this.folder = folder;
    this.stateFile = folder.resolve(".feed-state.json");
  }

  /**
   * What one poll of one feed did.
   *
   * @param added the files saved
   * @param unchanged the server answered 304
   * @param problems items that could not be taken, and why
   * @param error why the feed itself failed, or {@code null}
   */
  public record FeedReport(
      FeedSource feed, List<Path> added, boolean unchanged, List<String> problems, String error) {}

  /** Polls every feed; one failing never stops the next. */
  public List<FeedReport> pollAll(List<FeedSource> feeds) {
    List<FeedReport> reports = new ArrayList<>();
    for (FeedSource feed : feeds) {
      FeedReport report;
      try {
        report = poll(feed);
      } catch (RuntimeException e) {
        report = new FeedReport(feed, List.of(), false, List.of(), "unexpected: " + e);
      }
      if (report.error() != null) {
        log.warn("Feed {} failed: {}", feed.url(), report.error());
      } else if (!report.added().isEmpty()) {
        log.info("Feed {}: {} new articles", feed.url(), report.added().size());
      }
      reports.add(report);
    }
    return reports;
  }

  /** Polls one feed and saves its new items. */
  public synchronized FeedReport poll(FeedSource feed) {
    FeedState state;
    try {
      Files.createDirectories(folder);
      state = FeedState.read(stateFile);
    } catch (IOException | UncheckedIOException e) {
      return new FeedReport(feed, List.of(), false, List.of(), "feed state: " + e.getMessage());
    }
    FeedState.Validators known = state.feeds.get(feed.url());
    Fetched fetched;
    try {
      fetched =
          fetcher.get(
              feed.url(),
              known == null ? null : known.etag(),
              known == null ? null : known.lastModified());
    } catch (FetchException e) {
      return new FeedReport(feed, List.of(), false, List.of(), e.getMessage());
    }
    if (fetched.notModified()) {
      return new FeedReport(feed, List.of(), true, List.of(), null);
    }
    SyndFeed parsed;
    try {
      parsed = parse(fetched.body());
    } catch (FeedException | IllegalArgumentException e) {
      return new FeedReport(
          feed, List.of(), false, List.of(), "not a readable RSS or Atom feed: " + e.getMessage());
    }
    List<Path> added = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (SyndEntry entry : parsed.getEntries()) {
      String guid = entry.getUri() != null ? entry.getUri() : entry.getLink();
      if (guid == null || state.guids.contains(guid)) {
        continue;
      }
      try {
        Path saved = save(feed, parsed, entry, state);
        if (saved != null) {
          added.add(saved);
        }
        state.guids.add(guid);
      } catch (FetchException e) {
        problems.add(e.getMessage()); // tried again next poll
      } catch (IOException e) {
        problems.add(entry.getLink() + ": cannot be saved: " + e.getMessage());
      }
    }
    state.feeds.put(feed.url(), new FeedState.Validators(fetched.etag(), fetched.lastModified()));
    state.write(stateFile);
    return new FeedReport(feed, added, false, problems, null);
  }

  /** Rome with DOCTYPEs refused, so no external entity is ever resolved (no XXE). */
  static SyndFeed parse(byte[] xml) throws FeedException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(false);
    return input.build(new InputSource(new ByteArrayInputStream(xml)));
  }

  /** Saves one item, or returns {@code null} when its address was taken already. */
  private Path save(FeedSource feed, SyndFeed parsed, SyndEntry entry, FeedState state)
      throws FetchException, IOException {
    String link = entry.getLink();
    if (link == null || state.urls.contains(link)) {
      return null;
    }
    String fullText = fullText(entry);
    byte[] page;
    String url;
    if (fullText != null) {
      page = pageOf(parsed, entry, fullText).getBytes(StandardCharsets.UTF_8);
      url = link;
    } else {
      Fetched fetched = fetcher.get(link);
      page = fetched.body();
      url = fetched.url();
      String canonical = PageAddress.of(page);
      if (state.urls.contains(url) || (canonical != null && state.urls.contains(canonical))) {
        state.urls.add(link);
        return null;
      }
      if (canonical != null) {
        state.urls.add(canonical);
      }
    }
    state.urls.add(link);
    state.urls.add(url);
    Path file = uniqueFile(slug(entry.getTitle(), url));
    Files.write(file, page);
    StringBuilder sidecar = new StringBuilder();
    sidecar
        .append("url: ")
        .append(yaml(PageAddress.of(page) != null ? PageAddress.of(page) : url))
        .append('\n');
    if (!feed.tags().isEmpty()) {
      sidecar.append("tags: [");
      sidecar.append(String.join(", ", feed.tags().stream().map(FeedPoller::yaml).toList()));
      sidecar.append("]\n");
    }
    Files.writeString(file.resolveSibling(file.getFileName() + ".yml"), sidecar.toString());
    return file;
  }

  /** The item's own HTML when it carries the whole article, else {@code null}. */
  private static String fullText(SyndEntry entry) {
    String best = null;
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null
          && (best == null || content.getValue().length() > best.length())) {
        best = content.getValue();
      }
    }
    if (best == null && entry.getDescription() != null) {
      best = entry.getDescription().getValue();
    }
    if (best == null) {
      return null;
    }
    String text = Jsoup.parse(best).text();
    return text.split("\\s+").length >= FULL_TEXT_WORDS ? best : null;
  }

  /** A page carrying the item's metadata where the corpus reader looks for it. */
  private static String pageOf(SyndFeed feed, SyndEntry entry, String html) {
    StringBuilder page =
        new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
    meta(page, "og:title", entry.getTitle());
    meta(page, "og:site_name", feed.getTitle());
    meta(page, "author", entry.getAuthor());
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date != null) {
      meta(page, "article:published_time", date.toInstant().toString());
    }
    page.append("<link rel=\"canonical\" href=\"")
        .append(Entities.escape(entry.getLink()))
        .append("\">\n</head><body><article>\n")
        .append(Jsoup.parseBodyFragment(html).body().html())
        .append("\n</article></body></html>\n");
    return page.toString();
  }

  private static void meta(StringBuilder page, String name, String value) {
    if (value != null && !value.isBlank()) {
      page.append("<meta property=\"")
          .append(name)
          .append("\" content=\"")
          .append(Entities.escape(value.strip()))
          .append("\">\n");
    }
  }

  private Path uniqueFile(String slug) {
    Path file = folder.resolve(slug + ".html");
    for (int i = 2; Files.exists(file); i++) {
      file = folder.resolve(slug + "-" + i + ".html");
    }
    return file;
  }

  private static String slug(String title, String url) {
    String base = title != null && !title.isBlank() ? title : url;
    String slug =
        NOT_SLUG.matcher(base.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return slug.isEmpty() ? "item" : slug;
  }

  private static String yaml(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
