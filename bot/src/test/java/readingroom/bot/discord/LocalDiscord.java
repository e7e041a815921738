package readingroom.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A small Discord on loopback for tests: the REST API under {@code /api/v10/} (JDK HTTP server) and
 * the gateway (a WebSocket server), with one server ("guild"), five text channels, one user and the
 * bot. It records every REST call the bot makes, so tests assert on what was actually sent, and it
 * plays users: slash commands, autocomplete, button clicks and mentions.
 *
 * <p>It implements only what JDA needs to log in and to serve Reading Room, the way Discord answers
 * it: HELLO, heartbeat ACKs, READY, GUILD_CREATE, INTERACTION_CREATE, MESSAGE_CREATE, and the REST
 * routes for commands, interaction callbacks, webhook edits, threads and messages. It serves
 * several shards as Discord does: {@code GET /gateway/bot} recommends a number, each connection's
 * IDENTIFY names its shard, and the server's events go to the shard that holds it.
 */
final class LocalDiscord implements AutoCloseable {

  static final long DISCORD_EPOCH = 1420070400000L;
  static final String TOKEN = "local-discord-bot-token";

  /** A call the bot made to the REST API. */
  record Call(String method, String path, String query, JsonNode body, long nanos) {
    @Override
    public String toString() {
      return method + " " + path + (query == null ? "" : "?" + query) + " " + body;
    }
  }

  /** An interaction sent to the bot: its id and token address its callback and webhook. */
  record Sent(String id, String token, long nanos) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final AtomicLong sequence = new AtomicLong();

  /** Ids and timestamps come from this clock (declared first: the ids below use it). */
  private volatile java.time.Clock clock = java.time.Clock.systemUTC();

  final String botId = snowflake();
  final String applicationId = botId;
  final String guildId = snowflake();
  final String botRoleId = snowflake();
  final String channelId = snowflake();

  /** A channel where the bot may not create threads. */
  final String noThreadsChannelId = snowflake();

  /** Channels for tests that make posting fail ({@link #refusePostsIn}); fine until then. */
  final String goneChannelId = snowflake();

  final String lockedChannelId = snowflake();

  /** A channel whose overwrite for the test user alone denies Manage Channels, role or not. */
  final String memberDeniedChannelId = snowflake();

  /** A channel whose overwrite for the test user alone grants Manage Channels. */
  final String memberGrantedChannelId = snowflake();

  /** A channel where the bot's role may read but not send messages. */
  final String readOnlyChannelId = snowflake();

  final String userId = snowflake();

  /** The server's owner, who takes no part: owners may do anything. */
  final String ownerId = snowflake();

  final String moderatorRoleId = snowflake();

  private static final long EVERYONE =
      Permission.getRaw(
          Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_HISTORY);
  private static final long MODERATOR = Permission.MANAGE_CHANNEL.getRawValue();

  private final HttpServer rest;
  private final Gateway gateway;
  private final List<Call> calls = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition called = lock.newCondition();
  private final Map<String, ObjectNode> originals = new ConcurrentHashMap<>();
  private final Map<String, Boolean> ephemeral = new ConcurrentHashMap<>();

  /** Threads the bot opened, by the id of the message they were opened on. */
  private final Map<String, String> threads = new ConcurrentHashMap<>();

  /** The parent channel of each thread users posted in, by thread id. */
  private final Map<String, String> threadParents = new ConcurrentHashMap<>();

  /** Error answers to messages posted in a channel, by channel id. */
  private final Map<String, Answer> refusedPosts = new ConcurrentHashMap<>();

  /** The bot's messages in each channel, oldest first, for {@code GET channels/{id}/messages}. */
  private final Map<String, List<ObjectNode>> channelMessages = new ConcurrentHashMap<>();

  /** The bot's messages by nonce, with when they were created, as {@code enforce_nonce} checks. */
  private final Map<String, ObjectNode> byNonce = new ConcurrentHashMap<>();

  private final Map<String, Instant> nonceAt = new ConcurrentHashMap<>();

  /** How long Discord remembers a nonce: "the past few minutes". */
  static final Duration NONCE_WINDOW = Duration.ofMinutes(3);

  private final java.util.concurrent.atomic.AtomicInteger slowPosts =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Duration slowBy = Duration.ZERO;
  private volatile Pattern slowPath = CHANNEL_MESSAGES;
  private volatile String validToken = TOKEN;
  private volatile int recommendedShards = 1;
  private volatile boolean refuseThreads;

  LocalDiscord() throws IOException, InterruptedException {
    rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    rest.createContext("/api/v10/", this::handle);
    rest.createContext("/attachments/", this::serveAttachment);
    rest.setExecutor(Executors.newFixedThreadPool(4, r -> daemon(r, "local-discord-rest")));
    rest.start();
    gateway = new Gateway();
    gateway.start();
    gateway.started.await(10, TimeUnit.SECONDS);
  }

