package readingroom.index.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import readingroom.index.model.Source;

/**
 * Saved pages that copy real structures (a promo teaser as the first {@code <article>}, no {@code
 * <article>} at all, JSON-LD-only dates, site suffixes, windows-1252): every body paragraph is
 * kept, no teaser, sidebar, caption or bio text is, and the metadata is right. The figures over all
 * pages are printed.
 */
class ReadablePagesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Cleaner CLEANER = new Cleaner(new CleaningRules(List.of()));
  private static final int[] FIGURES =
      new int[6]; // kept, body, junk dropped, junk, meta right, meta

  static Stream<String> pages() {
    List<String> names = new ArrayList<>();
    expectations().fieldNames().forEachRemaining(names::add);
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("pages")
  void keepsTheBodyDropsTheJunkAndFindsTheMetadata(String page) {
    JsonNode expected = expectations().get(page);
    ObjectNode sidecar = YAML.createObjectNode();
    if (expected.has("sidecar")) {
      sidecar = (ObjectNode) read(expected.get("sidecar").asText());
    }
    RawArticle raw = HtmlPageReader.read(page, bytes(page), sidecar, page + ".yml");
    String text = CLEANER.clean(raw.body(), raw.source(), raw.bodyFound()).text();
    Source source = raw.source();

    SoftAssertions soft = new SoftAssertions();
    for (JsonNode sentence : expected.get("kept")) {
      FIGURES[1]++;
      if (text.contains(sentence.asText())) {
        FIGURES[0]++;
      }
      soft.assertThat(text).as("body sentence of " + page).contains(sentence.asText());
    }
    for (JsonNode junk : expected.get("junk")) {
      FIGURES[3]++;
      if (!text.contains(junk.asText())) {
        FIGURES[2]++;
      }
      soft.assertThat(text).as("junk in " + page).doesNotContain(junk.asText());
    }
    Map<String, String> actual =
        Map.of(
            "title", String.valueOf(source.title()),
            "outlet", String.valueOf(source.outlet()),
            "author", String.valueOf(source.author()),
            "published", String.valueOf(source.published()),
            "url", String.valueOf(source.url()));
    for (Map.Entry<String, String> field : actual.entrySet()) {
      FIGURES[5]++;
      String want = expected.get(field.getKey()).asText();
      if (want.equals(field.getValue())) {
        FIGURES[4]++;
      }
      soft.assertThat(field.getValue()).as(field.getKey() + " of " + page).isEqualTo(want);
    }
    soft.assertAll();
  }

  /** As a PDF or a text file without one: read and quoted, with no link, and a warning. */
  @Test
  void aPageWithoutAnAddressIsReadWithAWarningSayingHowToGiveOne() {
    RawArticle raw =
        HtmlPageReader.read(
            "blog", bytes("blog-no-url.html"), YAML.createObjectNode(), "blog.html.yml");

    assertThat(raw.source().url()).isNull();
    assertThat(CleaningRules.words(raw.body())).isGreaterThan(20);
    assertThat(raw.warnings())
        .singleElement()
        .asString()
        .contains("no address", "no link", "blog.html.yml", "url: https://");
  }

  @Test
  void aWindows1252PageDecodesItsQuotes() {
    String body =
        HtmlPageReader.read(
                "g", bytes("guardian-cp1252.html"), YAML.createObjectNode(), "g.html.yml")
            .body();
    assertThat(body).contains("Britain’s countryside").doesNotContain("\uFFFD");
  }

  @Test
  void aStoryWhoseContainerHasAFurnitureNameIsStillRead() {
    String prose =
        "The council agreed on Tuesday to close the old library building and move its collection"
            + " to the new civic centre across the river.";
    String html =
        "<html><head><title>Library to close</title>"
            + "<link rel=canonical href=https://example.org/library></head><body>"
            + "<div class=\"story has-comments\"><p>"
            + prose
            + "</p><p>"
            + prose.replace("Tuesday", "Wednesday")
            + "</p><div class=\"comments\"><p>I will miss the old place, it was a lovely"
            + " building to sit in on a wet afternoon.</p></div></div></body></html>";
    RawArticle raw = readPage(html);
    assertThat(raw.body()).contains(prose).doesNotContain("I will miss the old place");
  }

  /**
   * Blogger's shape: the story is text straight inside a "widget" div, its paragraphs parted by
   * {@code <br><br>}, with no {@code <p>}. Each paragraph is read as one; a single {@code <br>}
   * stays inside its sentence.
   */
  @Test
  void paragraphsPartedOnlyByLineBreaksAreRead() {
    String first =
        "The council agreed on Tuesday to close the old library building and move its collection"
            + " to the new civic centre across the river.";
    String second =
        "Readers will be able to borrow books from the new building from the first week of"
            + " March, the council said in a statement.";
    String html =
        "<html><head><title>Library to close</title>"
            + "<link rel=canonical href=https://example.org/library></head><body>"
            + "<div class=\"widget Blog\"><div class=\"post-body\">"
            + first.replace("library building", "library<br>building")
            + "<br><br>\n"
            + second
            + "<br/></div></div><div class=\"widget Label\"><a href=/x>Libraries</a></div>"
            + "</body></html>";
    RawArticle raw = readPage(html);
    assertThat(raw.body().split("\n\n")).contains(first, second);
    assertThat(raw.body()).doesNotContain("Libraries");
  }

  /** Where a page gives its address other than by a canonical link, that address is used. */
  @Test
  void aPageGivesItsAddressByJsonLdOrASchemeRelativeLink() {
    String story =
        "<h1>Library to close</h1><p>The council agreed on Tuesday to close the old library"
            + " building and move its collection to the new civic centre across the river.</p>";
    String relative =
        "<html><head><title>Library to close</title>"
            + "<link rel=canonical href=//news.example.org/library></head><body>"
            + story
            + "</body></html>";
    String linkedData =
        "<html><head><title>Library to close</title><script type=application/ld+json>"
            + "{\"@type\":\"NewsArticle\",\"headline\":\"Library to close\","
            + "\"mainEntityOfPage\":{\"@id\":\"https://news.example.org/2026/library\"}}"
            + "</script></head><body>"
            + story
            + "</body></html>";

    assertThat(addressOf(relative)).isEqualTo("https://news.example.org/library");
    assertThat(addressOf(linkedData)).isEqualTo("https://news.example.org/2026/library");
  }

  private static String addressOf(String html) {
    return readPage(html).source().url();
  }

  private static RawArticle readPage(String html) {
    return HtmlPageReader.read(
        "l",
        html.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        YAML.createObjectNode(),
        "l.yml");
  }

  @AfterAll
  static void printFigures() {
    System.out.printf(
        "Fixture pages: body sentences kept %d/%d, junk dropped %d/%d, metadata right %d/%d%n",
        FIGURES[0], FIGURES[1], FIGURES[2], FIGURES[3], FIGURES[4], FIGURES[5]);
  }

  private static JsonNode expectations() {
    try (InputStream in = resource("expectations.yml")) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String page) {
    try (InputStream in = resource(page)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = ReadablePagesTest.class.getResourceAsStream("/pages/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource pages/" + name);
    }
    return in;
  }
}
