package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply.AnswerReply;
import readingroom.bot.testing.TestCorpus;
import readingroom.index.Engine;
import readingroom.index.model.IndexProgress;

/** Re-indexing bumps the index version, so cached answers from before are never served again. */
class CacheInvalidationTest {

  @TempDir static Path dir;
  private static Engine engine;

  @BeforeAll
  static void open() {
    engine = TestCorpus.openEngine(dir);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void anAnswerCachedBeforeAReindexIsComputedAfreshAfterIt() throws Exception {
    ChatCommands commands = new ChatCommands(engine, 3);
    Origin origin = new Origin(Platform.SLACK, "T1", "C1", "U1");
    String question = "What did the Kazan zoo feed the Taliban delegation's camels?";

    AnswerReply before = (AnswerReply) commands.ask(origin, question);
    AnswerReply cached = (AnswerReply) commands.ask(origin, question);
    assertThat(cached.answer().results()).isEqualTo(before.answer().results());
    assertThat(commands.cache().misses()).isEqualTo(1);
    assertThat(commands.cache().hits()).isEqualTo(1);
    assertThat(before.answer().results()).noneMatch(r -> r.source().id().equals("kazan-zoo-2025"));

    long version = engine.version();
    Files.writeString(
        dir.resolve("corpus/kazan-zoo-2025.txt"),
        """
        ---
        title: "Kazan Zoo Hosts a Taliban Delegation"
        outlet: "Test Gazette"
        published: "2025-03-02"
        url: "https://example.org/kazan-zoo"
        ---
        When the Taliban delegation visited Kazan, the zoo fed the delegation's camels fresh \
        melons and hay from Tatarstan. The zoo director said the camels preferred the melons.
        """);
    engine.reindex(false, IndexProgress.NONE);
    assertThat(engine.version()).isNotEqualTo(version);

    AnswerReply after = (AnswerReply) commands.ask(origin, question);
    assertThat(commands.cache().misses()).isEqualTo(2);
    assertThat(after.answer().results().get(0).source().id()).isEqualTo("kazan-zoo-2025");
  }
}