  String restUrl() {
    return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
  }

  String gatewayUrl() {
    return "ws://127.0.0.1:" + gateway.getPort() + "/";
  }

  /** What {@code GET /gateway/bot} recommends as the bot's number of shards. */
  void recommendShards(int shards) {
    recommendedShards = shards;
  }

  /** The {@code [shard_id, num_shards]} of each IDENTIFY, in order. */
  List<List<Integer>> identifies() {
    return List.copyOf(gateway.identifies);
  }

  /** The shard Discord would send this server's events to, out of {@code total}. */
  int guildShard(int total) {
    return (int) ((Long.parseUnsignedLong(guildId) >>> 22) % total);
  }

  /** From now on, only this token is accepted (others get 401 and close code 4004). */
  void acceptOnly(String token) {
    validToken = token;
  }

  /**
   * From now on, messages posted in {@code channel} get this error, as Discord answers after the
   * channel was deleted (404, 10003 Unknown Channel) or the bot lost access to it (403, 50001
   * Missing Access) while the bot's cache still shows it.
   */
  void refusePostsIn(String channel, int status, int code, String message) {
    refusedPosts.put(channel, new Answer(status, error(message, code)));
  }

  /** Message ids, timestamps and the nonce window follow this clock from now on. */
  void clock(java.time.Clock clock) {
    this.clock = clock;
  }

  /**
   * The next {@code count} messages posted to channels are accepted at once but answered only after
   * {@code delay}, as a slow Discord does: the client may give up on a post that was made.
   */
  void answerPostsLate(int count, Duration delay) {
    answerLate(CHANNEL_MESSAGES, count, delay);
  }

  /**
   * The next {@code count} interaction callbacks (a deferral, a reply) are taken at once but
   * acknowledged only after {@code delay}: JDA holds a hook's edits until then.
   */
  void answerCallbacksLate(int count, Duration delay) {
    answerLate(CALLBACK, count, delay);
  }

  private void answerLate(Pattern path, int count, Duration delay) {
    slowPath = path;
    slowBy = delay;
    slowPosts.set(count);
  }

  /** The messages the bot has in a channel, oldest first (each nonce once, as Discord keeps). */
  List<JsonNode> messagesIn(String channel) {
    return List.copyOf(channelMessages.getOrDefault(channel, List.of()));
  }

  /** Whether opening threads fails with "Missing Permissions", as after a role change. */
  void refuseThreads(boolean refuse) {
    refuseThreads = refuse;
  }

  // ---- playing users ------------------------------------------------------------------------

  /** A user runs a slash command; options are name → String or Boolean. */
  Sent slash(String command, Map<String, Object> options) {
    ObjectNode data = NODES.objectNode().put("id", snowflake()).put("name", command).put("type", 1);
    data.set("options", options(options));
    data.put("guild_id", guildId);
    return interact(2, data, channelId, null, false);
  }

  /**
   * A user runs a slash command's sub-command, e.g. {@code /settings visibility}; a moderator holds
   * the role with the Manage Channels permission.
   */
  Sent slash(String command, String subcommand, Map<String, Object> options, boolean moderator) {
    return slashIn(channelId, command, subcommand, options, moderator);
  }

  /** As {@link #slash(String, String, Map, boolean)}, run in {@code channel}. */
  Sent slashIn(
      String channel,
      String command,
      String subcommand,
      Map<String, Object> options,
      boolean moderator) {
    ObjectNode data = NODES.objectNode().put("id", snowflake()).put("name", command).put("type", 1);
    ObjectNode sub = data.putArray("options").addObject().put("name", subcommand).put("type", 1);
    sub.set("options", options(options));
    data.put("guild_id", guildId);
    return interact(2, data, channel, null, moderator);
  }

  private static ArrayNode options(Map<String, Object> options) {
    ArrayNode list = NODES.arrayNode();
    options.forEach((name, value) -> {
      ObjectNode option = list.addObject().put("name", name);
      switch (value) {
        case Boolean b -> option.put("type", 5).put("value", b);
        case Integer i -> option.put("type", 4).put("value", i);
        default -> option.put("type", 3).put("value", String.valueOf(value));
      }
    });
    return list;
  }

  // ---- attachments (issue 12: /add with a file) ---------------------------------------------

  /** Files users attached, served as Discord's CDN serves them, by path. */
  private final Map<String, byte[]> attachments = new ConcurrentHashMap<>();

