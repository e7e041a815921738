package readingroom.index.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.CorpusException;
import readingroom.index.Fixtures;
import readingroom.index.model.Article;
import readingroom.index.model.CorpusProblem;
import readingroom.index.model.Source;

class CorpusReaderTest {

  private final CorpusReader reader = new CorpusReader(new Cleaner(new CleaningRules(List.of())));

  private static final String GOOD =
      """
      ---
      title: "A Good Article"
      outlet: "The Outlet"
      published: "2020-03"
      url: "https://example.org/good"
      tags: [week-1]
      ---
      This is the first paragraph of a good article, and it has more than twelve words in it.
      """;

  @Test
  void badFilesAreReportedAndNeverStopTheOthers(@TempDir Path corpus) throws Exception {
    Files.writeString(corpus.resolve("good.md"), GOOD);
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    Files.write(corpus.resolve("binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00});
    Files.write(
        corpus.resolve("latin1.txt"),
        "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(corpus.resolve("nometa.txt"), "Just a title line, no text.");
    Files.writeString(corpus.resolve("broken.txt"), "---\ntitle: [unclosed\nurl: x\n---\nText.\n");
    Files.writeString(corpus.resolve("badurl.txt"), GOOD.replace("https://", "ftp://"));
    Files.writeString(corpus.resolve("baddate.txt"), GOOD.replace("2020-03", "March 2020"));

    CorpusReader.Loaded loaded = reader.load(corpus);

    assertThat(loaded.articles()).extracting(Article::id).containsExactly("good");
    Map<String, String> problems =
        loaded.problems().stream()
            .collect(
                Collectors.toMap(p -> p.file().getFileName().toString(), CorpusProblem::message));
    assertThat(problems)
        .containsEntry("baddate.txt", "date 'March 2020' is not YYYY-MM-DD, YYYY-MM or YYYY")
        .containsEntry("binary.txt", "the file is binary, not text")
        .containsEntry("empty.txt", "the file is empty")
        .containsEntry("latin1.txt", "the file is not UTF-8 text; save it as UTF-8")
        .containsEntry("badurl.txt", "url 'ftp://example.org/good' is not an http(s) address")
        .containsEntry("nometa.txt", "no article text is left after cleaning")
        .hasSize(7);
    assertThat(problems.get("broken.txt")).startsWith("broken metadata");
  }

  @Test
  void aMonthPreciseDateIsShownAsTheMonth(@TempDir Path corpus) throws Exception {
    Files.writeString(corpus.resolve("good.md"), GOOD);
    Source source = reader.load(corpus).articles().get(0).source();
    assertThat(source.published().display()).isEqualTo("March 2020");
    assertThat(source.published().iso()).isEqualTo("2020-03");
    assertThat(source.tags()).containsExactly("week-1");
  }

  @Test
  void subFoldersBecomeTags(@TempDir Path corpus) throws Exception {
    Files.createDirectories(corpus.resolve("week-3"));
    Files.writeString(corpus.resolve("week-3/good.md"), GOOD);
    assertThat(reader.load(corpus).articles().get(0).source().tags())
        .containsExactly("week-1", "week-3");
  }

  @Test
  void readsAnHtmlPageWithItsMetadataAndArticleBody(@TempDir Path corpus) throws Exception {
    Files.writeString(
        corpus.resolve("page.html"),
        """
        <html><head><title>Site | Talks</title>
        <meta property="og:title" content="Russia Hosts Talks">
        <meta property="og:site_name" content="Example News">
        <meta name="author" content="A. Writer">
        <meta property="article:published_time" content="2018-11-09T21:13:00Z">
        <link rel="canonical" href="https://example.org/talks"></head>
        <body><nav>Home &gt; World</nav><article>
        <h1>Russia Hosts Talks</h1>
        <p>In Moscow on Nov. 9, the Russian Foreign Ministry hosted a multinational conference on the conflict.</p>
        <figure><figcaption>A photo (Someone/Agency)</figcaption></figure>
        <p>The insurgent group sent a five-member delegation to the Moscow meeting, its first such trip.</p>
        </article><footer>Copyright 2018</footer></body></html>
        """);
    Article article = reader.load(corpus).articles().get(0);
    assertThat(article.source().title()).isEqualTo("Russia Hosts Talks");
    assertThat(article.source().outlet()).isEqualTo("Example News");
    assertThat(article.source().published().display()).isEqualTo("November 9, 2018");
    assertThat(article.source().url()).isEqualTo("https://example.org/talks");
    assertThat(article.text())
        .startsWith("In Moscow on Nov. 9")
        .contains("five-member delegation")
        .doesNotContain("Home")
        .doesNotContain("Copyright")
        .doesNotContain("Someone/Agency");
  }

  @Test
  void aTextFileWithoutFrontMatterLoadsTitledByItsFirstLineWithAWarning(@TempDir Path corpus)
      throws Exception {
    Files.writeString(
        corpus.resolve("notes.txt"),
        "Notes on the Moscow talks\n\n"
            + "The delegations met for two days in a hotel outside the city, and no agreement was"
            + " signed at the end of it.\n");
    CorpusReader.Loaded loaded = reader.load(corpus);
    Article article = loaded.articles().get(0);
    assertThat(article.source().title()).isEqualTo("Notes on the Moscow talks");
    assertThat(article.source().url()).isNull();
    assertThat(article.text()).startsWith("The delegations met");
    assertThat(loaded.warnings())
        .singleElement()
        .satisfies(w -> {
          assertThat(w.toString())
              .startsWith(
                  "notes.txt: no front matter: the title is taken from the text (\"Notes on the Moscow talks\")");
          assertThat(w.message()).contains("no url", "'---' block");
        });
  }

  @Test
  void anUnknownFrontMatterKeyIsAWarningNamingTheFile(@TempDir Path corpus) throws Exception {
    Files.writeString(
        corpus.resolve("typo.md"), GOOD.replace("outlet:", "authr: Someone\noutlet:"));
    CorpusReader.Loaded loaded = reader.load(corpus);
    assertThat(loaded.articles()).hasSize(1);
    assertThat(loaded.warnings())
        .singleElement()
        .hasToString(
            "typo.md: unknown key 'authr' in the front matter is ignored (known: author, id,"
                + " outlet, published, section, subtitle, tags, title, url)");
  }

  @Test
  void markdownIsReadAsTheTextItRendersTo(@TempDir Path corpus) throws Exception {
    Files.writeString(
        corpus.resolve("md.md"),
        GOOD.replace(
            "This is the first paragraph of a good article",
            "This is the **first** paragraph of a [good](https://example.org/g) article"));
    Article article = reader.load(corpus).articles().get(0);
    assertThat(article.text())
        .isEqualTo(
            "This is the first paragraph of a good article, and it has more than twelve words in"
                + " it.");
  }

  @Test
  void aPageWithoutAnAddressLoadsWithoutLinksUntilASidecarGivesOne(@TempDir Path corpus)
      throws Exception {
    Files.write(corpus.resolve("blog.html"), ReadablePagesTest.bytes("blog-no-url.html"));
    CorpusReader.Loaded unlinked = reader.load(corpus);
    assertThat(unlinked.problems()).isEmpty();
    assertThat(unlinked.articles().get(0).source().url()).isNull();
    assertThat(unlinked.warnings())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("blog.html.yml", "url: https://"));

    Files.writeString(
        corpus.resolve("blog.html.yml"),
        "url: https://garden.example.org/2021/10/notes.html\ntags: [gardening]\n");
    CorpusReader.Loaded loaded = reader.load(corpus);
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.warnings()).isEmpty();
    Source source = loaded.articles().get(0).source();
    assertThat(source.url()).isEqualTo("https://garden.example.org/2021/10/notes.html");
    assertThat(source.published()).hasToString("2021-10");
    assertThat(source.tags()).containsExactly("gardening");
  }

  @Test
  void aPdfLoadsWithItsPagesWhileScansAndEncryptedOnesAreRefused(@TempDir Path corpus)
      throws Exception {
    Files.write(corpus.resolve("minutes.pdf"), PdfTextTest.report());
    Files.writeString(
        corpus.resolve("minutes.pdf.yml"), "url: https://council.example.org/minutes.pdf\n");
    Files.write(corpus.resolve("scan.pdf"), TestPdfs.scanned());
    Files.write(corpus.resolve("locked.pdf"), TestPdfs.encrypted());
    Files.write(corpus.resolve("junk.pdf"), "not a pdf at all".getBytes(StandardCharsets.UTF_8));
    Files.writeString(corpus.resolve("good.md"), GOOD);

    CorpusReader.Loaded loaded = reader.load(corpus);

    assertThat(loaded.articles()).extracting(Article::id).containsExactly("good", "minutes");
    Article minutes = loaded.articles().get(1);
    assertThat(minutes.source().title()).isEqualTo("Library services review");
    assertThat(minutes.source().author()).isEqualTo("Jane Okafor");
    assertThat(minutes.source().published()).hasToString("2023-09-04");
    assertThat(minutes.text())
        .isEqualTo(
            String.join("\n\n", PdfTextTest.P1, PdfTextTest.P2, PdfTextTest.P3, PdfTextTest.P4));
    List<Integer> starts = minutes.source().pageStarts();
    assertThat(starts)
        .containsExactly(
            0, minutes.text().indexOf(PdfTextTest.P3), minutes.text().indexOf(PdfTextTest.P4));
    Map<String, String> problems =
        loaded.problems().stream()
            .collect(
                Collectors.toMap(p -> p.file().getFileName().toString(), CorpusProblem::message));
    assertThat(problems).containsOnlyKeys("scan.pdf", "locked.pdf", "junk.pdf");
    assertThat(problems.get("scan.pdf")).contains("no text layer");
    assertThat(problems.get("locked.pdf")).contains("encrypted with a password");
    assertThat(problems.get("junk.pdf")).startsWith("the PDF cannot be read");
  }

  @Test
  void aMissingFolderIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(
            () -> Fixtures.engine(dir.resolve("nope"), dir.resolve("index")).open().close())
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("The corpus folder " + dir.resolve("nope") + " does not exist");
  }

