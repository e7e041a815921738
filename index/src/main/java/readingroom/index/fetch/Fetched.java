package readingroom.index.fetch;

/**
 * A fetched resource.
 *
 * @param url the address it was finally served from, after redirects
 * @param status 200, or 304 when a conditional request found it unchanged
 * @param body the bytes, empty for 304
 * @param contentType the server's content type, or an empty string
 * @param etag the validator for the next conditional request, or {@code null}
 * @param lastModified the other validator, or {@code null}
 */
public record Fetched(
    String url, int status, byte[] body, String contentType, String etag, String lastModified) {

  public boolean notModified() {
    return status == 304;
  }
}
