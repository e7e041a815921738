package readingroom.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import readingroom.index.search.Candidate;

/** Tuning aid, not a test: prints every candidate's signals for each question of a file. */
final class DumpCandidates {
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (Engine engine =
        Engine.open(
            new Engine.Options(
                Path.of(args[0]), Path.of(args[1]), Synonyms.read(Path.of(args[2])), List.of()))) {
      for (String line : Files.readAllLines(Path.of(args[3]))) {
        JsonNode q = json.readTree(line);
        ObjectNode out = json.createObjectNode();
        out.set("q", q);
        ArrayNode cands = out.putArray("c");
        for (Candidate c : engine.candidates(q.get("question").asText())) {
          String text = engine.articleText(c.articleId()).orElseThrow();
          ObjectNode n = cands.addObject();
          n.put("a", engine.source(c.articleId()).orElseThrow().url());
          n.put("bm25", c.bm25());
          n.put("cos", c.cosine());
          n.put("cov", c.coverage());
          n.put("dates", c.datesMatch());
          n.put("type", c.holdsAnswer());
          n.put("text", text.substring(c.start(), c.end()));
        }
        System.out.println(out);
      }
    }
  }
}
