package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An engine serving the committed index compares it with the corpus beside the first questions: one
 * opened and closed at once (a one-shot {@code ask}) still warns when the corpus has changed, and
 * does not when it has not.
 */
class StaleIndexWarningTest {

  @Test
  void aOneShotReaderStillWarnsThatTheCorpusChangedAndOnlyThen(@TempDir Path dir) throws Exception {
    Path corpus = Fixtures.copyCorpus(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    Fixtures.engine(corpus, index).embedder(new HashingEmbedder()).open().close();

    assertThat(warningsOfAnAskThatClosesAtOnce(corpus, index)).isEmpty();

    Path article;
    try (var files = Files.list(corpus)) {
      article = files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(
        article,
        Files.readString(article)
            + "\n\nA paragraph added after the index was built, long enough to be prose here.\n");

    assertThat(warningsOfAnAskThatClosesAtOnce(corpus, index))
        .singleElement()
        .asString()
        .contains("has changed since the index was built")
        .contains("readingroom index");
  }

  private static List<String> warningsOfAnAskThatClosesAtOnce(Path corpus, Path index) {
    Logger logger = (Logger) LoggerFactory.getLogger(Engine.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      Fixtures.engine(corpus, index)
          .embedder(new HashingEmbedder())
          .updates(Engine.Updates.NEVER)
          .open()
          .close();
      synchronized (appender.list) {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      }
    } finally {
      logger.detachAppender(appender);
    }
  }
}
