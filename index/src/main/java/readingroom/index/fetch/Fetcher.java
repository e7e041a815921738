package readingroom.index.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches pages and feeds as a polite crawler does: it obeys robots.txt for its user agent, waits
 * between requests to one host, gives up on slow hosts, stops reading past a size limit, follows a
 * few redirects and only to http(s), and sends conditional requests when given validators. Every
 * failure is a {@link FetchException} naming the address and the reason.
 */
public final class Fetcher {

  /**
   * Limits of one fetcher.
   *
   * @param userAgent sent with every request and matched against robots.txt groups
   * @param timeout for connecting and for the whole response
   * @param maxBytes the largest body read; a larger one is refused
   * @param maxRedirects redirects followed before giving up
   * @param perHostInterval the least time between two requests to one host
   */
  public record Limits(
      String userAgent,
      Duration timeout,
      long maxBytes,
      int maxRedirects,
      Duration perHostInterval) {

    /** What the bot uses: 10 s, 5 MB, 5 redirects, a second between requests to one host. */
    public static Limits defaults() {
      return new Limits(
          "ReadingRoomBot/0.1 (+https://github.com/readingroom; reading-list bot)",
          Duration.ofSeconds(10),
          5L * 1024 * 1024,
          5,
          Duration.ofSeconds(1));
    }
  }

  private final Limits limits;
  private final HttpClient client;
  private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
  private final Map<String, BaseRobotRules> robots = new ConcurrentHashMap<>();
  private final Map<String, Long> nextAllowed = new ConcurrentHashMap<>();

  public Fetcher(Limits limits) {
    this.limits = limits;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Fetches {@code url} unconditionally. */
  public Fetched get(String url) throws FetchException {
    return get(url, null, null);
  }

  /**
   * Fetches {@code url}; with an ETag or Last-Modified from an earlier fetch, a server may answer
   * 304 (not modified) instead of sending the body again.
   */
  public Fetched get(String url, String etag, String lastModified) throws FetchException {
    URI uri = checked(url);
    for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
      if (!allowedByRobots(uri)) {
        throw new FetchException(uri + " is disallowed by the site's robots.txt");
      }
      HttpResponse<InputStream> response = send(uri, etag, lastModified);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        String location = response.headers().firstValue("Location").orElse(null);
        close(response);
        if (location == null) {
          throw new FetchException(uri + " redirects (" + status + ") without a Location");
        }
        uri = checked(uri.resolve(location.strip()).toString());
        continue;
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      String newEtag = response.headers().firstValue("ETag").orElse(null);
      String newModified = response.headers().firstValue("Last-Modified").orElse(null);
      if (status == 304) {
        close(response);
        return new Fetched(uri.toString(), 304, new byte[0], type, etag, lastModified);
      }
      if (status != 200) {
        close(response);
        throw new FetchException(uri + " answered HTTP " + status);
      }
      return new Fetched(uri.toString(), 200, read(uri, response), type, newEtag, newModified);
    }
    throw new FetchException(url + " redirects more than " + limits.maxRedirects() + " times");
  }

  private HttpResponse<InputStream> send(URI uri, String etag, String lastModified)
      throws FetchException {
    pace(uri);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(limits.timeout())
            .header("User-Agent", limits.userAgent())
            .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5");
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    try {
      return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new FetchException(
          uri + " did not answer within " + limits.timeout().toSeconds() + " s");
    } catch (IOException e) {
      throw new FetchException(uri + " cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(uri + ": interrupted");
    }
  }

  private byte[] read(URI uri, HttpResponse<InputStream> response) throws FetchException {
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > limits.maxBytes()) {
      close(response);
      throw tooLarge(uri);
    }
    try (InputStream in = response.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (out.size() > limits.maxBytes()) {
          throw tooLarge(uri);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FetchException(uri + " broke off: " + e.getMessage());
    }
  }

  private FetchException tooLarge(URI uri) {
    return new FetchException(
        uri + " is larger than " + limits.maxBytes() / (1024 * 1024) + " MB; not fetched");
  }

  /** Waits until the host may be asked again: one request per interval and host. */
  private void pace(URI uri) throws FetchException {
    long interval = limits.perHostInterval().toNanos();
    String host = hostKey(uri);
    long wait;
    synchronized (nextAllowed) {
      long now = System.nanoTime();
      long allowed = nextAllowed.getOrDefault(host, now);
      long start = Math.max(now, allowed);
      nextAllowed.put(host, start + interval);
      wait = start - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException(uri + ": interrupted");
      }
    }
  }

  private boolean allowedByRobots(URI uri) throws FetchException {
    BaseRobotRules rules = robots.get(hostKey(uri));
    if (rules == null) {
      rules = fetchRobots(uri);
      robots.put(hostKey(uri), rules);
    }
    return rules.isAllowed(uri.toString());
  }

  private BaseRobotRules fetchRobots(URI uri) throws FetchException {
    URI robotsUri = uri.resolve("/robots.txt");
    HttpResponse<InputStream> response = send(robotsUri, null, null);
    int status = response.statusCode();
    String agent = limits.userAgent().split("/")[0].toLowerCase(Locale.ROOT);
    if (status != 200) {
      close(response);
      // 4xx: no rules, crawl freely; 5xx: the site is in trouble, stay away for now.
      return robotsParser.failedFetch(status);
    }
    byte[] body;
    try {
      body = read(robotsUri, response);
    } catch (FetchException e) {
      return robotsParser.failedFetch(500);
    }
    return robotsParser.parseContent(
        robotsUri.toString(), body, "text/plain", java.util.List.of(agent));
  }

  private static URI checked(String url) throws FetchException {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new FetchException("'" + url + "' is not a web address");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("'" + url + "' is not an http(s) address");
    }
    if (uri.getHost() == null) {
      throw new FetchException("'" + url + "' has no host");
    }
    return uri;
  }

  private static String hostKey(URI uri) {
    return uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // nothing more to read from it anyway
    }
  }
}
