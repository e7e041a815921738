package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static readingroom.bot.slack.SignedRequests.FORM;
import static readingroom.bot.slack.SignedRequests.JSON_TYPE;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.Secrets;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.digest.DigestSlot;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;

/**
 * Slack's OAuth install flow end to end in HTTP mode: browsers start installs at {@code
 * /slack/install}, the stand-in plays Slack's consent page and {@code oauth.v2.access}, the
 * redirect stores each workspace's installation (encrypted) in a real SQLite state database, and
 * signed requests from each workspace are answered with that workspace's own bot token, until it
 * uninstalls the app. All on loopback, through the real Bolt app and HTTP transport.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackOAuthTest {

  static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String CLIENT_ID = "1111.2222";
  static final String CLIENT_SECRET = "client-secret-from-basic-information";
  static final String QUESTION = "why did russia invite the taliban to moscow?";
  static final String TEAM_A = "T0AAAAAAA";
  static final String TEAM_B = "T0BBBBBBB";
  static final String COOKIE = "slack-app-oauth-state";

  @TempDir static Path folder;

  static Engine engine;
  static StateDatabase database;
  static SlackApiStandIn api;
  static ResponseUrlReceiver responses;
  static SlackPlatform slack;
  static SignedRequests requests;
  static String base;
  static final MutableClock clock = new MutableClock(Instant.now());
  static final List<Duration> pauses = new CopyOnWriteArrayList<>();
  static final HttpClient browser =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void start() throws Exception {
    engine = SharedEngine.get();
    database = StateDatabase.open(folder.resolve("state.db"));
    api = new SlackApiStandIn();
    api.app(CLIENT_ID, CLIENT_SECRET);
    responses = new ResponseUrlReceiver();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Secrets secrets =
        new Secrets(
            Map.of(
                Secrets.SLACK_SIGNING_SECRET, SIGNING_SECRET,
                Secrets.SLACK_CLIENT_SECRET, CLIENT_SECRET,
                Secrets.SLACK_TOKEN_KEY, Base64.getEncoder().encodeToString(key)));
    SlackSettings settings =
        new SlackSettings(SlackSettings.Mode.HTTP, 0, "/slack/events", api.url(), false, List.of())
            .withOAuth(
                new SlackSettings.OAuth(
                    CLIENT_ID,
                    "app_mentions:read,chat:write,commands,users:read",
                    "",
                    "/slack/install",
                    "/slack/oauth_redirect",
                    ""));
    slack =
        SlackPlatform.create(
            settings,
            secrets,
            database,
            new ChatCommands(engine, 3),
            new RecordingFeedback(),
            clock,
            pauses::add,
            1);
    slack.start();
    base = "http://127.0.0.1:" + slack.httpPort();
    requests = new SignedRequests(base + "/slack/events", SIGNING_SECRET);
  }

  @AfterAll
  static void stop() {
    if (slack != null) {
      slack.close();
    }
    if (database != null) {
      database.close();
    }
    if (api != null) {
      api.close();
    }
    if (responses != null) {
      responses.close();
    }
  }

  @BeforeEach
  void now() {
    clock.set(Instant.now());
    api.clear();
  }

  /** An install link's state, and the cookie the browser got with it. */
  record Started(String state, String cookie, String location) {}

  static Started startInstall() throws Exception {
    HttpResponse<String> response =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/slack/install")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("straight on to Slack's consent page").isEqualTo(302);
    String location = response.headers().firstValue("Location").orElseThrow();
    String state = parameter(location, "state");
    String cookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(COOKIE + "="))
            .map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    return new Started(state, cookie, location);
  }

  static HttpResponse<String> redirect(String code, String state, String cookie) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(
                URI.create(base + "/slack/oauth_redirect?code=" + code + "&state=" + state))
            .header("Cookie", COOKIE + "=" + cookie)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String install(String team, String installer) throws Exception {
    Started started = startInstall();
    HttpResponse<String> done =
        redirect(api.approve(team, installer), started.state(), started.cookie());
    assertThat(done.statusCode()).as("the install succeeded: %s", done.body()).isEqualTo(200);
    List<String> tokens = api.tokensOf(team);
    return tokens.get(tokens.size() - 1);
  }

  static String parameter(String url, String name) {
    String query = URI.create(url).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(name + " not in " + url);
  }

  static int installations() {
    return database.read(c -> {
      try (Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM slack_installations")) {
        rows.next();
        return rows.getInt(1);
      }
    });
  }

  @Test
  @Order(1)
  void theInstallLinkSendsTheBrowserToSlackWithTheAppsScopesAndAStateInItsCookie()
      throws Exception {
    Started started = startInstall();
    assertThat(started.location()).startsWith("https://slack.com/oauth/v2/authorize?");
    assertThat(parameter(started.location(), "client_id")).isEqualTo(CLIENT_ID);
    assertThat(parameter(started.location(), "scope"))
        .isEqualTo("app_mentions:read,chat:write,commands,users:read");
    assertThat(started.state()).isNotBlank().isEqualTo(started.cookie());
  }

  @Test
  @Order(2)
  void twoWorkspacesInstallAndEachIsAnsweredWithItsOwnToken() throws Exception {
    String tokenA = install(TEAM_A, "UINSTALLA");
    String tokenB = install(TEAM_B, "UINSTALLB");
    assertThat(tokenA).isNotEqualTo(tokenB);
    assertThat(api.calls("oauth.v2.access")).hasSize(2);
    assertThat(installations()).isEqualTo(2);

    // A mention in each workspace: answered with chat.postMessage, with that workspace's token.
    requests.post(
        SignedRequests.eventCallback(
            TEAM_A,
            "Ev0A1",
            SignedRequests.mention(
                "CA1", "UA1", "<@" + SlackApiStandIn.botUser(TEAM_A) + "> " + QUESTION, "1.1")),
        JSON_TYPE);
    SlackApiStandIn.Call inA = api.await("chat.postMessage", 1).get(0);
    assertThat(inA.params().get("channel")).isEqualTo("CA1");
    assertThat(inA.token()).isEqualTo(tokenA);

    requests.post(
        SignedRequests.eventCallback(
            TEAM_B,
            "Ev0B1",
            SignedRequests.mention(
                "CB1", "UB1", "<@" + SlackApiStandIn.botUser(TEAM_B) + "> " + QUESTION, "2.1")),
        JSON_TYPE);
    SlackApiStandIn.Call inB = api.await("chat.postMessage", 2).get(1);
    assertThat(inB.params().get("channel")).isEqualTo("CB1");
    assertThat(inB.token()).isEqualTo(tokenB);

    // A slash command in each: authorized and its asker checked (users.info) with its own token,
    // and answered at its response_url.
    for (String[] each : List.of(new String[] {TEAM_A, tokenA}, new String[] {TEAM_B, tokenB})) {
      api.clear();
      String url = responses.newUrl();
      HttpResponse<String> ack =
          requests.post(
              SignedRequests.slashCommand(each[0], "/ask", QUESTION, "C" + each[0], "U1", url),
              FORM);
      assertThat(ack.statusCode()).isEqualTo(200);
      assertThat(responses.await(url).body().get("blocks")).isNotEmpty();
      assertThat(api.calls("users.info"))
          .isNotEmpty()
          .allSatisfy(call -> assertThat(call.token()).isEqualTo(each[1]));
      assertThat(api.calls("auth.test"))
          .isNotEmpty()
          .allSatisfy(call -> assertThat(call.token()).isEqualTo(each[1]));
    }
  }

  @Test
  @Order(3)
  void tokensInTheDatabaseAreNotPlainText() throws Exception {
    List<String> stored = new ArrayList<>();
    database.read(c -> {
      try (Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT * FROM slack_installations")) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int i = 1; i <= columns; i++) {
            stored.add(String.valueOf(rows.getString(i)));
          }
        }
      }
      return null;
    });
    List<String> tokens = new ArrayList<>(api.tokensOf(TEAM_A));
    tokens.addAll(api.tokensOf(TEAM_B));
    assertThat(tokens).hasSize(2);
    assertThat(stored).contains(TEAM_A, TEAM_B, "UINSTALLA", "UINSTALLB");
    for (String token : tokens) {
      assertThat(stored).noneSatisfy(value -> assertThat(value).contains("secretpart"));
      assertThat(String.join("\n", stored)).doesNotContain(token).doesNotContain("xoxb-");
    }
    // The database's files hold no token either (its pages, the WAL included).
    StringBuilder onDisk = new StringBuilder();
    for (String name : List.of("state.db", "state.db-wal")) {
      Path file = folder.resolve(name);
      if (java.nio.file.Files.exists(file)) {
        onDisk.append(
            new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(onDisk.toString()).contains("v1:").doesNotContain("xoxb-");
  }

  @Test
  @Order(4)
  void aTamperedStateIsRefusedAndNothingIsInstalled() throws Exception {
    int before = installations();
    Started started = startInstall();
    String code = api.approve("T0EVIL", "UEVIL");

    // The state changed on the way (the cookie still holds the issued one).
    HttpResponse<String> changed = redirect(code, started.state() + "x", started.cookie());
    // A state and cookie made up together: never issued by the bot.
    HttpResponse<String> forged = redirect(code, "made-up-state", "made-up-state");
    // No cookie at all: the redirect did not come back to the browser that started.
    HttpResponse<String> noCookie =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base + "/slack/oauth_redirect?code=" + code + "&state=" + started.state()))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    for (HttpResponse<String> refused : List.of(changed, forged, noCookie)) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("expired or was already used", "/slack/install");
    }
    assertThat(api.calls("oauth.v2.access")).as("no code was traded for a token").isEmpty();
    assertThat(installations()).isEqualTo(before);
  }

  @Test
  @Order(5)
  void aReplayedRedirectIsRefused() throws Exception {
    Started started = startInstall();
    assertThat(
            redirect(api.approve(TEAM_A, "UINSTALLA"), started.state(), started.cookie())
                .statusCode())
        .isEqualTo(200);
    api.clear();

    HttpResponse<String> again =
        redirect(api.approve(TEAM_A, "UINSTALLA"), started.state(), started.cookie());

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(api.calls("oauth.v2.access")).isEmpty();
  }

  @Test
  @Order(6)
  void anExpiredStateIsRefused() throws Exception {
    Started started = startInstall();
    clock.advance(SlackPlatform.OAUTH_STATE_LIFETIME.plusSeconds(1));

    HttpResponse<String> late =
        redirect(api.approve(TEAM_B, "UINSTALLB"), started.state(), started.cookie());

    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(api.calls("oauth.v2.access")).isEmpty();
  }

  @Test
  @Order(7)
  void aDigestIsPostedWithItsChannelsWorkspaceToken() throws Exception {
    DigestPoster poster = slack.digestPosters().get(Platform.SLACK);
    Reply.DigestReply digest =
        new Reply.DigestReply("Today in the reading list", List.of(), 0, null, List.of(), false);

    poster.post(
        new DigestSlot(
            new ChannelKey(Platform.SLACK, TEAM_B, "CB9"), java.time.LocalDate.of(2026, 12, 1)),
        digest);

    SlackApiStandIn.Call post = api.await("chat.postMessage", 1).get(0);
    assertThat(post.params().get("channel")).isEqualTo("CB9");
    assertThat(post.token()).isEqualTo(api.tokensOf(TEAM_B).get(api.tokensOf(TEAM_B).size() - 1));
    // A workspace that never installed the app: the channel's digest pauses.
    assertThatThrownBy(() ->
            poster.post(
                new DigestSlot(
                    new ChannelKey(Platform.SLACK, "T0NEVER", "C1"),
                    java.time.LocalDate.of(2026, 12, 1)),
                digest))
        .isInstanceOf(DigestPoster.ChannelUnreachableException.class);
  }

  @Test
  @Order(8)
  void anUninstalledWorkspaceGetsNoMoreAnswersWhileTheOtherStillDoes() throws Exception {
    String oldTokenB = api.tokensOf(TEAM_B).get(api.tokensOf(TEAM_B).size() - 1);
    api.uninstall(TEAM_B);
    HttpResponse<String> ack =
        requests.post(
            SignedRequests.eventCallback(TEAM_B, "Ev0BUN", SignedRequests.appUninstalled()),
            JSON_TYPE);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(installations()).isEqualTo(1);

    HttpResponse<String> later =
        requests.post(
            SignedRequests.eventCallback(
                TEAM_B,
                "Ev0B2",
                SignedRequests.mention("CB1", "UB1", "<@UBOTT0BBBBBBB> " + QUESTION, "2.2")),
            JSON_TYPE);
    assertThat(later.statusCode()).as("an unknown workspace is refused").isEqualTo(401);

    // Team A still answered; by then B's event, had it been taken, would have been answered too.
    requests.post(
        SignedRequests.eventCallback(
            TEAM_A,
            "Ev0A2",
            SignedRequests.mention("CA1", "UA1", "<@UBOTT0AAAAAAA> " + QUESTION, "1.2")),
        JSON_TYPE);
    assertThat(api.await("chat.postMessage", 1).get(0).params().get("channel")).isEqualTo("CA1");
    TimeUnit.MILLISECONDS.sleep(300);
    assertThat(api.allCalls())
        .as("nothing is sent with the uninstalled workspace's token")
        .noneSatisfy(call -> assertThat(call.token()).isEqualTo(oldTokenB));
    assertThat(api.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  @Order(9)
  void revokedBotTokensRemoveTheInstallation() throws Exception {
    api.uninstall(TEAM_A);
    requests.post(
        SignedRequests.eventCallback(
            TEAM_A,
            "Ev0AREV",
            SignedRequests.tokensRevoked(List.of(SlackApiStandIn.botUser(TEAM_A)), List.of())),
        JSON_TYPE);
    assertThat(installations()).isZero();

    String url = responses.newUrl();
    requests.post(SignedRequests.slashCommand(TEAM_A, "/ask", QUESTION, "CA1", "UA1", url), FORM);
    assertThat(api.calls("users.info")).isEmpty();
    assertThat(api.calls("chat.postMessage")).isEmpty();
  }
}
