package readingroom.bot.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends feedback to a JSON-lines file, one click a line, for tuning the engine later. The user id
 * is stored only as a salted hash: enough to tell repeat clicks apart, not to find the person. A
 * failed write is logged and dropped, since a lost click must not fail the chat.
 */
public final class FeedbackFile implements FeedbackSink {

  private static final Logger log = LoggerFactory.getLogger(FeedbackFile.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String salt;
  private final Clock clock;

  /**
   * @param file the file to append to (created with its folder when missing)
   * @param salt mixed into user-id hashes; keep it secret and stable
   */
  public FeedbackFile(Path file, String salt, Clock clock) {
    this.file = file;
    this.salt = salt == null ? "" : salt;
    this.clock = clock;
  }

  @Override
  public synchronized void record(Origin origin, String question, boolean helpful) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", clock.instant().toString());
    line.put("platform", origin.platform().name().toLowerCase(java.util.Locale.ROOT));
    line.put("workspace", origin.workspace());
    line.put("channel", origin.channel());
    line.put("user", hash(origin.user()));
    line.put("question", question);
    line.put("helpful", helpful);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(
          file,
          JSON.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      log.warn("Feedback could not be written to {}: {}", file, e.getMessage());
    }
  }

  private String hash(String user) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] bytes = digest.digest((salt + ":" + user).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(bytes, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
