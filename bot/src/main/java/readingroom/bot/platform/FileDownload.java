package readingroom.bot.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import readingroom.bot.model.Upload;

/**
 * Downloads a file attached in chat: a Discord attachment, or a Slack file's {@code url_private}
 * with the bot token. Only http(s), bounded in time and size; a file larger than allowed is refused
 * as soon as that is known, before it is all read.
 */
public final class FileDownload {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private FileDownload() {}

  /**
   * The body at {@code url}.
   *
   * @param bearerToken sent as {@code Authorization: Bearer}, or {@code null} for none
   * @throws IOException naming the reason (status, size, unreachable)
   */
  public static byte[] get(String url, String bearerToken, long maxBytes) throws IOException {
    URI uri = URI.create(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IOException("not an http(s) address");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    HttpResponse<InputStream> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("the download answered HTTP " + response.statusCode());
      }
      if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes) {
        throw new Upload.TooLarge(maxBytes);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          throw new Upload.TooLarge(maxBytes);
        }
      }
      return out.toByteArray();
    }
  }
}
