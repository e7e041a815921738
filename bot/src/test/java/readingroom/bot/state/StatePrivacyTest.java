package readingroom.bot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.testing.MutableClock;
import readingroom.index.Answer;

/** What the state keeps about people: no mentioned ids in clear, no salt beside the hashes. */
class StatePrivacyTest {

  @TempDir Path dir;

  private static final Origin ANN = new Origin(Platform.SLACK, "T-school", "C-history", "U0ANNE1");

  @Test
  void mentionedIdsAreNeutralisedBeforeAQuestionIsLogged() throws Exception {
    Path file = dir.resolve("state.db");
    try (StateDatabase database = StateDatabase.open(file)) {
      QuestionLog log =
          new QuestionLog(
              database, new UserHasher(new byte[] {9}), Duration.ofDays(9), new MutableClock());
      log.asked(
          ANN,
          "what did <@U0BOBBY1> and <@W0CAROL|carol> tell <@!412345678901234567>,"
              + " <@&998877665544332211>, <!subteam^S0TEAM|@staff> and <#C0ROOM|history>?",
          new Answer("q", false, List.of(), 3),
          false);

      String stored = log.recent(1).get(0).question();
      assertThat(stored)
          .isEqualTo("what did @someone and @someone tell @someone, @group, @group and #channel?");
    }
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
        .doesNotContain("U0BOBBY1", "W0CAROL", "412345678901234567", "S0TEAM", "C0ROOM");
  }

  @Test
  void aGeneratedSaltLivesInItsOwnOwnerOnlyFileNotInTheDatabase() throws Exception {
    Path file = dir.resolve("state.db");
    String hash;
    try (StateDatabase database = StateDatabase.open(file)) {
      hash = UserHasher.of(Optional.empty(), database).hash(ANN);
      assertThat(legacyRows(database)).isZero();
    }
    Path salt = dir.resolve("state.db.salt");
    assertThat(salt).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(salt)))
        .isEqualTo("rw-------");
    String saltText = Files.readString(salt).strip();
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
        .doesNotContain(saltText);
    try (StateDatabase database = StateDatabase.open(file)) {
      assertThat(UserHasher.of(Optional.empty(), database).hash(ANN)).isEqualTo(hash);
    }
    assertThat(hash).isEqualTo(new UserHasher(Base64.getDecoder().decode(saltText)).hash(ANN));
  }

  @Test
  void aSaltAnEarlierVersionKeptInTheDatabaseIsMovedOutAndStillMatches() throws Exception {
    Path file = dir.resolve("state.db");
    byte[] legacy = new byte[32];
    legacy[0] = 42;
    try (StateDatabase database = StateDatabase.open(file)) {
      database.read(c -> {
        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO state_meta (key, value) VALUES (?, ?)")) {
          insert.setString(1, SaltFile.LEGACY_KEY);
          insert.setString(2, Base64.getEncoder().encodeToString(legacy));
          return insert.executeUpdate();
        }
      });

      assertThat(UserHasher.of(Optional.empty(), database).hash(ANN))
          .isEqualTo(new UserHasher(legacy).hash(ANN));
      assertThat(legacyRows(database)).isZero();
    }
    assertThat(Files.readString(dir.resolve("state.db.salt")).strip())
        .isEqualTo(Base64.getEncoder().encodeToString(legacy));
  }

  @Test
  void anEmptySaltFileStopsStartUpInsteadOfUnmatchingEveryHash() throws Exception {
    Files.createFile(dir.resolve("state.db.salt"));
    try (StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      assertThatThrownBy(() -> UserHasher.of(Optional.empty(), database))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("state.db.salt")
          .hasMessageContaining("is empty");
    }
  }

  private static int legacyRows(StateDatabase database) {
    return database.read(c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT count(*) FROM state_meta WHERE key = ?")) {
        select.setString(1, SaltFile.LEGACY_KEY);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getInt(1);
        }
      }
    });
  }
}
