package readingroom.bot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import readingroom.index.Engine;
import readingroom.index.JudgedPassage;
import readingroom.index.Question;
import readingroom.index.Scope;
import readingroom.index.model.ConfidenceModel;

/**
 * Labelled questions turned into {@link ConfidenceTrainer.Example}s by asking an engine for its
 * judged candidates, and kept as JSON lines so that sets judged over different corpora (the shipped
 * articles, a Wikipedia reading list) can be trained on together. The set name of a question is its
 * file's name, with "/g3" for a question of group 3 of a grouped reading list: {@code --exclude}
 * leaves a set out, for a model that has not seen it.
 */
public final class JudgedSets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JudgedSets() {}

  /** Judges every question of a file, each within its group's reading list when it has one. */
  public static List<ConfidenceTrainer.Example> judge(
      Engine engine, String setName, List<EvalQuestion> questions, ReadingList list) {
    List<ConfidenceTrainer.Example> out = new ArrayList<>();
    for (EvalQuestion q : questions) {
      int group = list == null ? -1 : list.groupOf(q);
      Scope scope = group < 0 ? Scope.all() : ReadingList.scopeOf(group);
      String set = group < 0 ? setName : setName + "/" + ReadingList.tag(group);
      List<JudgedPassage> judged = engine.judge(new Question(q.question(), scope, 3, 0));
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      List<String> passages = new ArrayList<>();
      for (JudgedPassage p : judged) {
        x.add(p.features());
        y.add(q.answerable() && Evaluation.correct(q, p.source().url(), p.text()));
        passages.add(p.text());
      }
      out.add(
          new ConfidenceTrainer.Example(set, q.id(), q.answerable(), x, y, q.question(), passages));
    }
    return out;
  }

  public static void write(Path file, List<ConfidenceTrainer.Example> examples, List<String> names)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ConfidenceTrainer.Example e : examples) {
        ObjectNode n = JSON.createObjectNode();
        n.put("set", e.set());
        n.put("id", e.id());
        n.put("answerable", e.answerable());
        n.put("question", e.question());
        names.forEach(n.putArray("features")::add);
        ArrayNode cands = n.putArray("candidates");
        for (int i = 0; i < e.x().size(); i++) {
          ObjectNode c = cands.addObject();
          ArrayNode f = c.putArray("x");
          for (double v : e.x().get(i)) {
            f.add(v);
          }
          c.put("y", e.y().get(i));
          if (i < e.passages().size()) {
            c.put("text", e.passages().get(i));
          }
        }
        w.write(JSON.writeValueAsString(n));
        w.newLine();
      }
    }
  }

  /** Reads examples written by {@link #write}, with or without the reader's features. */
  public static List<ConfidenceTrainer.Example> read(Path file) throws IOException {
    List<ConfidenceTrainer.Example> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      List<String> have = new ArrayList<>();
      n.path("features").forEach(f -> have.add(f.asText()));
      if (!have.equals(ConfidenceModel.FEATURES)
          && !have.equals(ConfidenceModel.FEATURES_WITH_READER)) {
        throw new IOException(
            file
                + " line "
                + lineNo
                + " has the features "
                + have
                + ", not this engine's "
                + ConfidenceModel.FEATURES_WITH_READER
                + ": judge its questions again.");
      }
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      List<String> passages = new ArrayList<>();
      for (JsonNode c : n.path("candidates")) {
        if (c.has("text")) {
          passages.add(c.path("text").asText());
        }
        double[] v = new double[c.path("x").size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = c.path("x").get(i).asDouble();
        }
        x.add(v);
        y.add(c.path("y").asBoolean());
      }
      out.add(
          new ConfidenceTrainer.Example(
              n.path("set").asText(),
              n.path("id").asText(),
              n.path("answerable").asBoolean(),
              x,
              y,
              n.path("question").asText(""),
              passages));
    }
    return out;
  }
}
