package readingroom.bot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.ChannelSettings;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Visibility;
import readingroom.bot.testing.MutableClock;
import readingroom.index.Scope;

class StateDatabaseTest {

  @TempDir Path dir;

  private static final ChannelKey CHANNEL = new ChannelKey(Platform.DISCORD, "guild-1", "chan-1");

  @Test
  void aNewFileIsCreatedWithEveryMigrationApplied() throws Exception {
    Path file = dir.resolve("nested/state.db");
    try (StateDatabase database = StateDatabase.open(file)) {
      assertThat(database.file()).isEqualTo(file.toAbsolutePath());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")) {
      List<String> versions = new ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
      assertThat(versions).containsExactly("1", "2", "3", "4", "10", "11", "12", "13");
    }
  }

  @Test
  void settingsSavedInOneProcessAreReadByTheNext() {
    Path file = dir.resolve("state.db");
    Scope scope = new Scope(Set.of("a-1", "b-2"), Set.of("week-3"), LocalDate.of(2018, 1, 1), null);
    try (StateDatabase database = StateDatabase.open(file)) {
      new SqliteChannelSettings(database, new MutableClock())
          .save(CHANNEL, new ChannelSettings(scope, Visibility.PRIVATE, 2), "hash");
    }
    try (StateDatabase database = StateDatabase.open(file)) {
      SqliteChannelSettings settings = new SqliteChannelSettings(database, new MutableClock());
      assertThat(settings.find(CHANNEL))
          .contains(new ChannelSettings(scope, Visibility.PRIVATE, 2));
      assertThat(settings.find(new ChannelKey(Platform.SLACK, "guild-1", "chan-1"))).isEmpty();
    }
  }

  @Test
  void aSaveReplacesTheWholeScopeAndKeepsDefaultsUnset() {
    try (StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      SqliteChannelSettings settings = new SqliteChannelSettings(database, new MutableClock());
      settings.save(
          CHANNEL, new ChannelSettings(Scope.articles(Set.of("a", "b")), null, 1), "hash");
      ChannelSettings tagsOnly =
          new ChannelSettings(new Scope(Set.of(), Set.of("week-1"), null, null), null, null);
      settings.save(CHANNEL, tagsOnly, "hash");
      assertThat(settings.find(CHANNEL)).contains(tagsOnly);
    }
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    try (StateDatabase database = StateDatabase.open(dir.resolve("state.db"))) {
      assertThatThrownBy(() ->
              database.inTransaction(c -> {
                try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO state_meta (key, value) VALUES (?, ?)")) {
                  insert.setString(1, "half-done");
                  insert.setString(2, "x");
                  insert.executeUpdate();
                }
                throw new IllegalStateException("failed half-way");
              }))
          .hasMessage("failed half-way");
      int rows =
          database.read(c -> {
            try (Statement s = c.createStatement();
                ResultSet r =
                    s.executeQuery("SELECT count(*) FROM state_meta WHERE key = 'half-done'")) {
              r.next();
              return r.getInt(1);
            }
          });
      assertThat(rows).isZero();
    }
  }

  @Test
  void aFileThatIsNotADatabaseStopsStartUpWithAClearMessage() throws Exception {
    Path file = dir.resolve("state.db");
    Files.writeString(
        file, "these are not the bytes of a database\n".repeat(200), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> StateDatabase.open(file))
        .isInstanceOf(StateException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("is damaged or is not a SQLite database")
        .hasMessageContaining("move it aside");
  }

  @Test
  void anEmptyFileIsRefusedLikeADamagedOneAndLeftAsItWas() throws Exception {
    Path file = dir.resolve("state.db");
    Files.createFile(file);

    assertThatThrownBy(() -> StateDatabase.open(file))
        .isInstanceOf(StateException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("is damaged or is not a SQLite database (the file is empty)")
        .hasMessageContaining("move it aside");
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void aDamagedDatabaseStopsStartUpWithAClearMessage() throws Exception {
    Path file = dir.resolve("state.db");
    // Closing the only connection folds the write-ahead log into the file.
    StateDatabase.open(file).close();
    assertThat(dir.resolve("state.db-wal")).doesNotExist();
    // Overwrite everything after the 100-byte header: the file still claims to be SQLite.
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 100; i < bytes.length; i++) {
      bytes[i] = (byte) 0xA5;
    }
    Files.write(file, bytes);
    assertThatThrownBy(() -> StateDatabase.open(file))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("is damaged or is not a SQLite database");
  }

  @Test
  void aDatabaseLockedByAnotherProcessStopsStartUpWithAClearMessage() throws Exception {
    Path file = dir.resolve("state.db");
    StateDatabase.open(file).close();
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      s.executeUpdate("INSERT INTO state_meta (key, value) VALUES ('held', 'by another process')");
      assertThatThrownBy(() -> StateDatabase.open(file, Duration.ofMillis(200)))
          .isInstanceOf(StateException.class)
          .hasMessageContaining(file.toAbsolutePath().toString())
          .hasMessageContaining("is locked by another process");
      s.execute("ROLLBACK");
    }
    StateDatabase.open(file).close();
  }

  @Test
  void aFolderInPlaceOfTheFileIsRefused() throws Exception {
    Path file = Files.createDirectories(dir.resolve("state.db"));
    assertThatThrownBy(() -> StateDatabase.open(file))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("is not a file");
  }
}
