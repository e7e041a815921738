package readingroom.bot.model;

import java.io.IOException;

/**
 * A file someone attached in chat, as the adapter found it: its name, the size the platform
 * declares, and how to download it (the adapter knows where from and with which token).
 *
 * @param name the file name as uploaded, e.g. "week-3 reading.pdf"
 * @param declaredSize the size in bytes the platform states, or -1 when it states none
 * @param content downloads the file
 */
public record Upload(String name, long declaredSize, Content content) {

  /** Downloads an attached file. */
  public interface Content {
    /**
     * The file's bytes.
     *
     * @throws IOException when it cannot be downloaded or is larger than {@code maxBytes}
     */
    byte[] read(long maxBytes) throws IOException;
  }

  /** The file is larger than may be added: said as soon as it is known, before all is read. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    public TooLarge(long maxBytes) {
      super("larger than " + maxBytes + " bytes");
    }
  }
}
