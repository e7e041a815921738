package readingroom.bot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import readingroom.index.Engine;

/**
 * One engine on the {@link TestCorpus} for every test class that only reads it: loading the model
 * and indexing take seconds, so the test JVM does it once and closes it on exit. Tests that change
 * the corpus open their own.
 */
public final class SharedEngine {

  private static Engine engine;

  private SharedEngine() {}

  public static synchronized Engine get() {
    if (engine == null) {
      try {
        Path dir = Files.createTempDirectory("readingroom-shared-engine");
        engine = TestCorpus.openEngine(dir);
        Engine opened = engine;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      opened.close();
                      deleteQuietly(dir);
                    },
                    "shared-engine-cleanup"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return engine;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp folder left behind is harmless.
    }
  }
}
