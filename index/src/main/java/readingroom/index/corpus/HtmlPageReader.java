package readingroom.index.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import readingroom.index.model.Source;

/**
 * Reads a saved HTML page: the body found by its content ({@link ArticleBody}), the metadata from
 * every place pages keep it ({@link PageMetadata}), decoded in the charset the page declares. A
 * sidecar ({@link Sidecar}) can give what the page lacks, above all an address: without one the
 * page is read, and its quotes have no link.
 */
final class HtmlPageReader {

  /** Readability resolves the page's links against an address; a page with none gets this. */
  private static final String NO_ADDRESS = "http://localhost/";

  private HtmlPageReader() {}

  /**
   * @param sidecarName the file a user should create to give a missing address, for the warning
   */
  static RawArticle read(String fileId, byte[] bytes, ObjectNode sidecar, String sidecarName) {
    return read(fileId, bytes, null, null, sidecar, sidecarName);
  }

  /**
   * A page from a saved-page archive ({@link MhtmlPage}).
   *
   * @param charset the charset its archive declares for it, or {@code null}
   * @param savedFrom the address its archive says it was saved from, used when neither the sidecar
   *     nor the page gives one; or {@code null}
   */
  static RawArticle read(
      String fileId,
      byte[] bytes,
      String charset,
      String savedFrom,
      ObjectNode sidecar,
      String sidecarName) {
    Document doc;
    try {
      doc = parse(bytes, charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PageMetadata meta = PageMetadata.of(doc);
    String givenUrl = text(sidecar, "url");
    if (givenUrl != null) {
      meta = meta.withUrl(givenUrl);
    } else if (meta.url() == null && savedFrom != null) {
      meta = meta.withUrl(savedFrom);
    }
    List<String> warnings = new ArrayList<>(FrontMatterReader.unknownKeys(sidecar, sidecarName));
    if (meta.url() == null) {
      // Read like a PDF or a text file without one: quoted, named, dated, but with no link.
      warnings.add(
          "the page gives no address (no <link rel=canonical>, og:url, JSON-LD url or 'saved"
              + " from' comment), so its quotes will have no link; give one in "
              + sidecarName
              + " beside it, with a line 'url: https://...'");
    }
    ObjectNode merged = sidecar.deepCopy();
    put(merged, "title", meta.title());
    put(merged, "outlet", meta.outlet());
    put(merged, "author", meta.author());
    put(merged, "published", meta.published() == null ? null : meta.published().iso());
    put(merged, "url", meta.url());
    put(merged, "subtitle", PageMetadata.meta(doc, "og:description"));
    put(merged, "section", PageMetadata.meta(doc, "article:section"));
    String body = ArticleBody.text(doc, meta.url() == null ? NO_ADDRESS : meta.url());
    if (!ArticleBody.holdsProse(body)) {
      // The story is drawn by a script (a page saved as its HTML only): the publisher's own copy
      // of its text, in the page's JSON-LD, is what a reader of the page would have seen.
      String published = LinkedData.of(doc).articleBody();
      if (published != null && ArticleBody.holdsProse(published)) {
        body = published;
        warnings.add(
            "the page's text is drawn by a script, not in its HTML: read from the copy the"
                + " publisher gives in the page's JSON-LD (articleBody)");
      }
    }
    if (text(merged, "title") == null) {
      // Read like a text file without front matter: titled by a headline-like early line.
      List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("no article text is left after cleaning");
      }
      String title = FrontMatterReader.guessTitle(lines);
      merged.put("title", title);
      warnings.add(
          "the page has no title (JSON-LD headline, og:title, <title> or <h1>), so it is"
              + " taken from the text (\""
              + title
              + "\"); give one in "
              + sidecarName
              + " with a line 'title: ...'");
    }
    Source source = FrontMatterReader.toSource(fileId, merged);
    return new RawArticle(source, body, warnings, null, true);
  }

  /**
   * Parses a page in the charset it declares, except that bytes which are valid UTF-8 and not all
   * ASCII are read as UTF-8 whatever the page says: a page saved by a tool that re-encodes it keeps
   * its old {@code charset=gb2312} declaration, and legacy-encoded text is almost never valid UTF-8
   * by chance.
   */
  static Document parse(byte[] bytes) throws IOException {
    return parse(bytes, null);
  }

  private static Document parse(byte[] bytes, String declared) throws IOException {
    if (!isAscii(bytes)) {
      String text = Utf8.decodeStrictly(bytes);
      if (text != null) {
        // Decoded once, whatever the page declares; a byte-order mark is not text.
        return Jsoup.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, "");
      }
    }
    // ASCII reads the same in nearly every charset a page may name, so its declaration decides.
    return Jsoup.parse(new ByteArrayInputStream(bytes), supported(declared), "");
  }

  private static String supported(String charset) {
    try {
      return charset != null && Charset.isSupported(charset) ? charset : null;
    } catch (IllegalCharsetNameException e) {
      return null;
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Sets a key the sidecar does not set already: the user's word wins. */
  private static void put(ObjectNode node, String key, String value) {
    if (value != null && text(node, key) == null) {
      node.put(key, value);
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() || value.asText().isBlank()
        ? null
        : value.asText().strip();
  }
}
