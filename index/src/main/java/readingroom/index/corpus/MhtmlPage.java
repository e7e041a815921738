package readingroom.index.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import readingroom.index.model.Source;

/**
 * A page saved as one file ("Webpage, Single File" in Chrome, Edge and Opera: MHTML, RFC 2557): a
 * MIME message whose first HTML part is the page, followed by its images and style sheets. Read
 * with Apache James mime4j, which undoes the quoted-printable or base64 encoding of each part.
 */
final class MhtmlPage {

  /**
   * @param html the page's bytes, in {@code charset} when the part names one
   * @param charset the part's declared charset, or {@code null} (the page's own declaration
   *     decides)
   * @param savedFrom the address the page was saved from ({@code Snapshot-Content-Location}, or the
   *     part's {@code Content-Location}), or {@code null}
   */
  record Page(byte[] html, String charset, String savedFrom) {}

  private MhtmlPage() {}

  /**
   * @throws IllegalArgumentException when the file is not MIME or holds no HTML part
   */
  static Page read(byte[] bytes) {
    Handler handler = new Handler();
    MimeStreamParser parser = new MimeStreamParser(MimeConfig.PERMISSIVE);
    parser.setContentDecoding(true);
    parser.setContentHandler(handler);
    try {
      parser.parse(new ByteArrayInputStream(bytes));
    } catch (MimeException | IOException e) {
      throw new IllegalArgumentException(
          "the file is not a readable MHTML page: " + e.getMessage());
    }
    if (handler.html == null) {
      throw new IllegalArgumentException(
          "the MHTML file holds no HTML page (saved from a browser as \"Webpage, Single File\"?)");
    }
    String savedFrom =
        handler.snapshotLocation != null ? handler.snapshotLocation : handler.location;
    return new Page(handler.html, handler.charset, web(savedFrom));
  }

  /** An address a link can use: http or https, not Chrome's {@code cid:} or a local file. */
  private static String web(String address) {
    return Source.isWebAddress(address) ? address : null;
  }

  /** Keeps the first HTML part and the addresses the headers give. */
  private static final class Handler extends AbstractContentHandler {
    byte[] html;
    String charset;
    String location;
    String snapshotLocation;
    private String partLocation;
    private String partCharset;

    @Override
    public void startHeader() {
      partLocation = null;
      partCharset = null;
    }

    @Override
    public void field(Field field) {
      String name = field.getName().toLowerCase(Locale.ROOT);
      String value = field.getBody() == null ? "" : field.getBody().replaceAll("\\s+", " ").strip();
      switch (name) {
        case "snapshot-content-location" -> {
          if (snapshotLocation == null && !value.isEmpty()) {
            snapshotLocation = value;
          }
        }
        case "content-location" -> partLocation = value.isEmpty() ? null : value;
        case "content-type" -> partCharset = charsetOf(value);
        default -> {}
      }
    }

    @Override
    public void body(BodyDescriptor body, InputStream in) throws IOException {
      if (html == null && "text/html".equalsIgnoreCase(body.getMimeType())) {
        html = in.readAllBytes();
        charset = partCharset;
        location = partLocation;
      }
    }

    /** The charset a Content-Type names itself, not MIME's default of US-ASCII for text. */
    private static String charsetOf(String contentType) {
      for (String parameter : contentType.split(";")) {
        String[] pair = parameter.strip().split("=", 2);
        if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
          String value = pair[1].strip().replace("\"", "");
          return value.isEmpty() ? null : value;
        }
      }
      return null;
    }
  }
}
