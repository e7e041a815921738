package readingroom.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: a thin transport from the JDK's HTTP server to the Bolt app, as Bolt's own bolt-jetty
 * is from Jetty. Each request's timestamp, signature and freshness are checked first ({@link
 * SignedRequestCheck}: 401 when any is wrong), then Bolt runs the handlers, which only acknowledge;
 * the answer goes out later on its own. With the OAuth install flow on, the install and redirect
 * paths take a browser's GETs, which Slack does not sign: Bolt checks their state parameter.
 */
final class HttpTransport implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);

  /** Slack's payloads are a few kilobytes; anything far larger is not from Slack. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final App app;
  private final SlackRequestParser parser;
  private final String path;
  private final Set<String> browserPaths;
  private final SignedRequestCheck check;
  private final HttpServer server;
  private final ExecutorService threads;

  /**
   * @param host the address to listen on: 127.0.0.1 behind a proxy on this machine, 0.0.0.0 for
   *     every interface
   */
  HttpTransport(App app, String host, int port, String path, SignedRequestCheck check)
      throws IOException {
    this(app, host, port, path, Set.of(), check);
  }

  /**
   * @param browserPaths the OAuth install and redirect paths, served to browsers without a
   *     signature; empty when the install flow is off
   */
  HttpTransport(
      App app,
      String host,
      int port,
      String path,
      Set<String> browserPaths,
      SignedRequestCheck check)
      throws IOException {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.path = path;
    this.browserPaths = Set.copyOf(browserPaths);
    this.check = check;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    this.threads =
        Executors.newFixedThreadPool(
            4, Thread.ofPlatform().name("slack-http-", 1).daemon().factory());
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  /** The port listened on (the chosen one when configured as 0). */
  int port() {
    return server.getAddress().getPort();
  }

  /** The address listened on. */
  InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (browserPaths.contains(exchange.getRequestURI().getPath())) {
        handleBrowser(exchange);
        return;
      }
      if (!exchange.getRequestURI().getPath().equals(path)) {
        send(exchange, 404, "text/plain", "Not found");
        return;
      }
      if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "POST");
        send(exchange, 405, "text/plain", "Slack requests are POSTs");
        return;
      }
      byte[] bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (bytes.length > MAX_BODY_BYTES) {
        send(exchange, 413, "text/plain", "Request too large");
        return;
      }
      String body = new String(bytes, StandardCharsets.UTF_8);
      Optional<String> refusal =
          check.refusal(
              exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
              exchange.getRequestHeaders().getFirst("X-Slack-Signature"),
              body);
      if (refusal.isPresent()) {
        log.warn(
            "Refused a Slack request from {}: {}",
            exchange.getRemoteAddress().getAddress().getHostAddress(),
            refusal.get());
        send(exchange, 401, "application/json", "{\"error\":\"invalid request\"}");
        return;
      }
      Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
      Response response;
      try {
        // An unparseable body gives a null request, which Bolt answers with 400.
        Request<?> request =
            parser.parse(
                SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(Map.of())
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
        response = app.run(request);
      } catch (Exception e) {
        log.error("Slack request failed in Bolt", e);
        send(exchange, 500, "text/plain", "Internal error");
        return;
      }
      reply(exchange, response);
    }
  }

  /** A browser on the OAuth install or redirect path: Bolt issues or checks the state. */
  private void handleBrowser(HttpExchange exchange) throws IOException {
    if (!"GET".equalsIgnoreCase(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().add("Allow", "GET");
      send(exchange, 405, "text/plain", "Open this address in a browser");
      return;
    }
    Response response;
    try {
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(exchange.getRequestURI().getPath())
                  .queryString(query(exchange.getRequestURI().getRawQuery()))
                  .headers(new RequestHeaders(new HashMap<>(exchange.getRequestHeaders())))
                  .requestBody("")
                  .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                  .build());
      response = app.run(request);
    } catch (Exception e) {
      log.error("Slack OAuth request failed in Bolt", e);
      send(exchange, 500, "text/plain", "Internal error");
      return;
    }
    reply(exchange, response);
  }

  /** A query string's parameters, decoded; values in order. */
  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException malformed) {
        // A broken escape: the parameter is left out, and a missing state is refused.
      }
    }
    return params;
  }

  private static void reply(HttpExchange exchange, Response response) throws IOException {
    response
        .getHeaders()
        .forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    send(
        exchange,
        response.getStatusCode(),
        response.getContentType(),
        response.getBody() == null ? "" : response.getBody());
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(1);
    threads.shutdown();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
