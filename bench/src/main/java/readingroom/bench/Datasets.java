package readingroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the npm data sets into Reading Room corpus files (YAML front matter, then the text): the
 * Reuters-21578 stories (short news, research use only, so never committed) and the State of the
 * Union addresses (long speeches, public domain). Copies of an article get their own id and a
 * headline marked {@code [copy k]}, and keep its text.
 */
final class Datasets {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REUTERS_DATE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d-MMM-yyyy")
          .toFormatter(Locale.ENGLISH);
  private static final Pattern REUTERS_DAY = Pattern.compile("\\d{1,2}-[A-Za-z]{3}-\\d{4}");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"])");

  /** Sentences per paragraph for the speeches, which come as one long line. */
  static final int SPEECH_PARAGRAPH = 5;

  private Datasets() {}

  /** One converted article: its file name (the id) and its file content. */
  private static final Pattern COPY_NAME = Pattern.compile("-c\\d+$");

  record Doc(String name, String content) {}

  /** The first {@code limit} Reuters stories that have a body, from the package's JSON files. */
  static List<Doc> reuters(Path packageDir, int limit) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(packageDir.resolve("data/full"))) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    List<Doc> docs = new ArrayList<>();
    for (Path file : files) {
      for (JsonNode story : JSON.readTree(file.toFile())) {
        if (docs.size() >= limit) {
          return docs;
        }
        Doc doc = reutersStory(story);
        if (doc != null) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  static Doc reutersStory(JsonNode story) {
    String body = story.path("body").asText("");
    String title = story.path("title").asText("").strip();
    if (body.isBlank() || title.isEmpty()) {
      return null;
    }
    // Paragraphs start with an indent; lines inside one are wrapped at 70 columns.
    body = body.replace("\u0003", "").replaceAll("\\s*Reuter\\s*$", "");
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : body.split("\n\\s{2,}")) {
      String joined = paragraph.replaceAll("\\s*\n\\s*", " ").strip();
      if (!joined.isEmpty()) {
        paragraphs.add(joined);
      }
    }
    String id = "reuters-" + story.path("id").asText();
    Matcher day = REUTERS_DAY.matcher(story.path("date").asText(""));
    String published = day.find() ? LocalDate.parse(day.group(), REUTERS_DATE).toString() : null;
    return new Doc(
        id,
        frontMatter(
                title,
                "Reuters",
                published,
                "https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.html#" + id)
            + String.join("\n\n", paragraphs)
            + "\n");
  }

  /** The first {@code limit} State of the Union addresses, oldest first. */
  static List<Doc> speeches(Path packageDir, int limit) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(packageDir.resolve("data"))) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().limit(limit).toList();
    }
    List<Doc> docs = new ArrayList<>();
    for (Path file : files) {
      JsonNode speech = JSON.readTree(file.toFile());
      String name = speech.path("name").asText();
      int year = speech.path("year").asInt();
      String[] sentences = SENTENCE_END.split(speech.path("text").asText().strip());
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < sentences.length; i++) {
        text.append(sentences[i].strip());
        text.append((i + 1) % SPEECH_PARAGRAPH == 0 ? "\n\n" : " ");
      }
      String id = "sotu-" + file.getFileName().toString().replace(".json", "").replace('_', '-');
      docs.add(
          new Doc(
              id,
              frontMatter(
                      "State of the Union, " + year + ", " + name,
                      "State of the Union",
                      Integer.toString(year),
                      "https://github.com/stdlib-js/datasets-sotu#" + id)
                  + text.toString().strip()
                  + "\n"));
    }
    return docs;
  }

  /**
   * Writes copies {@code fromCopy} (inclusive) to {@code toCopy} (exclusive) of every doc into the
   * corpus folder: copy 0 under the doc's own name, copy k as {@code name-cK}.
   */
  static void write(Path corpus, List<Doc> docs, int fromCopy, int toCopy) throws IOException {
    Files.createDirectories(corpus);
    for (int copy = fromCopy; copy < toCopy; copy++) {
      for (Doc doc : docs) {
        String name = copy == 0 ? doc.name() : doc.name() + "-c" + copy;
        Files.writeString(corpus.resolve(name + ".txt"), copy(doc, copy), StandardCharsets.UTF_8);
      }
    }
  }

  /** The name of the doc a corpus file name was written from: {@code name-cK} is a copy of it. */
  static String originalName(String name) {
    return COPY_NAME.matcher(name).replaceFirst("");
  }

  /**
   * Copy {@code k} of a doc: the same text under the headline marked {@code [copy k]}, which the
   * benchmark engine reads as "a vector near the original's" (see {@link SpreadCopiesEmbedder}).
   */
  static String copy(Doc doc, int k) {
    if (k == 0) {
      return doc.content();
    }
    int titleEnd = doc.content().indexOf('\n', doc.content().indexOf("title: "));
    return doc.content().substring(0, titleEnd - 1)
        + " [copy "
        + k
        + "]\""
        + doc.content().substring(titleEnd);
  }

  private static String frontMatter(String title, String outlet, String published, String url) {
    StringBuilder yaml = new StringBuilder("---\n");
    yaml.append("title: ").append(quoted(title)).append('\n');
    yaml.append("outlet: ").append(quoted(outlet)).append('\n');
    if (published != null) {
      yaml.append("published: ").append(quoted(published)).append('\n');
    }
    yaml.append("url: ").append(quoted(url)).append('\n');
    return yaml.append("---\n").toString();
  }

  /** A YAML double-quoted scalar: JSON string syntax is a subset of it. */
  private static String quoted(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }
}
