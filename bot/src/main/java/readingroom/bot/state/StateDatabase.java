package readingroom.bot.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite file holding the bot's state, opened once per process. Opening checks the file,
 * migrates its schema and makes sure it can be written, so a damaged or locked file stops the bot
 * at start-up with a message that says so instead of it running on silent defaults. One connection
 * is shared under a lock: SQLite writes one transaction at a time anyway, and the bot's writes are
 * small.
 */
public final class StateDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StateDatabase.class);

  /** Where the schema migrations live on the class path. */
  static final String MIGRATIONS = "classpath:db/state";

  /** How long to wait for another process's lock before giving up. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

  /** Work done with the connection, inside the database lock. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private StateDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) and migrates the database file.
   *
   * @throws StateException naming the file and what to do when it is damaged, locked by another
   *     process, or cannot be created or written
   */
  public static StateDatabase open(Path file, Duration busyTimeout) {
    Path path = file.toAbsolutePath().normalize();
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new StateException("The state database " + path + " is not a file.");
    }
    if (isEmptyFile(path)) {
      // SQLite would take an empty file as a new database, silently losing settings, digests,
      // the question log and the salt: refuse it like any other damaged file.
      throw new StateException(damaged(path, "the file is empty"));
    }
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new StateException(
          "The folder for the state database " + path + " cannot be created: " + e.getMessage(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    // Transactions take the write lock when they begin, waiting up to the busy timeout for it.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + path);
    Connection connection = null;
    try {
      connection = source.getConnection();
      checkIntegrity(connection, path);
      // Before migrating: a file another process holds should fail here, in a few words.
      checkWritable(connection);
      var result =
          Flyway.configure()
              .dataSource(source)
              .locations(MIGRATIONS)
              .failOnMissingLocations(true)
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        log.info(
            "State database {} migrated to schema version {}", path, result.targetSchemaVersion);
      }
      return new StateDatabase(path, connection);
    } catch (SQLException | FlywayException e) {
      closeQuietly(connection);
      throw explain(path, e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** Opens with {@link #DEFAULT_BUSY_TIMEOUT}. */
  public static StateDatabase open(Path file) {
    return open(file, DEFAULT_BUSY_TIMEOUT);
  }

  public Path file() {
    return file;
  }

  /** Runs reads (or a single write) with the connection in auto-commit mode. */
  public <T> T read(Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} in one transaction: all of its writes happen, or none. */
  public <T> T inTransaction(Work<T> work) {
    lock.lock();
    try {
      begin();
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Leaves auto-commit, which begins the transaction. When the lock cannot be had (SQLITE_BUSY) the
   * driver has already noted "no auto-commit" with no transaction open, and every later transaction
   * would fail to commit; put the connection back in auto-commit before giving up.
   */
  private void begin() throws SQLException {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException expected) {
        // "cannot commit - no transaction is active": the mode is restored all the same.
      }
      throw e;
    }
  }

  /** Whether the database answers a trivial query, for the health endpoint. */
  public boolean healthy() {
    try {
      return read(c -> {
        try (Statement statement = c.createStatement();
            ResultSet rows = statement.executeQuery("SELECT 1")) {
          return rows.next();
        }
      });
    } catch (StateException e) {
      return false;
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("Closing the state database {} failed", file, e);
    } finally {
      lock.unlock();
    }
  }

  private StateException failure(SQLException e) {
    return new StateException("The state database " + file + " failed: " + e.getMessage(), e);
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.warn("Rolling back a transaction on {} failed", file, e);
    }
  }

  /**
   * Whether the file exists with no bytes and no write-ahead log beside it that could hold its
   * pages (a file this class created always has a header written before anything else).
   */
  private static boolean isEmptyFile(Path path) {
    try {
      if (!Files.isRegularFile(path) || Files.size(path) > 0) {
        return false;
      }
      Path wal = path.resolveSibling(path.getFileName() + "-wal");
      return !Files.isRegularFile(wal) || Files.size(wal) == 0;
    } catch (IOException e) {
      return false; // opening will fail with its own message
    }
  }

  private static void checkIntegrity(Connection connection, Path path) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
      String verdict = rows.next() ? rows.getString(1) : "no verdict";
      if (!"ok".equalsIgnoreCase(verdict)) {
        throw new StateException(damaged(path, verdict));
      }
    }
  }

  /** Takes and releases the write lock, so a file another process holds fails now, not later. */
  private static void checkWritable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      statement.execute("ROLLBACK");
    }
  }

  /** The start-up error for a failure while opening: what is wrong with which file, and the fix. */
  static StateException explain(Path path, Exception e) {
    SQLiteErrorCode code = sqliteCode(e);
    int primary = code == null ? -1 : code.code & 0xff;
    String message;
    if (primary == SQLiteErrorCode.SQLITE_NOTADB.code
        || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
      message = damaged(path, String.valueOf(code));
    } else if (primary == SQLiteErrorCode.SQLITE_BUSY.code
        || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      message =
          "The state database "
              + path
              + " is locked by another process. Is another Reading Room running on the same data"
              + " folder? Stop it, or give this one its own readingroom.state.database.";
    } else if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
        || primary == SQLiteErrorCode.SQLITE_READONLY.code
        || primary == SQLiteErrorCode.SQLITE_PERM.code) {
      message =
          "The state database "
              + path
              + " cannot be opened for writing: check that the file and its folder are writable"
              + " by this user.";
    } else {
      message = "The state database " + path + " cannot be used: " + rootMessage(e);
    }
    return new StateException(message, e);
  }

  private static String damaged(Path path, String detail) {
    return "The state database "
        + path
        + " is damaged or is not a SQLite database ("
        + detail
        + "). Restore it from a backup, or move it aside to start with default channel settings"
        + " and an empty question log.";
  }

  private static SQLiteErrorCode sqliteCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        return sqlite.getResultCode();
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("Closing a failed connection", e);
      }
    }
  }
}
