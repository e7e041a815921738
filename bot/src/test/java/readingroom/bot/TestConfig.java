package readingroom.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration file for tests: the shipped corpus, an index in a temp folder. */
public final class TestConfig {
  private TestConfig() {}

  public static Path root() {
    return Path.of(System.getProperty("readingroom.root", "..")).toAbsolutePath().normalize();
  }

  /** Writes a config file in {@code dir} pointing at the shipped corpus and {@code dir/data}. */
  public static Path write(Path dir, String extra) {
    Path file = dir.resolve("test.conf");
    String conf =
        "readingroom {\n"
            + "  corpus = \""
            + readingroom.bot.testing.TestCorpus.shipped()
            + "\"\n"
            + "  data = \""
            + dir.resolve("data")
            + "\"\n"
            + "  index = \""
            + dir.resolve("data/index")
            + "\"\n"
            + "  synonyms = \"\"\n"
            + extra
            + "\n}\n";
    try {
      Files.writeString(file, conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
