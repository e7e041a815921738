package readingroom.bot.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.testing.MutableClock;
import readingroom.index.Answer;
import readingroom.index.Result;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;

class QuestionLogTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock();
  private static final Origin ANN = new Origin(Platform.SLACK, "T-school", "C-history", "U0ANNE1");

  private static Answer answer(boolean answered, String topArticle) {
    Source source =
        new Source(
            topArticle,
            "Title",
            null,
            "Outlet",
            null,
            null,
            PublishedDate.parse("2018"),
            "https://example.org/" + topArticle,
            List.of());
    return new Answer(
        "q", answered, List.of(new Result(source, "quote", List.of(), "link", 1, 0, 5)), 12);
  }

  @Test
  void questionsAreLoggedWithTheAskerOnlyAsASaltedHash() throws Exception {
    Path file = dir.resolve("state.db");
    try (StateDatabase database = StateDatabase.open(file)) {
      QuestionLog questionLog =
          new QuestionLog(
              database, UserHasher.of(Optional.empty(), database), Duration.ofDays(90), clock);
      questionLog.asked(ANN, "Why did Russia invite the Taliban?", answer(true, "wapo"), false);
      questionLog.asked(ANN, "Who is Kabulov?", answer(false, "mt"), true);

      List<QuestionLog.Entry> entries = questionLog.recent(10);
      assertThat(entries)
          .extracting(
              QuestionLog.Entry::question,
              QuestionLog.Entry::answered,
              QuestionLog.Entry::topArticle,
              QuestionLog.Entry::cached)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Who is Kabulov?", false, "mt", true),
              org.assertj.core.groups.Tuple.tuple(
                  "Why did Russia invite the Taliban?", true, "wapo", false));
      assertThat(entries.get(0).userHash()).hasSize(64).doesNotContain("U0ANNE1");
      assertThat(entries.get(0).askedAt()).isEqualTo(clock.instant());
      checkpoint(database);
    }
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
        .contains("Who is Kabulov?")
        .doesNotContain("U0ANNE1");
  }

  @Test
  void aGeneratedSaltIsKeptSoHashesStayTheSameAcrossRestarts() {
    Path file = dir.resolve("state.db");
    String first;
    try (StateDatabase database = StateDatabase.open(file)) {
      first = UserHasher.of(Optional.empty(), database).hash(ANN);
    }
    try (StateDatabase database = StateDatabase.open(file)) {
      assertThat(UserHasher.of(Optional.empty(), database).hash(ANN)).isEqualTo(first);
      // A configured secret salt takes precedence, and gives other hashes.
      assertThat(UserHasher.of(Optional.of("class-of-2026"), database).hash(ANN))
          .isNotEqualTo(first)
          .isEqualTo(UserHasher.of(Optional.of("class-of-2026"), database).hash(ANN));
    }
    try (StateDatabase other = StateDatabase.open(dir.resolve("other.db"))) {
      assertThat(UserHasher.of(Optional.empty(), other).hash(ANN)).isNotEqualTo(first);
    }
  }

  @Test
  void theSamePersonOnAnotherPlatformOrWorkspaceHashesDifferently() {
    UserHasher hasher = new UserHasher(new byte[] {1, 2, 3});
    assertThat(hasher.hash(ANN))
        .isNotEqualTo(hasher.hash(new Origin(Platform.DISCORD, "T-school", "C-history", "U0ANNE1")))
        .isNotEqualTo(hasher.hash(new Origin(Platform.SLACK, "T-other", "C-history", "U0ANNE1")))
        .isEqualTo(hasher.hash(new Origin(Platform.SLACK, "T-school", "C-other", "U0ANNE1")));
  }

  @Test
  void feedbackIsStoredOnTheAskersLatestMatchingQuestion() {
    try (StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      QuestionLog questionLog =
          new QuestionLog(database, new UserHasher(new byte[] {7}), Duration.ofDays(90), clock);
      questionLog.asked(ANN, "Who is Kabulov?", answer(true, "mt"), false);
      clock.advance(Duration.ofMinutes(1));
      questionLog.asked(ANN, "Who is Kabulov?", answer(true, "mt"), true);
      Origin bob = new Origin(Platform.SLACK, "T-school", "C-history", "U0BOB");
      questionLog.asked(bob, "Who is Kabulov?", answer(true, "mt"), true);

      questionLog.record(ANN, "Who is Kabulov?", false);

      assertThat(questionLog.recent(10))
          .extracting(QuestionLog.Entry::helpful)
          .containsExactly(null, false, null);
    }
  }

  @Test
  void feedbackOnAQuestionNoLongerLoggedIsStillKept() {
    try (StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      QuestionLog questionLog =
          new QuestionLog(database, new UserHasher(new byte[] {7}), Duration.ofDays(90), clock);
      questionLog.record(ANN, "A question from last year", true);
      QuestionLog.Entry entry = questionLog.recent(1).get(0);
      assertThat(entry.question()).isEqualTo("A question from last year");
      assertThat(entry.helpful()).isTrue();
      assertThat(entry.answered()).isNull();
    }
  }

  @Test
  void questionsOlderThanTheRetentionAreDeleted() {
    try (StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      QuestionLog questionLog =
          new QuestionLog(database, new UserHasher(new byte[] {7}), Duration.ofDays(30), clock);
      questionLog.asked(ANN, "old question", answer(true, "a"), false);
      clock.advance(Duration.ofDays(20));
      questionLog.asked(ANN, "newer question", answer(true, "a"), false);
      clock.advance(Duration.ofDays(11));

      assertThat(questionLog.purgeExpired()).isEqualTo(1);
      assertThat(questionLog.recent(10))
          .extracting(QuestionLog.Entry::question)
          .containsExactly("newer question");
      LogRetention.purge(questionLog);
      assertThat(questionLog.recent(10)).hasSize(1);
    }
  }

  @Test
  void aQuestionAskedWhileTheDatabaseIsLockedIsWrittenLaterWithItsOwnTime() throws Exception {
    Path file = dir.resolve("state.db");
    try (StateDatabase database = StateDatabase.open(file, Duration.ofMillis(100));
        java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
      QuestionLog questionLog =
          new QuestionLog(database, new UserHasher(new byte[] {7}), Duration.ofDays(30), clock);
      java.time.Instant askedAt = clock.instant();
      try (Statement lock = other.createStatement()) {
        lock.execute("BEGIN EXCLUSIVE");
      }

      questionLog.asked(ANN, "asked while locked", answer(true, "a"), false);
      clock.advance(Duration.ofMinutes(3));
      questionLog.asked(ANN, "also while locked", answer(false, "b"), false);
      assertThat(questionLog.writePending()).as("rows waiting while locked").isEqualTo(2);

      try (Statement unlock = other.createStatement()) {
        unlock.execute("COMMIT");
      }
      assertThat(questionLog.writePending()).isZero();
      assertThat(questionLog.recent(10))
          .extracting(QuestionLog.Entry::question, QuestionLog.Entry::askedAt)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "also while locked", askedAt.plus(Duration.ofMinutes(3))),
              org.assertj.core.groups.Tuple.tuple("asked while locked", askedAt));
    }
  }

  @Test
  void theNextQuestionWritesTheRowsThatWaited() throws Exception {
    Path file = dir.resolve("state.db");
    try (StateDatabase database = StateDatabase.open(file, Duration.ofMillis(100));
        java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
      QuestionLog questionLog =
          new QuestionLog(database, new UserHasher(new byte[] {7}), Duration.ofDays(30), clock);
      try (Statement lock = other.createStatement()) {
        lock.execute("BEGIN EXCLUSIVE");
      }
      questionLog.asked(ANN, "first", answer(true, "a"), false);
      try (Statement unlock = other.createStatement()) {
        unlock.execute("COMMIT");
      }
      clock.advance(Duration.ofSeconds(1));

      questionLog.asked(ANN, "second", answer(true, "a"), false);

      assertThat(questionLog.recent(10))
          .extracting(QuestionLog.Entry::question)
          .containsExactly("second", "first");
    }
  }

  /** Moves the write-ahead log into the main file, so the file's bytes hold every row. */
  private static void checkpoint(StateDatabase database) {
    database.read(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      return null;
    });
  }
}
