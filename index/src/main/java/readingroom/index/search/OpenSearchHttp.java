package readingroom.index.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import readingroom.index.model.OpenSearchConnection;

/**
 * OpenSearch's REST API over the JDK's HTTP client, JSON in and out with Jackson: the whole of what
 * the backend needs from a client. (The project's low-level REST client would add nine jars,
 * httpclient5 and reactor among them, for the same requests.)
 */
final class OpenSearchHttp {

  /** An answer the cluster gave with an error status; the body says why. */
  static final class StatusException extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    StatusException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final HttpClient client;
  private final URI base;
  private final String authorization;
  private final ObjectMapper json;

  OpenSearchHttp(OpenSearchConnection connection, ObjectMapper json) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    String url = connection.url().toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.authorization =
        connection.username() == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (connection.username() + ":" + connection.password())
                            .getBytes(StandardCharsets.UTF_8));
    this.json = json;
  }

  JsonNode get(String path) throws IOException {
    return send("GET", path, null, "application/json");
  }

  JsonNode delete(String path) throws IOException {
    return send("DELETE", path, null, "application/json");
  }

  JsonNode put(String path, Object body) throws IOException {
    return send("PUT", path, json.writeValueAsBytes(body), "application/json");
  }

  JsonNode post(String path, Object body) throws IOException {
    return send("POST", path, json.writeValueAsBytes(body), "application/json");
  }

  /** A bulk request: newline-delimited JSON, already written. */
  JsonNode bulk(String path, byte[] ndjson) throws IOException {
    return send("POST", path, ndjson, "application/x-ndjson");
  }

  /** The status of a request whose answer is only found or not (HEAD). */
  int head(String path) throws IOException {
    HttpRequest.Builder request = request(path).method("HEAD", HttpRequest.BodyPublishers.noBody());
    return exchange(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private JsonNode send(String method, String path, byte[] body, String contentType)
      throws IOException {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response =
        exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 300) {
      String text = new String(response.body(), StandardCharsets.UTF_8);
      throw new StatusException(
          response.statusCode(),
          method
              + " /"
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + text.substring(0, Math.min(500, text.length())));
    }
    return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return client.send(request, handler);
    } catch (java.net.ConnectException e) {
      throw new IOException("OpenSearch at " + base + " cannot be reached (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for OpenSearch", e);
    }
  }
}