  /** Downloads of attachments the bot made, by path. */
  final List<String> attachmentDownloads = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * A user runs {@code command} with a file attached as option {@code option}; {@code declaredSize}
   * is what Discord says the file weighs (the bytes served may differ).
   */
  Sent slashWithFile(
      String channel,
      String command,
      String option,
      String fileName,
      byte[] content,
      long declaredSize,
      boolean moderator) {
    String attachmentId = snowflake();
    String path = "/attachments/" + channel + "/" + attachmentId + "/" + fileName;
    attachments.put(path, content);
    String url = "http://127.0.0.1:" + rest.getAddress().getPort() + path;
    ObjectNode data = NODES.objectNode().put("id", snowflake()).put("name", command).put("type", 1);
    data.putArray("options")
        .addObject()
        .put("name", option)
        .put("type", 11)
        .put("value", attachmentId);
    data.putObject("resolved")
        .putObject("attachments")
        .putObject(attachmentId)
        .put("id", attachmentId)
        .put("filename", fileName)
        .put("size", declaredSize)
        .put("url", url)
        .put("proxy_url", url);
    data.put("guild_id", guildId);
    return interact(2, data, channel, null, moderator);
  }

  /** A slash command with options, in {@code channel}, by a moderator or not. */
  Sent slashIn(String channel, String command, Map<String, Object> options, boolean moderator) {
    ObjectNode data = NODES.objectNode().put("id", snowflake()).put("name", command).put("type", 1);
    data.set("options", options(options));
    data.put("guild_id", guildId);
    return interact(2, data, channel, null, moderator);
  }

