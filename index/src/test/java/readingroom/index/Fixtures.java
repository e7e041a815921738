package readingroom.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;

/**
 * Real fixtures for tests: copies of the five shipped articles and of the project's synonyms, kept
 * under {@code src/test/resources/fixtures}, so a user who adds articles to {@code corpus/} or
 * edits {@code config/synonyms.txt} does not change what the tests see.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture copy of the shipped corpus; read-only (see {@link #copyCorpus}). */
  public static Path corpus() {
    return fixture("corpus");
  }

  public static Synonyms synonyms() {
    return Synonyms.read(fixture("synonyms.txt"));
  }

  private static Path fixture(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("The test fixture " + name + " is missing", e);
    }
  }

  /** Copies the shipped articles into {@code target}, so a test can change them freely. */
  public static Path copyCorpus(Path target) {
    try (Stream<Path> files = Files.list(corpus())) {
      Files.createDirectories(target);
      for (Path file : files.filter(CorpusReader::isArticleFile).toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Moscow Times article of the shipped corpus, as a corpus file and as an article id. */
  public static final String MOSCOW_TIMES_ID = "moscowtimes-2024-10-taliban-not-terrorists-anymore";

  /**
   * Changes one paragraph of the Moscow Times article in a copied corpus: "Known simply as the
   * Moscow Format, {@code aside}, the meeting ...", so a test can tell the new text from the old.
   */
  public static void changeTheMoscowTimes(Path corpus, String aside) {
    Path file = corpus.resolve(MOSCOW_TIMES_ID + ".txt");
    try {
      Files.writeString(
          file,
          Files.readString(file)
              .replace(
                  "Known simply as the Moscow Format,",
                  "Known simply as the Moscow Format, " + aside + ","));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A builder for an engine over {@code corpus} with the project's synonyms. */
  public static Engine.Builder engine(Path corpus, Path index) {
    return Engine.builder().corpus(corpus).index(index).synonyms(synonyms());
  }

  public static Source source(String title, String subtitle, String author) {
    return new Source(
        "test",
        title,
        subtitle,
        "Outlet",
        null,
        author,
        PublishedDate.parse("2018-07"),
        "https://example.org/a",
        List.of());
  }
}
