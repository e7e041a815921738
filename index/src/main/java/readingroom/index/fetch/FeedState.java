package readingroom.index.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the poller remembers between polls, in one JSON file: each feed's validators for conditional
 * requests, and the GUIDs and addresses of items already taken, so an item is added once however
 * often it is seen and under whichever address.
 */
final class FeedState {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A feed's validators from its last 200 answer. */
  public record Validators(String etag, String lastModified) {}

  public Map<String, Validators> feeds = new LinkedHashMap<>();
  public Set<String> guids = new LinkedHashSet<>();
  public Set<String> urls = new LinkedHashSet<>();

  static FeedState read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new FeedState();
    }
    try {
      return JSON.readValue(file.toFile(), FeedState.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the feed state " + file + " is broken", e);
    }
  }

  void write(Path file) {
    try {
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(temp.toFile(), this);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
