package readingroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import readingroom.index.BenchmarkHooks;
import readingroom.index.Engine;
import readingroom.index.Synonyms;

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
    return Engine.open(options());
  }

  /** An engine for a replicated corpus: copies get vectors near their original's. */
  Engine openWithSpreadCopies() {
    return BenchmarkHooks.openWithSpreadCopies(options());
  }

  private Engine.Options options() {
    return new Engine.Options(corpus, index, Synonyms.read(synonyms), List.of());
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
