package readingroom.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;

/** Real fixtures for tests: the shipped corpus and the project's synonyms, copied where needed. */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    return Path.of(System.getProperty("readingroom.root", "..")).toAbsolutePath().normalize();
  }

  public static Path shippedCorpus() {
    return root().resolve("corpus");
  }

  public static Synonyms synonyms() {
    return Synonyms.read(root().resolve("config/synonyms.example.txt"));
  }

  /** Copies the shipped articles into {@code target}, so a test can change them freely. */
  public static Path copyCorpus(Path target) {
    try (Stream<Path> files = Files.list(shippedCorpus())) {
      Files.createDirectories(target);
      for (Path file : files.filter(CorpusReader::isArticleFile).toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Engine.Options options(Path corpus, Path index) {
    return new Engine.Options(corpus, index, synonyms(), List.of());
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
