package readingroom.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups of names that mean the same thing in this reading list ("ISIS, Islamic State, ISKP"), read
 * from a file of comma-separated lines ({@code #} starts a comment), as Solr's synonym files are. A
 * question that uses one name also searches for the others, at a lower weight.
 */
public record Synonyms(List<List<String>> groups) {

  public Synonyms {
    groups = groups.stream().map(List::copyOf).toList();
  }

  public static Synonyms none() {
    return new Synonyms(List.of());
  }

  /**
   * Reads a synonyms file.
   *
   * @throws EngineException naming the file and line when it cannot be read
   */
  public static Synonyms read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineException(
          "The synonyms file " + file + " cannot be read: " + e.getMessage(), e);
    }
    List<List<String>> groups = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceFirst("#.*$", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> group = new ArrayList<>();
      for (String phrase : line.split(",")) {
        if (!phrase.isBlank()) {
          group.add(phrase.strip());
        }
      }
      if (group.size() < 2) {
        throw new EngineException(
            file
                + " line "
                + (i + 1)
                + ": a synonym group needs at least two names separated by commas");
      }
      groups.add(group);
    }
    return new Synonyms(groups);
  }
}
