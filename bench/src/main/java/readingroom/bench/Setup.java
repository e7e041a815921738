package readingroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import readingroom.index.Engine;
import readingroom.index.Synonyms;
import readingroom.index.model.VectorFormat;
import readingroom.index.search.BgeSmallEmbedder;

/** Where a benchmark reads its corpus, index and questions, passed to forked JVMs as properties. */
record Setup(Path corpus, Path index, Path synonyms, Path questions) {

  static final String CORPUS = "bench.corpus";
  static final String INDEX = "bench.index";
  static final String SYNONYMS = "bench.synonyms";
  static final String QUESTIONS = "bench.questions";

  static Setup fromProperties() {
    return new Setup(
        Path.of(System.getProperty(CORPUS)),
        Path.of(System.getProperty(INDEX)),
        Path.of(System.getProperty(SYNONYMS)),
        Path.of(System.getProperty(QUESTIONS)));
  }

  List<String> properties() {
    return List.of(
        "-D" + CORPUS + "=" + corpus,
        "-D" + INDEX + "=" + index,
        "-D" + SYNONYMS + "=" + synonyms,
        "-D" + QUESTIONS + "=" + questions);
  }

  Engine open() {
    return builder().open();
  }

  /** An engine that finds candidates by words alone: the BM25 path. */
  Engine openWordsOnly() {
    return builder().wordsOnly(true).open();
  }

  /**
   * An engine for a replicated corpus: copies get vectors near their original's. Every engine on
   * one replicated index must be opened this way, or it would rebuild the index with the model.
   */
  Engine openWithSpreadCopies(boolean wordsOnly) {
    return builder()
        .embedder(new SpreadCopiesEmbedder(new BgeSmallEmbedder()))
        .wordsOnly(wordsOnly)
        .open();
  }

  /** As {@link #openWithSpreadCopies}, on another index folder, sharing one embedder. */
  Engine openWithSpreadCopies(SpreadCopiesEmbedder embedder, VectorFormat format, Path index) {
    return Engine.builder()
        .corpus(corpus)
        .index(index)
        .synonyms(synonymsOrNone())
        .embedder(embedder)
        .vectorFormat(format)
        .open();
  }

  private Engine.Builder builder() {
    return Engine.builder().corpus(corpus).index(index).synonyms(synonymsOrNone());
  }

  /** As the bot runs by default: no synonyms unless a file exists at the given path. */
  private Synonyms synonymsOrNone() {
    return synonyms != null && Files.isRegularFile(synonyms)
        ? Synonyms.read(synonyms)
        : Synonyms.none();
  }

  /** The questions: JSON lines with a "question" field, or plain lines. */
  List<String> readQuestions() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> asked = new ArrayList<>();
    for (String line : Files.readAllLines(questions, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      asked.add(
          line.strip().startsWith("{") ? json.readTree(line).path("question").asText() : line);
    }
    return asked;
  }
}
