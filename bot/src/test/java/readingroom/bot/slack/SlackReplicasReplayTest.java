package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.slack.SignedRequests.FORM;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.state.DatabaseLocation;
import readingroom.bot.state.SeenSlackRequests;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.Postgres;
import readingroom.bot.testing.SharedEngine;

/**
 * Two Slack HTTP servers, as two replicas behind one load balancer, on one state database (a SQLite
 * file, and a real PostgreSQL): a signed request that one has taken is a replay to the other,
 * refused with 401 and answered once. The shared memory empties itself as signatures expire.
 */
class SlackReplicasReplayTest {

  static final String SECRET = "5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b";

  @TempDir Path folder;

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  private StateDatabase replicaDatabase(String engine, DatabaseLocation shared) {
    return open(
        engine.equals("postgresql")
            ? Postgres.open(shared)
            : StateDatabase.open(shared, Duration.ofSeconds(5), java.util.Optional.empty()));
  }

  private SlackPlatform replica(StateDatabase database, SlackApiStandIn api) throws Exception {
    SlackPlatform slack =
        SlackPlatform.create(
            new SlackSettings(
                SlackSettings.Mode.HTTP, 0, "/slack/events", api.url(), false, List.of()),
            new Secrets(
                Map.of(Secrets.SLACK_BOT_TOKEN, "xoxb-test", Secrets.SLACK_SIGNING_SECRET, SECRET)),
            database,
            new ChatCommands(SharedEngine.get(), 3),
            new RecordingFeedback(),
            Clock.systemUTC(),
            pause -> {},
            1);
    open(slack::close);
    slack.start();
    return slack;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aRequestTakenByOneReplicaIsRefusedByTheOtherAndAnsweredOnce(String engine) throws Exception {
    DatabaseLocation shared =
        engine.equals("postgresql")
            ? Postgres.freshDatabase()
            : DatabaseLocation.file(folder.resolve("state.db"));
    SlackApiStandIn api = open(new SlackApiStandIn());
    ResponseUrlReceiver responses = open(new ResponseUrlReceiver());
    SlackPlatform first = replica(replicaDatabase(engine, shared), api);
    SlackPlatform second = replica(replicaDatabase(engine, shared), api);
    SignedRequests toFirst =
        new SignedRequests("http://127.0.0.1:" + first.httpPort() + "/slack/events", SECRET);
    SignedRequests toSecond =
        new SignedRequests("http://127.0.0.1:" + second.httpPort() + "/slack/events", SECRET);

    String url = responses.newUrl();
    String body = SignedRequests.slashCommand("/sources", "", "C1", "U1", url);
    String now = Long.toString(Instant.now().getEpochSecond());
    String signature = SignedRequests.sign(SECRET, now, body);

    HttpResponse<String> taken = toFirst.post(body, FORM, now, signature);
    HttpResponse<String> replayed = toSecond.post(body, FORM, now, signature);
    HttpResponse<String> replayedToFirst = toFirst.post(body, FORM, now, signature);

    assertThat(taken.statusCode()).isEqualTo(200);
    assertThat(replayed.statusCode()).as("the other replica knows it").isEqualTo(401);
    assertThat(replayedToFirst.statusCode()).isEqualTo(401);
    responses.await(url);

    // A fresh request (new signature) goes through on the second replica: only the copy is refused.
    String other = responses.newUrl();
    HttpResponse<String> fresh =
        toSecond.post(SignedRequests.slashCommand("/sources", "", "C1", "U1", other), FORM);
    assertThat(fresh.statusCode()).isEqualTo(200);
    responses.await(other);
    // The single workers have long finished anything the replays could have queued.
    TimeUnit.MILLISECONDS.sleep(200);
    assertThat(responses.posts(url)).as("answered once").hasSize(1);
  }

  @Test
  void expiredSignaturesArePurgedAsNewOnesArrive() {
    MutableClock clock = new MutableClock();
    StateDatabase database = open(StateDatabase.open(folder.resolve("purge.db")));
    SharedReplayGuard guard =
        new SharedReplayGuard(
            new SeenSlackRequests(database, SharedReplayGuard.KEEP_FOR, clock), clock);
    Instant window = clock.instant().plus(SignedRequestCheck.WINDOW);

    assertThat(guard.firstSeen("v0=one", window)).isTrue();
    assertThat(guard.firstSeen("v0=two", window)).isTrue();
    assertThat(guard.firstSeen("v0=one", window)).isFalse();
    assertThat(rows(database)).isEqualTo(2);

    // Still inside the kept time (a request may be stamped five minutes ahead): remembered.
    clock.advance(Duration.ofMinutes(9));
    assertThat(guard.firstSeen("v0=one", window)).isFalse();

    clock.advance(Duration.ofMinutes(2));
    assertThat(guard.firstSeen("v0=three", window)).isTrue();
    assertThat(rows(database)).as("the two expired ones were deleted").isEqualTo(1);
  }

  private static int rows(StateDatabase database) {
    return database.read(c -> {
      try (Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM slack_seen_requests")) {
        rows.next();
        return rows.getInt(1);
      }
    });
  }
}
