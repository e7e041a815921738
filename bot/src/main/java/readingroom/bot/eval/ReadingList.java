package readingroom.bot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import readingroom.index.Scope;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;

/**
 * A reading list described by a sources file (as {@code shared/eval/squad2-dev/sources.json}: one
 * entry per article with its {@code file}, {@code url} and optional {@code group}), laid out as a
 * corpus folder. An article of group 3 goes into the sub-folder {@code g3}, so it carries the tag
 * {@code g3} and one index serves every group through a {@link Scope}, as a classroom's channels
 * share one corpus.
 *
 * @param corpus the corpus folder the articles were copied into
 * @param groupOfUrl each article's group, by URL; empty when the sources name no groups
 */
public record ReadingList(Path corpus, Map<String, Integer> groupOfUrl) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the articles a sources file names into {@code corpus}. */
  public static ReadingList copy(Path sourcesFile, Path corpus) throws IOException {
    return copy(sourcesFile, corpus, null);
  }

  /** Copies the articles of the given groups only (all when {@code groups} is null). */
  public static ReadingList copy(Path sourcesFile, Path corpus, Set<Integer> only)
      throws IOException {
    JsonNode entries = JSON.readTree(sourcesFile.toFile());
    if (!entries.isArray() || entries.isEmpty()) {
      throw new IOException(
          sourcesFile + " must be a JSON array of articles with a \"file\" each.");
    }
    Path base = sourcesFile.toAbsolutePath().getParent();
    Map<String, Integer> groups = new LinkedHashMap<>();
    for (JsonNode entry : entries) {
      String file = entry.path("file").asText("");
      if (file.isEmpty()) {
        throw new IOException(sourcesFile + ": an entry has no \"file\": " + entry);
      }
      Path from = base.resolve(file);
      if (!Files.isRegularFile(from)) {
        throw new IOException(sourcesFile + " names " + file + ", which does not exist.");
      }
      Path folder = corpus;
      if (only != null && !only.contains(entry.path("group").asInt(-1))) {
        continue;
      }
      if (entry.hasNonNull("group")) {
        int group = entry.get("group").asInt();
        folder = corpus.resolve(tag(group));
        if (entry.hasNonNull("url")) {
          groups.put(entry.get("url").asText(), group);
        }
      }
      Files.createDirectories(folder);
      Path to = folder.resolve(from.getFileName());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      copySidecar(entry, from, to);
    }
    return new ReadingList(corpus, Map.copyOf(groups));
  }

  /**
   * The article's metadata, as the sources file gives it, in a sidecar beside the copy (JSON, which
   * is YAML too): a scraped text without front matter (as {@code shared/corpus/raw/}) then has its
   * title, outlet, date and address, so its quotes link where the questions expect them. Without
   * metadata in the entry, a sidecar the file already had is copied as it is.
   */
  private static void copySidecar(JsonNode entry, Path from, Path to) throws IOException {
    ObjectNode keys = JSON.createObjectNode();
    for (String key : Source.METADATA_KEYS) {
      if (entry.hasNonNull(key)
          && !entry.get(key).asText().isBlank()
          && usable(key, entry.get(key))) {
        keys.set(key, entry.get(key));
      }
    }
    if (!keys.has("id") && entry.hasNonNull("suggested_id")) {
      keys.set("id", entry.get("suggested_id"));
    }
    for (String suffix : new String[] {".yml", ".yaml"}) {
      Path own = from.resolveSibling(from.getFileName() + suffix);
      if (keys.isEmpty() && Files.isRegularFile(own)) {
        Files.copy(
            own, to.resolveSibling(to.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
        return;
      }
    }
    if (!keys.isEmpty()) {
      Files.writeString(
          to.resolveSibling(to.getFileName() + ".yml"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys));
    }
  }

  /**
   * Whether a value can stand in the sidecar: a date or an address the reader would refuse (and
   * refuse the article with it) is left out, so the file's own says what it can.
   */
  private static boolean usable(String key, JsonNode value) {
    return switch (key) {
      case "published" -> {
        try {
          PublishedDate.parse(value.asText());
          yield true;
        } catch (IllegalArgumentException e) {
          yield false;
        }
      }
      case "url" -> Source.isWebAddress(value.asText());
      default -> true;
    };
  }

  /** The groups, in order. */
  public Set<Integer> groups() {
    return new TreeSet<>(groupOfUrl.values());
  }

  /** The tag of a group's folder. */
  public static String tag(int group) {
    return "g" + group;
  }

  /** The scope of one group's articles. */
  public static Scope scopeOf(int group) {
    return new Scope(Set.of(), Set.of(tag(group)), null, null);
  }

  /**
   * The group a question belongs to: its own {@code group} field, else its article's group, else
   * none (-1).
   */
  public int groupOf(EvalQuestion question) {
    if (question.group() != null) {
      return question.group();
    }
    Integer byUrl = question.url() == null ? null : groupOfUrl.get(question.url());
    return byUrl == null ? -1 : byUrl;
  }
}
