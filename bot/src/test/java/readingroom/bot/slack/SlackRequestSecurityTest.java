package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static readingroom.bot.slack.SignedRequests.FORM;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;

/**
 * Slack's request-signing rules in HTTP mode, with real signed requests over loopback: replays and
 * timestamps too far from local time either way are refused, and the server listens only on the
 * address it is given.
 */
class SlackRequestSecurityTest {

  static final String SECRET = "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

  /** Not 127.0.0.1: a bind to every interface would answer on both. */
  static final String HOST = "127.0.0.2";

  static SlackApiStandIn api;
  static ResponseUrlReceiver responses;
  static SlackPlatform slack;
  static SignedRequests requests;

  @BeforeAll
  static void start() throws Exception {
    api = new SlackApiStandIn();
    responses = new ResponseUrlReceiver();
    slack =
        new SlackPlatform(
            new SlackSettings(
                SlackSettings.Mode.HTTP, HOST, 0, "/slack/events", api.url(), false, List.of()),
            "xoxb-test",
            null,
            SECRET,
            new ChatCommands(SharedEngine.get(), 3),
            new RecordingFeedback(),
            pause -> {},
            1);
    slack.start();
    requests =
        new SignedRequests("http://" + HOST + ":" + slack.httpPort() + "/slack/events", SECRET);
  }

  @AfterAll
  static void stop() {
    if (slack != null) {
      slack.close();
    }
    if (api != null) {
      api.close();
    }
    if (responses != null) {
      responses.close();
    }
  }

  @Test
  void aByteIdenticalSignedRequestSentAgainIsRefusedAndAnsweredOnce() throws Exception {
    String url = responses.newUrl();
    String body = SignedRequests.slashCommand("/sources", "", "C1", "U1", url);
    String now = Long.toString(Instant.now().getEpochSecond());
    String signature = SignedRequests.sign(SECRET, now, body);

    HttpResponse<String> first = requests.post(body, FORM, now, signature);
    HttpResponse<String> again = requests.post(body, FORM, now, signature);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(401);
    responses.await(url);
    // A later request goes through the single worker after anything the replay could have queued.
    String marker = responses.newUrl();
    requests.post(SignedRequests.slashCommand("/sources", "", "C1", "U1", marker), FORM);
    responses.await(marker);
    assertThat(responses.posts(url)).hasSize(1);
  }

  @Test
  void theSameQuestionAskedAgainLaterIsANewRequestAndAnswered() throws Exception {
    String url = responses.newUrl();
    String body = SignedRequests.slashCommand("/sources", "", "C1", "U1", url);
    String now = Long.toString(Instant.now().getEpochSecond());
    String later = Long.toString(Instant.now().getEpochSecond() + 1);

    assertThat(requests.post(body, FORM, now, SignedRequests.sign(SECRET, now, body)).statusCode())
        .isEqualTo(200);
    assertThat(
            requests.post(body, FORM, later, SignedRequests.sign(SECRET, later, body)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void timestampsMoreThanFiveMinutesFromLocalTimeEitherWayAreRefused() throws Exception {
    String aheadUrl = responses.newUrl();
    String aheadBody = SignedRequests.slashCommand("/sources", "", "C1", "U1", aheadUrl);
    String ahead = Long.toString(Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond());
    String behindUrl = responses.newUrl();
    String behindBody = SignedRequests.slashCommand("/sources", "", "C1", "U1", behindUrl);
    String behind = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
    String soonUrl = responses.newUrl();
    String soonBody = SignedRequests.slashCommand("/sources", "", "C1", "U1", soonUrl);
    String soon = Long.toString(Instant.now().plus(Duration.ofMinutes(4)).getEpochSecond());

    assertThat(
            requests
                .post(aheadBody, FORM, ahead, SignedRequests.sign(SECRET, ahead, aheadBody))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            requests
                .post(behindBody, FORM, behind, SignedRequests.sign(SECRET, behind, behindBody))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            requests
                .post(soonBody, FORM, soon, SignedRequests.sign(SECRET, soon, soonBody))
                .statusCode())
        .as("a clock a little behind Slack's is within the window")
        .isEqualTo(200);
    responses.await(soonUrl);
    assertThat(responses.posts(aheadUrl)).isEmpty();
    assertThat(responses.posts(behindUrl)).isEmpty();
  }

  @Test
  void httpModeListensOnlyOnTheConfiguredAddress() throws Exception {
    assertThat(slack.httpAddress().getAddress()).isEqualTo(InetAddress.getByName(HOST));
    SignedRequests elsewhere =
        new SignedRequests("http://127.0.0.1:" + slack.httpPort() + "/slack/events", SECRET);

    assertThatThrownBy(() -> elsewhere.post("x", FORM)).isInstanceOf(ConnectException.class);
  }

  @Test
  void rememberedSignaturesAreForgottenOnceTheirWindowCloses() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    RecentSignatures seen = new RecentSignatures(clock);
    Instant windowEnd = clock.instant().plus(SignedRequestCheck.WINDOW);

    assertThat(seen.firstSeen("v0=aa", windowEnd)).isTrue();
    assertThat(seen.firstSeen("v0=aa", windowEnd)).isFalse();
    clock.advance(Duration.ofMinutes(6));
    assertThat(seen.firstSeen("v0=bb", clock.instant().plus(SignedRequestCheck.WINDOW))).isTrue();
    assertThat(seen.size()).isEqualTo(1);
  }

  @Test
  void theCheckRefusesFutureStaleForgedAndReplayedRequestsByItsClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    SignedRequestCheck check = new SignedRequestCheck(SECRET, clock, new RecentSignatures(clock));
    long now = clock.instant().getEpochSecond();
    String fresh = Long.toString(now);
    String future = Long.toString(now + 301);

    assertThat(check.refusal(future, SignedRequests.sign(SECRET, future, "b"), "b")).isPresent();
    assertThat(check.refusal(fresh, SignedRequests.sign("other", fresh, "b"), "b")).isPresent();
    assertThat(check.refusal(fresh, SignedRequests.sign(SECRET, fresh, "b"), "b")).isEmpty();
    assertThat(check.refusal(fresh, SignedRequests.sign(SECRET, fresh, "b"), "b"))
        .contains("replayed");
    assertThat(check.refusal(null, null, "b")).isPresent();
    assertThat(check.refusal("soon", "v0=00", "b")).isPresent();
  }
}
