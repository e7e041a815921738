package readingroom.bot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import readingroom.bot.state.DatabaseLocation;
import readingroom.bot.state.StateDatabase;

/**
 * A real PostgreSQL server for the tests of shared state, started once per test JVM from the
 * binaries on the test class path and stopped (its data folder deleted) when the JVM exits. Each
 * test takes a fresh, empty database of its own, reached with a JDBC URL like a deployment's.
 */
public final class Postgres {

  /** The password tests pass as the secret; the local server trusts loopback and ignores it. */
  public static final String PASSWORD = "test-only-password";

  private static EmbeddedPostgres server;
  private static final AtomicInteger databases = new AtomicInteger();

  private Postgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        server = started;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        // The temp data folder is the OS's to clean up then.
                      }
                    },
                    "embedded-postgres-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /** Creates an empty database and returns where it is, as {@code state.database} would say. */
  public static DatabaseLocation freshDatabase() {
    EmbeddedPostgres pg = server();
    String name = "readingroom_test_" + databases.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Creating test database " + name + " failed", e);
    }
    return DatabaseLocation.parse(
        "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name + "?user=postgres");
  }

  /** One replica's connection pool on {@code location}. */
  public static StateDatabase open(DatabaseLocation location) {
    return StateDatabase.open(location, Duration.ofSeconds(10), Optional.of(PASSWORD));
  }
}
