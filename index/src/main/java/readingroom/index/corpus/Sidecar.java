package readingroom.index.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The metadata a user gives for a file that cannot carry front matter itself (a saved page, a PDF):
 * {@code report.pdf.yml} beside {@code report.pdf}, with the same keys as front matter ({@code
 * url:}, {@code title:}, {@code published:}...). Its keys win over what the file says.
 */
final class Sidecar {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Sidecar() {}

  /** The sidecar's name for a file, as messages tell the user to create it. */
  static String nameFor(Path file) {
    return file.getFileName() + ".yml";
  }

  /** The sidecar's keys, or an empty object when there is none. */
  static ObjectNode read(Path file) throws IOException {
    for (String suffix : new String[] {".yml", ".yaml"}) {
      Path sidecar = file.resolveSibling(file.getFileName() + suffix);
      if (Files.isRegularFile(sidecar)) {
        String text = Files.readString(sidecar).replaceAll("(?m)^---\\s*$", "");
        try {
          JsonNode node = YAML.readTree(text);
          if (node == null || node.isMissingNode() || node.isNull()) {
            return YAML.createObjectNode();
          }
          if (!node.isObject()) {
            throw new IllegalArgumentException(
                sidecar.getFileName() + " is not 'key: value' lines");
          }
          return (ObjectNode) node;
        } catch (JacksonException e) {
          throw new IllegalArgumentException(
              sidecar.getFileName()
                  + " is broken: "
                  + e.getOriginalMessage().lines().findFirst().orElse("bad YAML"));
        }
      }
    }
    return YAML.createObjectNode();
  }

  static boolean isSidecar(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }
}
