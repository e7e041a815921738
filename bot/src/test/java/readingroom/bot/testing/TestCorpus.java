package readingroom.bot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import readingroom.index.Engine;

/**
 * The shipped five-article corpus, copied into a folder with two articles under {@code week-1/} and
 * one under {@code week-3/}, so they carry those tags as a classroom's collections would.
 */
public final class TestCorpus {

  public static final String WAPO = "wapo-2018-01-russia-looking-to-engage-with-the-taliban";
  public static final String DIPLOMAT_JULY = "diplomat-2018-07-why-has-russia-invited-the-taliban";
  public static final String DIPLOMAT_NOVEMBER = "diplomat-2018-11-can-russia-help-bring-peace";
  public static final String STRATFOR = "stratfor-2018-11-russia-attempts-to-end-longest-war";
  public static final String MOSCOW_TIMES = "moscowtimes-2024-10-taliban-not-terrorists-anymore";

  /** Article id to the sub-folder (tag) it is copied into; "" for the top folder. */
  private static final Map<String, String> FOLDERS =
      Map.of(
          WAPO, "week-1",
          DIPLOMAT_JULY, "week-1",
          MOSCOW_TIMES, "week-3",
          DIPLOMAT_NOVEMBER, "",
          STRATFOR, "");

  private TestCorpus() {}

  /** The shipped corpus folder of this checkout. */
  public static Path shipped() {
    String root = System.getProperty("readingroom.root");
    Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("corpus"))) {
        return dir.resolve("corpus");
      }
    }
    throw new IllegalStateException("No corpus folder above " + start);
  }

  /** Copies the corpus into {@code dir}/corpus, with the tag folders, and returns that folder. */
  public static Path copyTo(Path dir) {
    Path corpus = dir.resolve("corpus");
    try {
      for (var entry : FOLDERS.entrySet()) {
        Path folder = entry.getValue().isEmpty() ? corpus : corpus.resolve(entry.getValue());
        Files.createDirectories(folder);
        String file = entry.getKey() + ".txt";
        Files.copy(shipped().resolve(file), folder.resolve(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return corpus;
  }

  /**
   * Copies the corpus into {@code dir} and opens an engine on it, with its index in {@code dir}.
   */
  public static Engine openEngine(Path dir) {
    Path corpus = copyTo(dir);
    return Engine.builder().corpus(corpus).index(dir.resolve("index")).open();
  }
}
