package readingroom.index.model;

import java.nio.file.Path;

/** A corpus file that could not be loaded, and why, in words a user can act on. */
public record CorpusProblem(Path file, String message) {
  @Override
  public String toString() {
    return file.getFileName() + ": " + message;
  }
}
