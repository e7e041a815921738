package readingroom.index.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import readingroom.index.QuestionText;
import readingroom.index.Synonyms;

/**
 * Tuning aid, not a test: prints every candidate's signals for each question of a file, over an
 * index built before (by {@code readingroom index}). Arguments: index folder, synonyms file,
 * questions (JSON lines with a "question" field).
 */
final class DumpCandidates {
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<List<String>> synonyms = Synonyms.read(Path.of(args[1])).groups();
    Retriever retriever =
        new Retriever(Schema.analyzer(), new BgeSmallEmbedder(), synonyms, Runnable::run);
    try (LuceneBackend backend =
        new LuceneBackend(
            FSDirectory.open(Path.of(args[0])),
            Path.of(args[0]),
            readingroom.index.model.VectorFormat.FLOAT32)) {
      backend.startServing();
      SearchBackend.Catalogue catalogue = backend.current();
      for (String line : Files.readAllLines(Path.of(args[2]))) {
        JsonNode q = json.readTree(line);
        ObjectNode out = json.createObjectNode();
        out.set("q", q);
        ArrayNode cands = out.putArray("c");
        String question = QuestionText.clean(q.get("question").asText());
        try (PassageSearch search = backend.search(catalogue)) {
          for (Candidate c :
              retriever.rank(search, question, null, catalogue.articles()::get).candidates()) {
            StoredArticle article = catalogue.articles().get(c.articleId());
            ObjectNode n = cands.addObject();
            n.put("a", article.source().url());
            n.put("bm25", c.bm25());
            n.put("cos", c.cosine());
            n.put("cov", c.coverage());
            n.put("dates", c.datesMatch());
            n.put("type", c.holdsAnswer());
            n.put("text", article.text().substring(c.start(), c.end()));
          }
        }
        System.out.println(out);
      }
    }
  }
}
