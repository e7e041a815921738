package readingroom.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the Slack Web API, on loopback: answers {@code auth.test}, {@code
 * apps.connections.open}, {@code chat.postMessage} and {@code chat.postEphemeral} as Slack does,
 * and records every call it gets. Responses can be scripted per method (e.g. a 429). For the OAuth
 * install flow it plays Slack's consent page ({@link #approve}: a one-time code) and {@code
 * oauth.v2.access} (the code and the app's client credentials for a new bot token of that
 * workspace); tokens it minted answer {@code auth.test} with their own workspace, and stop working
 * once {@link #uninstall uninstalled}.
 */
final class SlackApiStandIn implements AutoCloseable {

  static final String BOT_USER = "UBOT";
  static final String TEAM = "T0TEST";
  static final String REFUSED_TOKEN = "xoxb-refused";

  /** One call as received: the method, its form parameters and the bearer token. */
  record Call(String method, Map<String, String> params, String token) {
    JsonNode blocks() {
      try {
        return new ObjectMapper().readTree(params.getOrDefault("blocks", "[]"));
      } catch (IOException e) {
        throw new AssertionError("blocks is not JSON: " + params.get("blocks"), e);
      }
    }
  }

  /** A scripted answer. */
  record Scripted(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Queue<Scripted>> scripts = new ConcurrentHashMap<>();
  private volatile String socketUrl = "ws://127.0.0.1:1/unset";

  /** A message posted with {@code chat.postMessage}, as {@code conversations.history} shows it. */
  record Posted(String channel, String ts, String text, JsonNode metadata) {}

  private final List<Posted> posted = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong tsSequence =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile java.time.Clock clock = java.time.Clock.systemUTC();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> late =
      new ConcurrentHashMap<>();
  private volatile long lateMillis;
  private final Object arrived = new Object();

  SlackApiStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/api/", this::handle);
    server.createContext("/files-pri/", this::serveFile);
    server.start();
  }

  /** The prefix to configure as the Web API URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  void socketModeUrl(String url) {
    this.socketUrl = url;
  }

  /** The next call of {@code method} gets this answer instead of the usual one. */
  void script(String method, Scripted answer) {
    scripts.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(answer);
  }

  /** Message timestamps ({@code ts}) follow this clock from now on. */
  void clock(java.time.Clock clock) {
    this.clock = clock;
  }

  /**
   * The next {@code count} calls of {@code method} are carried out at once but answered only after
   * {@code delay}, as a slow Slack does: the client may give up on a post that was made.
   */
  void answerLate(String method, int count, java.time.Duration delay) {
    lateMillis = delay.toMillis();
    late.put(method, new java.util.concurrent.atomic.AtomicInteger(count));
  }

  /** The messages posted in {@code channel}, oldest first. */
  List<Posted> messagesIn(String channel) {
    return posted.stream().filter(p -> p.channel().equals(channel)).toList();
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  List<Call> allCalls() {
    return List.copyOf(calls);
  }

  /** Waits until {@code count} calls of {@code method} have arrived, and returns them. */
  List<Call> await(String method, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    synchronized (arrived) {
      while (calls(method).size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected " + count + " " + method + " call(s), got " + calls(method));
        }
        arrived.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }
    return calls(method);
  }

  void clear() {
    calls.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    java.util.concurrent.atomic.AtomicInteger slow = late.get(path.substring("/api/".length()));
    if (slow != null && slow.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      // Answered from another thread, so the calls after it are not held up behind it.
      byte[] body = exchange.getRequestBody().readAllBytes();
      Thread.ofPlatform()
          .daemon()
          .name("slack-stand-in-late")
          .start(() -> {
            try {
              answer(exchange, new String(body, StandardCharsets.UTF_8), lateMillis);
            } catch (IOException | InterruptedException e) {
              exchange.close();
            }
          });
      return;
    }
    try {
      answer(
          exchange,
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Carries out the call, then waits {@code lateMillis} before answering. */
  private void answer(HttpExchange exchange, String body, long lateMillis)
      throws IOException, InterruptedException {
    try (exchange) {
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Map<String, String> params = form(body);
      String token =
          auth != null && auth.startsWith("Bearer ")
              ? auth.substring("Bearer ".length())
              : params.get("token");
      Queue<Scripted> script = scripts.get(method);
      Scripted scripted = script == null ? null : script.poll();
      Scripted answer = scripted != null ? scripted : answer(method, token, params, auth);
      calls.add(new Call(method, params, token));
      synchronized (arrived) {
        arrived.notifyAll();
      }
      Thread.sleep(lateMillis);
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  /** The one user {@code users.info} reports as a workspace admin. */
  static final String WORKSPACE_ADMIN = "UWSADMIN";

  private Scripted answer(
      String method, String token, Map<String, String> params, String authorization) {
    if (method.equals("oauth.v2.access")) {
      return oauthV2Access(params, authorization);
    }
    if (REFUSED_TOKEN.equals(token) || token == null || token.isBlank()) {
      return ok("{\"ok\":false,\"error\":\"invalid_auth\"}");
    }
    if (revoked.contains(token)) {
      return ok("{\"ok\":false,\"error\":\"token_revoked\"}");
    }
    String team = minted.getOrDefault(token, TEAM);
    return switch (method) {
      case "auth.test" ->
          ok(
              "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"readingroom\","
                  + "\"team_id\":\""
                  + team
                  + "\",\"user_id\":\""
                  + botUser(team)
                  + "\",\"bot_id\":\"B"
                  + team
                  + "\"}");
      case "apps.connections.open" ->
          token.startsWith("xapp-")
              ? ok("{\"ok\":true,\"url\":\"" + socketUrl + "\"}")
              : ok("{\"ok\":false,\"error\":\"not_allowed_token_type\"}");
      case "chat.postMessage" -> {
        String ts = nextTs();
        posted.add(
            new Posted(
                params.get("channel"), ts, params.get("text"), json(params.get("metadata"))));
        yield ok(
            "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + ts + "\"}");
      }
      case "conversations.history" -> history(params);
      case "chat.postEphemeral" -> ok("{\"ok\":true,\"message_ts\":\"1700000100.000300\"}");
      case "users.info" ->
          ok(
              "{\"ok\":true,\"user\":{\"id\":\""
                  + params.get("user")
                  + "\",\"is_admin\":"
                  + WORKSPACE_ADMIN.equals(params.get("user"))
                  + ",\"is_owner\":false}}");
      default -> ok("{\"ok\":false,\"error\":\"unknown_method\"}");
    };
  }

  // ---- the OAuth install flow (issue 14: many workspaces) ----------------------------------

  private volatile String clientId;
  private volatile String clientSecret;

  /** code -> the team and installer it was approved for, until used. */
  private final Map<String, String[]> codes = new ConcurrentHashMap<>();

  /** bot token -> its team, for tokens minted by oauth.v2.access. */
  private final Map<String, String> minted = new ConcurrentHashMap<>();

  private final java.util.Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger serial =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The app's client credentials, which oauth.v2.access requires. */
  void app(String id, String secret) {
    this.clientId = id;
    this.clientSecret = secret;
  }

  /**
   * What Slack's consent page does when {@code installer} of {@code team} allows the app: a code
   * for the redirect, good once.
   */
  String approve(String team, String installer) {
    String code = "code-" + team + "-" + serial.incrementAndGet();
    codes.put(code, new String[] {team, installer});
    return code;
  }

  /** The bot user of an installed workspace ({@link #BOT_USER} for the single test one). */
  static String botUser(String team) {
    return TEAM.equals(team) ? BOT_USER : "UBOT" + team;
  }

  /** The bot tokens minted for {@code team}, oldest first. */
  List<String> tokensOf(String team) {
    return minted.entrySet().stream()
        .filter(e -> e.getValue().equals(team))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** The workspace removes the app: its tokens stop working, as Slack's do. */
  void uninstall(String team) {
    revoked.addAll(tokensOf(team));
  }

  private Scripted oauthV2Access(Map<String, String> params, String authorization) {
    String id = params.get("client_id");
    String secret = params.get("client_secret");
    if (authorization != null && authorization.startsWith("Basic ")) {
      String[] pair =
          new String(
                  java.util.Base64.getDecoder().decode(authorization.substring(6)),
                  StandardCharsets.UTF_8)
              .split(":", 2);
      id = pair[0];
      secret = pair.length > 1 ? pair[1] : null;
    }
    if (clientId == null || !clientId.equals(id)) {
      return ok("{\"ok\":false,\"error\":\"invalid_client_id\"}");
    }
    if (!clientSecret.equals(secret)) {
      return ok("{\"ok\":false,\"error\":\"bad_client_secret\"}");
    }
    String[] approved = codes.remove(String.valueOf(params.get("code")));
    if (approved == null) {
      return ok("{\"ok\":false,\"error\":\"invalid_code\"}");
    }
    String team = approved[0];
    String token = "xoxb-" + team + "-" + serial.incrementAndGet() + "-secretpart";
    minted.put(token, team);
    return ok(
        "{\"ok\":true,\"app_id\":\"A0TEST\",\"authed_user\":{\"id\":\""
            + approved[1]
            + "\"},\"scope\":\"commands,chat:write,app_mentions:read,users:read\","
            + "\"token_type\":\"bot\",\"access_token\":\""
            + token
            + "\",\"bot_user_id\":\""
            + botUser(team)
            + "\",\"team\":{\"id\":\""
            + team
            + "\",\"name\":\"Team "
            + team
            + "\"},\"enterprise\":null,\"is_enterprise_install\":false}");
  }

  /** Slack's {@code ts}: seconds since the epoch and a unique six-digit part. */
  private String nextTs() {
    return clock.instant().getEpochSecond()
        + "."
        + String.format("%06d", tsSequence.incrementAndGet() % 1_000_000);
  }

  private static JsonNode json(String text) {
    try {
      return text == null || text.isEmpty() ? null : new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("metadata is not JSON: " + text, e);
    }
  }

  /**
   * {@code conversations.history}: the channel's messages after {@code oldest}, newest first, with
   * their metadata only when {@code include_all_metadata} asks for it; one page.
   */
  private Scripted history(Map<String, String> params) {
    double oldest = Double.parseDouble(params.getOrDefault("oldest", "0"));
    // Slack reads a boolean form field as 1 or true; the Java client sends 1.
    String all = params.getOrDefault("include_all_metadata", "");
    boolean metadata = all.equals("1") || all.equals("true");
    var mapper = new ObjectMapper();
    var root = mapper.createObjectNode().put("ok", true);
    var messages = root.putArray("messages");
    List<Posted> in = new ArrayList<>(messagesIn(params.get("channel")));
    java.util.Collections.reverse(in);
    for (Posted p : in) {
      if (Double.parseDouble(p.ts()) <= oldest) {
        continue;
      }
      var m =
          messages
              .addObject()
              .put("type", "message")
              .put("user", BOT_USER)
              .put("bot_id", "BBOT")
              .put("text", p.text())
              .put("ts", p.ts());
      if (metadata && p.metadata() != null) {
        m.set("metadata", p.metadata());
      }
    }
    root.put("has_more", false);
    root.putObject("response_metadata").put("next_cursor", "");
    return ok(root.toString());
  }

  static Scripted ok(String body) {
    return new Scripted(200, Map.of(), body);
  }

  static Scripted rateLimited(int retryAfterSeconds) {
    return new Scripted(
        429,
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
        "{\"ok\":false,\"error\":\"ratelimited\"}");
  }

  static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ---- files (issue 12: "@Reading Room add" with files attached) ---------------------------

  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  /** The bearer token of each file download, in order ("" for none). */
  final List<String> fileDownloadTokens = new CopyOnWriteArrayList<>();

  /** A file a user uploaded; returns its {@code url_private}, served only with a bot token. */
  String uploadFile(String name, byte[] content) {
    String path = "/files-pri/" + TEAM + "-F" + files.size() + "/" + name;
    files.put(path, content);
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void serveFile(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
      fileDownloadTokens.add(token);
      byte[] content = files.get(exchange.getRequestURI().getPath());
      if (!token.startsWith("xoxb-") || REFUSED_TOKEN.equals(token)) {
        // Slack answers a download without a valid token with its sign-in page.
        byte[] page = "<html>sign in to Slack</html>".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(403, page.length);
        exchange.getResponseBody().write(page);
        return;
      }
      if (content == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, content.length);
      exchange.getResponseBody().write(content);
    }
  }

  /** All texts of all calls, for "nothing pings" checks. */
  List<String> everythingSent() {
    List<String> out = new ArrayList<>();
    for (Call call : calls) {
      out.addAll(call.params().values());
    }
    return out;
  }
}
