package readingroom.bot.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.Postgres;

/**
 * The Slack installations and OAuth states on both databases, each opened twice as two replicas
 * would: what one saves the other finds, tokens are stored only encrypted, and a state issued by
 * one is good exactly once on either, even when both try at once.
 */
class SlackInstallationsTest {

  @TempDir Path folder;

  private final List<StateDatabase> opened = new ArrayList<>();
  private final MutableClock clock = new MutableClock();
  private final TokenCipher cipher = TokenCipher.fromBase64(key(), "KEY");

  @AfterEach
  void close() {
    opened.forEach(StateDatabase::close);
  }

  private static String key() {
    byte[] key = new byte[TokenCipher.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Two replicas' handles on one fresh database. */
  private List<StateDatabase> replicas(String engine) {
    DatabaseLocation location =
        engine.equals("postgresql")
            ? Postgres.freshDatabase()
            : DatabaseLocation.file(folder.resolve("state.db"));
    for (int i = 0; i < 2; i++) {
      opened.add(
          engine.equals("postgresql")
              ? Postgres.open(location)
              : StateDatabase.open(location, Duration.ofSeconds(5), Optional.empty()));
    }
    return List.copyOf(opened);
  }

  private static SlackInstallation installation(String enterprise, String team, String token) {
    return new SlackInstallation(
        enterprise,
        team,
        team == null,
        "A0APP",
        "B" + team,
        "UBOT" + team,
        "commands,chat:write",
        token,
        "UINSTALLER",
        null,
        null,
        Instant.parse("2026-01-12T09:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void anInstallationSavedByOneReplicaIsFoundByTheOtherUntilItIsDeleted(String engine) {
    List<StateDatabase> replicas = replicas(engine);
    SlackInstallations a = new SlackInstallations(replicas.get(0), cipher);
    SlackInstallations b = new SlackInstallations(replicas.get(1), cipher);

    a.save(installation(null, "T1", "xoxb-one"));
    a.save(installation("E1", "T2", "xoxb-two"));
    a.save(installation("E1", "T2", "xoxb-two-reinstalled"));
    a.save(installation("E9", null, "xoxb-org-wide"));

    assertThat(b.find(null, "T1")).get().isEqualTo(installation(null, "T1", "xoxb-one"));
    assertThat(b.forTeam("T2").map(SlackInstallation::botToken)).contains("xoxb-two-reinstalled");
    assertThat(b.find("E9", "T7").map(SlackInstallation::botToken))
        .as("a workspace of an organization that installed the app org-wide")
        .contains("xoxb-org-wide");
    assertThat(b.find(null, "T7")).isEmpty();
    assertThat(String.join("\n", storedValues(replicas.get(1))))
        .doesNotContain("xoxb")
        .contains("v1:");

    assertThat(b.delete(null, "T1")).isTrue();
    assertThat(a.forTeam("T1")).isEmpty();
    assertThat(a.forTeam("T2")).isPresent();
    assertThat(a.delete(null, "T1")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aStateIssuedByOneReplicaIsGoodOnceOnEitherAndOnlyBeforeItExpires(String engine)
      throws Exception {
    List<StateDatabase> replicas = replicas(engine);
    Duration lifetime = Duration.ofMinutes(10);
    SlackOAuthStates a = new SlackOAuthStates(replicas.get(0), lifetime, clock);
    SlackOAuthStates b = new SlackOAuthStates(replicas.get(1), lifetime, clock);

    a.issue("state-1");
    assertThat(b.consume("state-1")).isTrue();
    assertThat(a.consume("state-1")).as("used").isFalse();
    assertThat(b.consume("never-issued")).isFalse();

    a.issue("state-2");
    clock.advance(lifetime);
    assertThat(b.consume("state-2")).as("expired").isFalse();

    // Both replicas get the same redirect at once: one of them wins, every time.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String state = "race-" + round;
        a.issue(state);
        List<Callable<Boolean>> both = List.of(() -> a.consume(state), () -> b.consume(state));
        int won = 0;
        for (Future<Boolean> result : pool.invokeAll(both)) {
          won += result.get() ? 1 : 0;
        }
        assertThat(won).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> storedValues(StateDatabase database) {
    return database.read(c -> {
      List<String> values = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT * FROM slack_installations")) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int i = 1; i <= columns; i++) {
            values.add(String.valueOf(rows.getString(i)));
          }
        }
      }
      return values;
    });
  }
}