  @Test
  void aDuplicateIdIsReported(@TempDir Path corpus) throws Exception {
    Files.writeString(corpus.resolve("a.md"), GOOD.replace("title:", "id: same\ntitle:"));
    Files.writeString(corpus.resolve("b.md"), GOOD.replace("title:", "id: same\ntitle:"));
    CorpusReader.Loaded loaded = reader.load(corpus);
    assertThat(loaded.articles()).hasSize(1);
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("already used"));
  }

  @Test
  void aLargeFolderLoadsInFileOrderAndKeepsTheFirstFileOfEachId(@TempDir Path corpus)
      throws Exception {
    // Enough files for every reading thread to take many; two files share each id.
    for (int i = 0; i < 120; i++) {
      String id = "pair-" + (i / 2);
      Files.writeString(
          corpus.resolve(String.format("f%03d.md", i)),
          GOOD.replace("title:", "id: " + id + "\ntitle:"));
    }
    CorpusReader.Loaded loaded = reader.load(corpus);
    assertThat(loaded.articles())
        .extracting(Article::id)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 60).mapToObj(i -> "pair-" + i).toList());
    assertThat(loaded.problems())
        .extracting(p -> p.file().getFileName().toString())
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> String.format("f%03d.md", 2 * i + 1))
                .toList());
    assertThat(loaded.problems().get(0).message()).contains("already used by f000.md");
  }

  /**
   * A page saved by Chrome as "Webpage, Single File": the HTML part is read like a saved page, its
   * address is the one it was saved from, and its images and caption are not text.
   */
  @Test
  void aPageSavedAsOneMhtmlFileIsReadWithTheAddressItWasSavedFrom(@TempDir Path corpus)
      throws Exception {
    try (var in = getClass().getResourceAsStream("/pages/ferry-saved-as-mhtml.mhtml")) {
      Files.write(corpus.resolve("ferry.mhtml"), in.readAllBytes());
    }
    Files.writeString(corpus.resolve("not-mime.mht"), "just some text, not a MIME message at all");

    CorpusReader.Loaded loaded = reader.load(corpus);

    assertThat(loaded.articles()).hasSize(1);
    Article ferry = loaded.articles().get(0);
    assertThat(ferry.id()).isEqualTo("ferry");
    assertThat(ferry.source().title()).isEqualTo("Ferry services resume after the storm");
    assertThat(ferry.source().outlet()).isEqualTo("Coast Herald");
    assertThat(ferry.source().url())
        .isEqualTo("https://www.coastherald.example/news/2025/01/ferry-services-resume");
    assertThat(ferry.text())
        .contains(
            "Ferry services between the mainland and the islands resumed on Tuesday morning,"
                + " three days after the storm forced the operator to cancel every crossing.")
        .contains("which was repaired before dawn.")
        .doesNotContain("The first ferry leaves the harbour")
        .doesNotContain("Storm damage in pictures")
        .doesNotContain("PNG");
    assertThat(loaded.problems())
        .extracting(p -> p.file().getFileName().toString())
        .containsExactly("not-mime.mht");
  }

  /**
   * A page saved "complete" brings a folder of its frames and images: a frame saved as HTML there
   * (an advert) is not an article; a folder of the user's own that merely ends in "_files" is read.
   */
  @Test
  void theResourceFolderOfAPageSavedCompleteIsNotReadAsArticles(@TempDir Path corpus)
      throws Exception {
    String story =
        "<html><head><title>Ferries resume</title>"
            + "<link rel=canonical href=https://example.org/ferries></head><body><article>"
            + "<h1>Ferries resume</h1><p>Ferry services between the mainland and the islands"
            + " resumed on Tuesday morning, three days after the storm cancelled every crossing."
            + "</p></article></body></html>";
    Files.writeString(corpus.resolve("Ferries resume.html"), story);
    Path resources = Files.createDirectories(corpus.resolve("Ferries resume_files"));
    Files.writeString(
        resources.resolve("saved_resource.html"),
        "<html><head><title>Advertisement</title></head><body><p>Save twenty percent on every"
            + " ferry crossing this winter when you book your tickets online before Friday.</p>"
            + "</body></html>");
    Files.writeString(resources.resolve("style.css"), "p { color: black }");
    Path own = Files.createDirectories(corpus.resolve("old_files"));
    Files.writeString(own.resolve("harbour.md"), GOOD.replace("A Good Article", "Harbour"));

    CorpusReader.Loaded loaded = reader.load(corpus);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.articles())
        .extracting(a -> a.source().title())
        .containsExactlyInAnyOrder("Ferries resume", "Harbour");
  }

  /** Documents it cannot read are named once for the folder; images and sidecars are not. */
  @Test
  void documentsItCannotReadAreNamedInOneWarning(@TempDir Path corpus) throws Exception {
    Files.writeString(corpus.resolve("good.md"), GOOD);
    Files.write(corpus.resolve("report.docx"), new byte[] {0x50, 0x4b, 0x03, 0x04});
    Files.write(corpus.resolve("Story.webarchive"), new byte[] {0x62, 0x70, 0x6c, 0x69});
    Files.write(corpus.resolve("photo.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8});
    Files.writeString(corpus.resolve("good.md.yml"), "author: Someone\n");

    CorpusReader.Loaded loaded = reader.load(corpus);

    assertThat(loaded.articles()).extracting(Article::id).containsExactly("good");
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.warnings())
        .extracting(CorpusProblem::message)
        .singleElement()
        .asString()
        .startsWith("2 files are not read (Story.webarchive, report.docx)")
        .contains(".html, .mhtml, .pdf, .md and .txt")
        .doesNotContain("photo.jpg");
  }

  /** A page that names no title is read like a text file without one, not refused. */
  @Test
  void aPageWithNoTitleIsTitledFromItsTextWithAWarning(@TempDir Path corpus) throws Exception {
    Files.writeString(
        corpus.resolve("untitled.html"),
        "<html><body><article><h2>Ferries resume after the storm</h2><p>Ferry services between"
            + " the mainland and the islands resumed on Tuesday morning, three days after the"
            + " storm forced the operator to cancel every crossing.</p></article></body></html>");

    CorpusReader.Loaded loaded = reader.load(corpus);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.articles())
        .singleElement()
        .extracting(a -> a.source().title())
        .isEqualTo("Ferries resume after the storm");
    assertThat(loaded.warnings())
        .extracting(CorpusProblem::message)
        .anyMatch(m -> m.contains("has no title") && m.contains("untitled.html.yml"));
  }
}