  private void serveAttachment(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      attachmentDownloads.add(path);
      byte[] content = attachments.get(path);
      if (content == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, content.length);
      exchange.getResponseBody().write(content);
    }
  }

  /** A user types in an autocompleted option. */
  Sent autocomplete(String command, String option, String typed) {
    ObjectNode data = NODES.objectNode().put("id", snowflake()).put("name", command).put("type", 1);
    data.putArray("options")
        .addObject()
        .put("name", option)
        .put("type", 3)
        .put("value", typed)
        .put("focused", true);
    return interact(4, data, channelId, null, false);
  }

  /** A user clicks a button of a message the bot sent. */
  Sent click(String customId, JsonNode message) {
    ObjectNode data = NODES.objectNode().put("custom_id", customId).put("component_type", 2);
    return interact(3, data, message.path("channel_id").asText(channelId), message, false);
  }

  /** A user posts a message in a channel; a {@code <@bot>} in it mentions the bot. */
  String post(String channel, String content) {
    String id = snowflake();
    ObjectNode message = baseMessage(id, channel, user(userId, "reader", false), content, 0, 0);
    message.put("guild_id", guildId);
    message.set("member", member(List.of()));
    if (content.contains("<@" + botId + ">")) {
      message.withArray("mentions").add(user(botId, "Reading Room", true));
    }
    gateway.dispatch("MESSAGE_CREATE", message);
    return id;
  }

  /**
   * A user posts in a thread on a channel; Discord first tells the bot of the thread
   * (THREAD_CREATE), as it does when it is not yet in the bot's cache.
   */
  String postInThread(String thread, String parent, String content) {
    threadParents.put(thread, parent);
    gateway.dispatch("THREAD_CREATE", thread(thread, parent, "thread").put("newly_created", false));
    return post(thread, content);
  }

  /** A user runs a slash command inside a thread on a channel. */
  Sent slashInThread(String thread, String parent, String command, Map<String, Object> options) {
    threadParents.put(thread, parent);
    gateway.dispatch("THREAD_CREATE", thread(thread, parent, "thread").put("newly_created", false));
    ObjectNode data = NODES.objectNode().put("id", snowflake()).put("name", command).put("type", 1);
    data.set("options", options(options));
    data.put("guild_id", guildId);
    Sent sent = interact(2, data, thread, null, false);
    return sent;
  }

  private Sent interact(
      int type, ObjectNode data, String channel, JsonNode message, boolean moderator) {
    String id = snowflake();
    String token = "interaction-token-" + id;
    ObjectNode interaction =
        NODES
            .objectNode()
            .put("id", id)
            .put("application_id", applicationId)
            .put("type", type)
            .put("token", token)
            .put("version", 1)
            .put("guild_id", guildId)
            .put("channel_id", channel)
            .put("locale", "en-US")
            .put("guild_locale", "en-US")
            .put("app_permissions", Long.toString(Permission.getRaw(InviteUrl.PERMISSIONS)))
            .put("context", 0)
            .put("attachment_size_limit", 10485760);
    interaction.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
    interaction.set(
        "channel",
        threadParents.containsKey(channel)
            ? thread(channel, threadParents.get(channel), "thread")
            : textChannel(channel, channelName(channel)));
    interaction.set(
        "member",
        member(moderator ? List.of(moderatorRoleId) : List.of())
            .put("permissions", Long.toString(resolvedPermissions(channel, moderator))));
    interaction.set("data", data);
    interaction.putArray("entitlements");
    interaction.putObject("authorizing_integration_owners").put("0", guildId);
    if (message != null) {
      interaction.set("message", message);
      // The click's "@original" is the message the button is on.
      originals.put(token, (ObjectNode) message.deepCopy());
    }
    gateway.dispatch("INTERACTION_CREATE", interaction);
    return new Sent(id, token, System.nanoTime());
  }

  // ---- what the bot did ---------------------------------------------------------------------

  List<Call> calls() {
    lock.lock();
    try {
      return List.copyOf(calls);
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the first call (counting from the start) that matches. */
  Call await(Predicate<Call> wanted) throws InterruptedException {
    return await(wanted, Duration.ofSeconds(30));
  }

  Call await(Predicate<Call> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        for (Call call : calls) {
          if (wanted.test(call)) {
            return call;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("No such call within " + timeout + "; calls were:\n" + calls);
        }
        called.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The interaction's callback (ack, defer or reply). */
  Call callbackOf(Sent sent) throws InterruptedException {
    return await(c -> c.method().equals("POST") && c.path().equals(callbackPath(sent)));
  }

  /** The edit of the interaction's original response. */
  Call editOf(Sent sent) throws InterruptedException {
    return await(c -> c.method().equals("PATCH") && c.path().equals(originalPath(sent)));
  }

  String callbackPath(Sent sent) {
    return "interactions/" + sent.id() + "/" + sent.token() + "/callback";
  }

  String originalPath(Sent sent) {
    return "webhooks/" + applicationId + "/" + sent.token() + "/messages/@original";
  }

  /** The interaction's original response as it now stands (after edits), for clicking on. */
  JsonNode original(Sent sent) {
    return originals.get(sent.token());
  }

  /** The thread the bot opened (or tried to open) on a message, if any. */
  String threadOn(String messageId) {
    return threads.get(messageId);
  }

  int indexOf(Call call) {
    lock.lock();
    try {
      return calls.indexOf(call);
    } finally {
      lock.unlock();
    }
  }

  // ---- REST ---------------------------------------------------------------------------------

  private static final Pattern GUILD_COMMANDS =
      Pattern.compile("applications/(\\d+)/guilds/(\\d+)/commands");
  private static final Pattern GLOBAL_COMMANDS = Pattern.compile("applications/(\\d+)/commands");
  private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
  private static final Pattern ORIGINAL =
      Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/@original");
  private static final Pattern FOLLOW_UP = Pattern.compile("webhooks/(\\d+)/([^/]+)");
  private static final Pattern THREAD_FROM_MESSAGE =
      Pattern.compile("channels/(\\d+)/messages/(\\d+)/threads");
  private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");

  /** A status and a JSON body, or none for 204. */
  private record Answer(int status, JsonNode body) {}

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath().substring("/api/v10/".length());
      String query = exchange.getRequestURI().getRawQuery();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = parseBody(exchange.getRequestHeaders().getFirst("Content-Type"), raw);
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Answer answer = route(method, path, query, body, auth);
      // Recorded once the state is updated, so a test that saw the call sees its effects.
      record(new Call(method, path, query, body, System.nanoTime()));
      if (method.equals("POST")
          && slowPath.matcher(path).matches()
          && slowPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        try {
          Thread.sleep(slowBy.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (answer.body() == null) {
        exchange.sendResponseHeaders(answer.status(), -1);
      } else {
        respond(exchange, answer.status(), answer.body());
      }
    }
  }

  private Answer route(String method, String path, String query, JsonNode body, String auth) {
    boolean webhook = path.startsWith("webhooks/") || path.startsWith("interactions/");
    if (!webhook && !("Bot " + validToken).equals(auth)) {
      return new Answer(401, error("401: Unauthorized", 0));
    }
    Matcher m;
    if (method.equals("GET") && path.equals("users/@me")) {
      return new Answer(200, user(botId, "Reading Room", true));
    } else if (method.equals("GET") && path.equals("gateway/bot")) {
      ObjectNode gatewayBot =
          NODES.objectNode().put("url", gatewayUrl()).put("shards", recommendedShards);
      gatewayBot
          .putObject("session_start_limit")
          .put("total", 1000)
          .put("remaining", 1000)
          .put("reset_after", 0)
          .put("max_concurrency", 1);
      return new Answer(200, gatewayBot);
    } else if (method.equals("PUT")
        && (GUILD_COMMANDS.matcher(path).matches() || GLOBAL_COMMANDS.matcher(path).matches())) {
      return new Answer(200, registered(body));
    } else if (method.equals("POST") && (m = CALLBACK.matcher(path)).matches()) {
      callback(m.group(2), body);
      return new Answer(204, null);
    } else if (method.equals("PATCH") && (m = ORIGINAL.matcher(path)).matches()) {
      return new Answer(200, editOriginal(m.group(2), body));
    } else if (method.equals("POST") && (m = FOLLOW_UP.matcher(path)).matches()) {
      return new Answer(200, botMessage(channelId, body, 20));
    } else if (method.equals("POST") && (m = THREAD_FROM_MESSAGE.matcher(path)).matches()) {
      String thread = snowflake();
      threads.put(m.group(2), thread);
      if (refuseThreads || m.group(1).equals(noThreadsChannelId)) {
        return new Answer(403, error("Missing Permissions", 50013));
      }
      return new Answer(201, thread(thread, m.group(1), body.path("name").asText()));
    } else if (method.equals("POST") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
      Answer refused = refusedPosts.get(m.group(1));
      if (refused != null) {
        return refused;
      }
      return new Answer(200, postInChannel(m.group(1), body));
    } else if (method.equals("GET") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
      return new Answer(200, history(m.group(1), query));
    }
    return new Answer(404, error("404: Not Found", 0));
  }

  /**
   * A message posted in a channel. With {@code enforce_nonce}, a nonce the bot used in the past few
   * minutes returns that message and creates none, as Discord does.
   */
  private synchronized ObjectNode postInChannel(String channel, JsonNode body) {
    String nonce = body.path("nonce").asText("");
    Instant now = clock.instant();
    if (body.path("enforce_nonce").asBoolean(false) && !nonce.isEmpty()) {
      Instant at = nonceAt.get(nonce);
      if (at != null && Duration.between(at, now).compareTo(NONCE_WINDOW) < 0) {
        return byNonce.get(nonce);
      }
    }
    boolean reply = body.has("message_reference");
    ObjectNode message = botMessage(channel, body, reply ? 19 : 0);
    if (!nonce.isEmpty()) {
      message.put("nonce", nonce);
      byNonce.put(nonce, message);
      nonceAt.put(nonce, now);
    }
    channelMessages
        .computeIfAbsent(channel, c -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .add(message);
    return message;
  }

  /**
   * {@code GET channels/{id}/messages}: newest first, {@code after} and {@code limit} honoured, and
   * without the nonce, which Discord returns only when the message is created.
   */
  private ArrayNode history(String channel, String query) {
    long after = 0;
    int limit = 50;
    for (String pair : query == null ? new String[0] : query.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals("after")) {
        after = Long.parseUnsignedLong(kv[1]);
      } else if (kv[0].equals("limit")) {
        limit = Integer.parseInt(kv[1]);
      }
    }
    List<ObjectNode> all = new ArrayList<>(channelMessages.getOrDefault(channel, List.of()));
    java.util.Collections.reverse(all);
    ArrayNode out = NODES.arrayNode();
    for (ObjectNode message : all) {
      if (Long.compareUnsigned(Long.parseUnsignedLong(message.path("id").asText()), after) > 0
          && out.size() < limit) {
        ObjectNode copy = message.deepCopy();
        copy.remove("nonce");
        out.add(copy);
      }
    }
    return out;
  }

  private void record(Call call) {
    lock.lock();
    try {
      calls.add(call);
      called.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void callback(String token, JsonNode body) {
    int type = body.path("type").asInt();
    boolean isEphemeral = (body.path("data").path("flags").asInt() & 64) != 0;
    if (type == 4 || type == 5) {
      ephemeral.put(token, isEphemeral);
      ObjectNode message = botMessage(channelId, body.path("data"), 20);
      message.put("flags", isEphemeral ? 64 : 0);
      originals.put(token, message);
    }
  }

  private ObjectNode editOriginal(String token, JsonNode body) {
    ObjectNode message = originals.get(token);
    if (message == null) {
      message = botMessage(channelId, NODES.objectNode(), 20);
    }
    if (body.has("content")) {
      message.put("content", body.get("content").asText());
    }
    for (String field : List.of("embeds", "components")) {
      if (body.has(field)) {
        message.set(field, asDiscordStores(field, body));
      }
    }
    message.put("edited_timestamp", Instant.now().toString());
    originals.put(token, message);
    return message.deepCopy();
  }

  private ArrayNode registered(JsonNode commands) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode command : commands) {
      ObjectNode copy = (ObjectNode) command.deepCopy();
      copy.put("id", snowflake())
          .put("application_id", applicationId)
          .put("version", snowflake())
          .put("guild_id", guildId);
      copy.putIfAbsent("type", NODES.numberNode(1));
      copy.putIfAbsent("options", NODES.arrayNode());
      out.add(copy);
    }
    return out;
  }

  // ---- JSON the way Discord sends it --------------------------------------------------------

  private ObjectNode botMessage(String channel, JsonNode data, int type) {
    ObjectNode message =
        baseMessage(
            snowflake(),
            channel,
            user(botId, "Reading Room", true),
            data.path("content").asText(""),
            type,
            data.path("flags").asInt(0));
    message.set("embeds", asDiscordStores("embeds", data));
    message.set("components", asDiscordStores("components", data));
    if (type == 20) {
      message.put("webhook_id", applicationId).put("application_id", applicationId);
    } else {
      message.put("guild_id", guildId);
    }
    if (data.has("message_reference")) {
      message.set("message_reference", data.get("message_reference").deepCopy());
    }
    return message;
  }

  /**
   * Embeds or components as Discord returns them: embeds get {@code "type": "rich"}, components a
   * numeric {@code id}.
   */
  private static ArrayNode asDiscordStores(String field, JsonNode data) {
    ArrayNode list = data.has(field) ? (ArrayNode) data.get(field).deepCopy() : NODES.arrayNode();
    int[] ids = {0};
    for (JsonNode item : list) {
      if (field.equals("embeds")) {
        ((ObjectNode) item).put("type", "rich");
      } else {
        ((ObjectNode) item).put("id", ++ids[0]);
        for (JsonNode child : item.path("components")) {
          ((ObjectNode) child).put("id", ++ids[0]);
        }
      }
    }
    return list;
  }

  private ObjectNode baseMessage(
      String id, String channel, ObjectNode author, String content, int type, int flags) {
    ObjectNode message =
        NODES
            .objectNode()
            .put("id", id)
            .put("channel_id", channel)
            .put("content", content)
            .put("timestamp", clock.instant().toString())
            .putNull("edited_timestamp")
            .put("tts", false)
            .put("mention_everyone", false)
            .put("pinned", false)
            .put("type", type)
            .put("flags", flags);
    message.set("author", author);
    message.putArray("mentions");
    message.putArray("mention_roles");
    message.putArray("attachments");
    message.putArray("embeds");
    message.putArray("components");
    return message;
  }

  private ObjectNode thread(String id, String parent, String name) {
    ObjectNode thread =
        NODES
            .objectNode()
            .put("id", id)
            .put("guild_id", guildId)
            .put("parent_id", parent)
            .put("owner_id", botId)
            .put("type", 11)
            .put("name", name)
            .putNull("last_message_id")
            .put("message_count", 0)
            .put("member_count", 1)
            .put("total_message_sent", 0)
            .put("rate_limit_per_user", 0)
            .put("flags", 0);
    thread
        .putObject("thread_metadata")
        .put("archived", false)
        .put("auto_archive_duration", 1440)
        .put("archive_timestamp", Instant.now().toString())
        .put("locked", false)
        .put("create_timestamp", Instant.now().toString());
    thread
        .putObject("member")
        .put("id", id)
        .put("user_id", botId)
        .put("join_timestamp", Instant.now().toString())
        .put("flags", 1);
    return thread;
  }

  static ObjectNode user(String id, String name, boolean bot) {
    return NODES
        .objectNode()
        .put("id", id)
        .put("username", name)
        .put("global_name", name)
        .put("discriminator", "0")
        .putNull("avatar")
        .put("bot", bot)
        .put("public_flags", 0);
  }

  private ObjectNode member(List<String> roles) {
    ObjectNode member =
        NODES
            .objectNode()
            .putNull("nick")
            .putNull("avatar")
            .put("joined_at", "2024-01-01T00:00:00.000000+00:00")
            .putNull("premium_since")
            .put("deaf", false)
            .put("mute", false)
            .put("flags", 0)
            .put("pending", false)
            .putNull("communication_disabled_until");
    member.set("user", user(userId, "reader", false));
    ArrayNode roleIds = member.putArray("roles");
    roles.forEach(roleIds::add);
    return member;
  }

  private String channelName(String id) {
    if (id.equals(channelId)) {
      return "general";
    }
    if (id.equals(readOnlyChannelId)) {
      return "read-only";
    }
    if (id.equals(memberDeniedChannelId) || id.equals(memberGrantedChannelId)) {
      return id.equals(memberDeniedChannelId) ? "member-denied" : "member-granted";
    }
    return id.equals(goneChannelId) ? "gone" : id.equals(lockedChannelId) ? "locked" : "quiet";
  }

  /**
   * The user's permissions in {@code channel} as Discord computes them for an interaction's {@code
   * member.permissions}: the roles' permissions, then the channel's overwrite for this member.
   */
  private long resolvedPermissions(String channel, boolean moderator) {
    long permissions = moderator ? MODERATOR | EVERYONE : EVERYONE;
    if (channel.equals(memberDeniedChannelId)) {
      permissions &= ~MODERATOR;
    } else if (channel.equals(memberGrantedChannelId)) {
      permissions |= MODERATOR;
    }
    return permissions;
  }

  private ObjectNode textChannel(String id, String name) {
    ObjectNode channel =
        NODES
            .objectNode()
            .put("id", id)
            .put("type", 0)
            .put("guild_id", guildId)
            .put("name", name)
            .put("position", id.equals(channelId) ? 0 : 1)
            .putNull("parent_id")
            .put("nsfw", false)
            .putNull("topic")
            .putNull("last_message_id")
            .put("rate_limit_per_user", 0)
            .put("flags", 0);
    ArrayNode overwrites = channel.putArray("permission_overwrites");
    if (id.equals(noThreadsChannelId)) {
      overwrites
          .addObject()
          .put("id", botRoleId)
          .put("type", 0)
          .put("allow", "0")
          .put("deny", Long.toString(Permission.CREATE_PUBLIC_THREADS.getRawValue()));
    } else if (id.equals(memberDeniedChannelId) || id.equals(memberGrantedChannelId)) {
      boolean grant = id.equals(memberGrantedChannelId);
      overwrites
          .addObject()
          .put("id", userId)
          .put("type", 1)
          .put("allow", Long.toString(grant ? MODERATOR : 0))
          .put("deny", Long.toString(grant ? 0 : MODERATOR));
    } else if (id.equals(readOnlyChannelId)) {
      overwrites
          .addObject()
          .put("id", botRoleId)
          .put("type", 0)
          .put("allow", "0")
          .put("deny", Long.toString(Permission.MESSAGE_SEND.getRawValue()));
    }
    return channel;
  }

  private ObjectNode role(String id, String name, long permissions, int position, boolean managed) {
    ObjectNode role =
        NODES
            .objectNode()
            .put("id", id)
            .put("name", name)
            .put("color", 0)
            .put("hoist", false)
            .putNull("icon")
            .putNull("unicode_emoji")
            .put("position", position)
            .put("permissions", Long.toString(permissions))
            .put("managed", managed)
            .put("mentionable", false)
            .put("flags", 0);
    role.putObject("colors")
        .put("primary_color", 0)
        .putNull("secondary_color")
        .putNull("tertiary_color");
    if (managed) {
      role.putObject("tags").put("bot_id", botId);
    }
    return role;
  }

  private ObjectNode ready(int shard, int total) {
    ObjectNode ready =
        NODES
            .objectNode()
            .put("v", 10)
            .put("session_id", "local-session")
            .put("resume_gateway_url", gatewayUrl());
    ready.set(
        "user", user(botId, "Reading Room", true).put("verified", true).put("mfa_enabled", false));
    var guilds = ready.putArray("guilds");
    if (guildShard(total) == shard) {
      guilds.addObject().put("id", guildId).put("unavailable", true);
    }
    ready.putArray("private_channels");
    ready.putArray("relationships");
    ready.putArray("presences");
    ready.putArray("guild_join_requests");
    ready.putArray("geo_ordered_rtc_regions");
    ready.putArray("shard").add(shard).add(total);
    ready.putObject("application").put("id", applicationId).put("flags", 0);
    ready.putObject("user_settings");
    ready.putObject("auth");
    return ready;
  }

  private ObjectNode guildCreate() {
    ObjectNode guild =
        NODES
            .objectNode()
            .put("id", guildId)
            .put("name", "Reading Group")
            .putNull("icon")
            .putNull("splash")
            .putNull("discovery_splash")
            .putNull("banner")
            .putNull("description")
            .putNull("vanity_url_code")
            .put("owner_id", ownerId)
            .putNull("afk_channel_id")
            .put("afk_timeout", 300)
            .put("verification_level", 0)
            .put("default_message_notifications", 0)
            .put("explicit_content_filter", 0)
            .put("mfa_level", 0)
            .putNull("application_id")
            .putNull("system_channel_id")
            .put("system_channel_flags", 0)
            .putNull("rules_channel_id")
            .putNull("public_updates_channel_id")
            .putNull("safety_alerts_channel_id")
            .put("premium_tier", 0)
            .put("premium_subscription_count", 0)
            .put("preferred_locale", "en-US")
            .put("nsfw_level", 0)
            .put("premium_progress_bar_enabled", false)
            .put("max_members", 500000)
            .put("max_video_channel_users", 25)
            .put("large", false)
            .put("unavailable", false)
            .put("member_count", 2)
            .put("joined_at", "2024-01-01T00:00:00.000000+00:00");
    guild.putArray("features");
    ArrayNode roles = guild.putArray("roles");
    roles.add(role(guildId, "@everyone", EVERYONE, 0, false));
    roles.add(role(moderatorRoleId, "Moderators", EVERYONE | MODERATOR, 1, false));
    roles.add(role(botRoleId, "Reading Room", Permission.getRaw(InviteUrl.PERMISSIONS), 2, true));
    ArrayNode channels = guild.putArray("channels");
    channels.add(textChannel(channelId, "general"));
    channels.add(textChannel(noThreadsChannelId, "quiet"));
    channels.add(textChannel(goneChannelId, channelName(goneChannelId)));
    channels.add(textChannel(lockedChannelId, channelName(lockedChannelId)));
    channels.add(textChannel(readOnlyChannelId, channelName(readOnlyChannelId)));
    channels.add(textChannel(memberDeniedChannelId, channelName(memberDeniedChannelId)));
    channels.add(textChannel(memberGrantedChannelId, channelName(memberGrantedChannelId)));
    ObjectNode self = member(List.of(botRoleId));
    self.set("user", user(botId, "Reading Room", true));
    guild.putArray("members").add(self);
    guild.putArray("threads");
    guild.putArray("emojis");
    guild.putArray("stickers");
    guild.putArray("voice_states");
    guild.putArray("presences");
    guild.putArray("stage_instances");
    guild.putArray("guild_scheduled_events");
    guild.putArray("soundboard_sounds");
    return guild;
  }

  private static ObjectNode error(String message, int code) {
    return NODES.objectNode().put("message", message).put("code", code);
  }

  private static JsonNode parseBody(String contentType, byte[] raw) {
    if (raw.length == 0) {
      return NODES.nullNode();
    }
    String text = new String(raw, StandardCharsets.UTF_8);
    try {
      if (contentType != null && contentType.startsWith("multipart/form-data")) {
        // JDA sends messages with files as multipart; the message itself is in "payload_json".
        int name = text.indexOf("name=\"payload_json\"");
        int start = text.indexOf("\r\n\r\n", name) + 4;
        int end = text.indexOf("\r\n--", start);
        return JSON.readTree(text.substring(start, end));
      }
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A snowflake id of now, as Discord makes them: JDA judges interaction expiry by it. */
  String snowflake() {
    return Long.toString(
        ((clock.millis() - DISCORD_EPOCH) << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
  }

  private static Thread daemon(Runnable work, String name) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() throws InterruptedException {
    rest.stop(0);
    gateway.stop(1000);
  }

  // ---- gateway ------------------------------------------------------------------------------

  /**
   * Discord's gateway: one connection per shard. IDENTIFY's {@code shard} field says which; the
   * server's events go to the one shard that holds it, as Discord routes them.
   */
  private final class Gateway extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    final List<List<Integer>> identifies = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A connection's shard, once identified. */
    private record Session(int shard, int total, AtomicLong seq) {}

    private final Map<WebSocket, Session> sessions = new ConcurrentHashMap<>();

    Gateway() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      setReuseAddr(true);
      setDaemon(true);
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
      ObjectNode hello = NODES.objectNode().put("op", 10).putNull("s").putNull("t");
      hello.putObject("d").put("heartbeat_interval", 41250);
      socket.send(hello.toString());
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      JsonNode payload;
      try {
        payload = JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      switch (payload.path("op").asInt()) {
        case 1 -> socket.send(NODES.objectNode().put("op", 11).toString());
        case 2 -> {
          String token = payload.path("d").path("token").asText();
          if (!token.equals(validToken) && !token.equals("Bot " + validToken)) {
            socket.close(4004, "Authentication failed.");
            return;
          }
          JsonNode shardField = payload.path("d").path("shard");
          int shard = shardField.isArray() ? shardField.get(0).asInt() : 0;
          int total = shardField.isArray() ? shardField.get(1).asInt() : 1;
          identifies.add(List.of(shard, total));
          Session session = new Session(shard, total, new AtomicLong());
          sessions.put(socket, session);
          send(socket, session, "READY", ready(shard, total));
          if (guildShard(total) == shard) {
            send(socket, session, "GUILD_CREATE", guildCreate());
          }
        }
        default -> {
          // Presence updates and the like: Discord does not answer them either.
        }
      }
    }

    /** Sends an event about the server to the shard that holds it. */
    void dispatch(String type, JsonNode data) {
      for (var entry : sessions.entrySet()) {
        Session session = entry.getValue();
        if (guildShard(session.total()) == session.shard() && entry.getKey().isOpen()) {
          send(entry.getKey(), session, type, data);
          return;
        }
      }
      throw new IllegalStateException("The bot is not connected to the gateway");
    }

    private void send(WebSocket socket, Session session, String type, JsonNode data) {
      ObjectNode event =
          NODES.objectNode().put("op", 0).put("t", type).put("s", session.seq().incrementAndGet());
      event.set("d", data);
      socket.send(event.toString());
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
      sessions.remove(socket);
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
      error.printStackTrace();
    }
  }
}
