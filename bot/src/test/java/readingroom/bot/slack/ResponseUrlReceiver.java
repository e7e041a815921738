package readingroom.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for Slack's {@code response_url}s on loopback: each test request gets its own URL, and
 * every JSON body posted to one is recorded with the URL's id.
 */
final class ResponseUrlReceiver implements AutoCloseable {

  /** One post: which URL, and the JSON body. */
  record Post(String id, JsonNode body, String raw) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Object arrived = new Object();
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  ResponseUrlReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/respond/", this::handle);
    server.start();
  }

  /** A fresh response_url. */
  String newUrl() {
    return url("r" + ids.incrementAndGet());
  }

  String url(String id) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
  }

  static String idOf(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  List<Post> posts(String url) {
    String id = idOf(url);
    return posts.stream().filter(p -> p.id().equals(id)).toList();
  }

  List<Post> allPosts() {
    return List.copyOf(posts);
  }

  /** Waits for the first post to {@code url}. */
  Post await(String url) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    synchronized (arrived) {
      while (posts(url).isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("nothing was posted to " + url);
        }
        arrived.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }
    return posts(url).get(0);
  }

  /** The next post, to any URL, is refused with 429 and this Retry-After (seconds). */
  void rateLimitNext(int retryAfterSeconds) {
    rateLimitNext.set(retryAfterSeconds);
  }

  /** How many posts were refused with 429. */
  int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int retryAfter = rateLimitNext.getAndSet(0);
      if (retryAfter > 0) {
        exchange.getRequestBody().readAllBytes();
        refused.incrementAndGet();
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
        exchange.sendResponseHeaders(429, -1);
        return;
      }
      String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String id = idOf(exchange.getRequestURI().getPath());
      posts.add(new Post(id, JSON.readTree(raw), raw));
      synchronized (arrived) {
        arrived.notifyAll();
      }
      byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
