package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import readingroom.bot.channel.RateLimiter.Limit;
import readingroom.bot.commands.TextCommand;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.ServingSettings;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Reply.SettingsReply;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.DatabaseLocation;
import readingroom.bot.state.SeenSlackRequests;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.state.StateException;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.Postgres;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;

/**
 * Two replicas, each with its own connection pool and chat layer, on one real PostgreSQL: they
 * behave as one bot. Settings changed through one are in force on the other at once, a person's
 * rate limit is one limit however the questions are spread, the question log loses no row when both
 * write at once, and a Slack request seen by one is a replay to the other.
 */
class SharedStateReplicasTest {

  private static final Origin TEACHER = new Origin(Platform.SLACK, "T1", "C1", "U-teacher");

  private final Engine engine = SharedEngine.get();
  private final MutableClock clock = new MutableClock();
  private final List<StateDatabase> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(StateDatabase::close);
  }

  private ServingSettings serving(DatabaseLocation location, Limit userLimit) {
    return new ServingSettings(
        new ChannelDefaults(Visibility.PUBLIC, 3),
        location,
        Duration.ofSeconds(10),
        // No answer cache: each ask reaches the limiter and the log, as distinct questions would.
        "maximumSize=0",
        userLimit,
        Limit.none(),
        true,
        Duration.ofDays(90),
        new ServingSettings.Metrics(false, "127.0.0.1", 0, false),
        ServingSettings.Digest.DEFAULTS,
        "replica-test");
  }

  private StateDatabase pool(DatabaseLocation location) {
    StateDatabase database = Postgres.open(location);
    opened.add(database);
    return database;
  }

  private ChatLayer replica(DatabaseLocation location, Limit userLimit) {
    return ChatLayer.open(
        engine,
        pool(location),
        serving(location, userLimit),
        new Secrets(Map.of(Secrets.STATE_SALT, "shared-salt")),
        new SimpleMeterRegistry(),
        clock);
  }

  @Test
  void bothDatabasesRunTheSameSchemaVersions() throws Exception {
    DatabaseLocation location = Postgres.freshDatabase();
    List<String> versions = new ArrayList<>();
    pool(location)
        .read(c -> {
          try (Statement s = c.createStatement();
              ResultSet rows =
                  s.executeQuery(
                      "SELECT version FROM flyway_schema_history WHERE success"
                          + " ORDER BY installed_rank")) {
            while (rows.next()) {
              versions.add(rows.getString(1));
            }
          }
          return null;
        });
    assertThat(versions).containsExactly("1", "2", "3", "4", "10", "11", "12", "13");
  }

  @Test
  void aSettingChangedThroughOneReplicaIsInForceOnTheOther() {
    DatabaseLocation location = Postgres.freshDatabase();
    ChatLayer a = replica(location, Limit.none());
    ChatLayer b = replica(location, Limit.none());
    // B reads the channel first, as it would on any question, before A changes it.
    assertThat(((SettingsReply) b.commands().settings(TEACHER)).settings().visibility())
        .isEqualTo(Visibility.PUBLIC);

    assertThat(a.commands().settings(TEACHER, true, "visibility private"))
        .isInstanceOf(SettingsReply.class);

    assertThat(((SettingsReply) b.commands().settings(TEACHER)).settings().visibility())
        .isEqualTo(Visibility.PRIVATE);
    assertThat(b.commands().audience(TEACHER, TextCommand.Kind.ASK, false))
        .isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void twoReplicasChangingOneChannelAtOnceLoseNeitherChange() throws Exception {
    DatabaseLocation location = Postgres.freshDatabase();
    ChatLayer a = replica(location, Limit.none());
    ChatLayer b = replica(location, Limit.none());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 20; i++) {
        Origin teacher = new Origin(Platform.SLACK, "T1", "C-busy-" + i, "U-teacher");
        Future<Reply> quotes =
            threads.submit(() -> a.commands().settings(teacher, true, "quotes 2"));
        Future<Reply> visibility =
            threads.submit(() -> b.commands().settings(teacher, true, "visibility private"));
        assertThat(quotes.get()).isInstanceOf(SettingsReply.class);
        assertThat(visibility.get()).isInstanceOf(SettingsReply.class);
        var settings = ((SettingsReply) a.commands().settings(teacher)).settings();
        assertThat(settings.maxQuotes()).as("quotes in %s", teacher.channel()).isEqualTo(2);
        assertThat(settings.visibility())
            .as("visibility in %s", teacher.channel())
            .isEqualTo(Visibility.PRIVATE);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aPersonCannotMultiplyTheirLimitByAskingEachReplicaInTurn() {
    DatabaseLocation location = Postgres.freshDatabase();
    Limit twoAMinute = new Limit(2, Duration.ofMinutes(1));
    ChatLayer a = replica(location, twoAMinute);
    ChatLayer b = replica(location, twoAMinute);
    Origin student = new Origin(Platform.SLACK, "T1", "C1", "U-student");

    assertThat(a.commands().ask(student, "who hosted the talks?"))
        .isNotInstanceOf(NoticeReply.class);
    assertThat(b.commands().ask(student, "who attended the talks?"))
        .isNotInstanceOf(NoticeReply.class);
    Reply third = a.commands().ask(student, "what did the taliban want?");
    Reply fourth = b.commands().ask(student, "what did russia want?");

    assertThat(List.of(third, fourth))
        .allSatisfy(
            r -> assertThat(((NoticeReply) r).kind()).isEqualTo(NoticeReply.Kind.RATE_LIMITED));
    // Another person in the same channel has their own allowance, on either replica.
    assertThat(b.commands().ask(TEACHER, "who hosted the talks?"))
        .isNotInstanceOf(NoticeReply.class);
    // A refill is one refill for everybody: 30 seconds later one more question, on either side.
    clock.advance(Duration.ofSeconds(30));
    assertThat(b.commands().ask(student, "who hosted the talks?"))
        .isNotInstanceOf(NoticeReply.class);
    assertThat(a.commands().ask(student, "who hosted the talks?")).isInstanceOf(NoticeReply.class);
  }

  @Test
  void questionsLoggedByBothReplicasAtOnceAreAllKept() throws Exception {
    DatabaseLocation location = Postgres.freshDatabase();
    ChatLayer a = replica(location, Limit.none());
    ChatLayer b = replica(location, Limit.none());
    int perReplica = 25;
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> asks = new ArrayList<>();
      for (int i = 0; i < perReplica; i++) {
        int n = i;
        for (ChatLayer layer : List.of(a, b)) {
          String replica = layer == a ? "a" : "b";
          asks.add(
              threads.submit(() ->
                  layer
                      .commands()
                      .ask(
                          new Origin(Platform.DISCORD, "G1", "C" + (n % 3), "U" + n),
                          "who hosted the talks in moscow " + replica + n + "?")));
        }
      }
      for (Future<?> ask : asks) {
        ask.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(a.questionLog().recent(1000)).hasSize(2 * perReplica);
    assertThat(b.questionLog().recent(1000))
        .extracting(e -> e.question())
        .doesNotHaveDuplicates()
        .hasSize(2 * perReplica);
  }

  @Test
  void aSlackRequestSeenByOneReplicaIsAReplayToTheOther() {
    DatabaseLocation location = Postgres.freshDatabase();
    SeenSlackRequests a = new SeenSlackRequests(pool(location), SeenSlackRequests.WINDOW, clock);
    SeenSlackRequests b = new SeenSlackRequests(pool(location), SeenSlackRequests.WINDOW, clock);

    assertThat(a.firstTime("v0=abc123")).isTrue();
    assertThat(b.firstTime("v0=abc123")).isFalse();
    assertThat(a.firstTime("v0=abc123")).isFalse();
    assertThat(b.firstTime("v0=def456")).isTrue();

    // Past Slack's window the timestamp check refuses the request anyway; the entry may go.
    clock.advance(SeenSlackRequests.WINDOW.plusSeconds(1));
    assertThat(a.purgeExpired()).isEqualTo(2);
    assertThat(b.firstTime("v0=abc123")).isTrue();
  }

  @Test
  void aPasswordInTheUrlIsRefusedAndAWrongServerSaysWhatToCheck() {
    assertThatThrownBy(
            () -> DatabaseLocation.parse("jdbc:postgresql://db:5432/rr?user=rr&password=hunter2"))
        .hasMessageContaining("READINGROOM_DB_PASSWORD")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> DatabaseLocation.parse("jdbc:postgresql://rr:hunter2@db:5432/rr"))
        .hasMessageNotContaining("hunter2");

    // A port nothing listens on: start-up stops with the server named and the password unsaid.
    DatabaseLocation nowhere =
        DatabaseLocation.parse("jdbc:postgresql://127.0.0.1:1/readingroom?user=rr");
    assertThatThrownBy(
            () -> StateDatabase.open(nowhere, Duration.ofMillis(500), Optional.of("s3cret-pass")))
        .isInstanceOf(StateException.class)
        .hasMessageStartingWith("The state database jdbc:postgresql://127.0.0.1:1/readingroom")
        .hasMessageContaining("READINGROOM_DB_PASSWORD")
        .hasMessageNotContaining("s3cret-pass");
  }
}
