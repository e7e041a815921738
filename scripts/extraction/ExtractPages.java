import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import readingroom.index.corpus.Cleaner;
import readingroom.index.corpus.CleaningRules;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.model.Article;

/**
 * Reads a folder of saved pages as a corpus folder and writes what the engine keeps of each, as
 * {"file name without .html": {"articleBody": ...}}, the shape of Zyte's article extraction
 * benchmark (see README.md here). Run with the built jars on the class path.
 */
public class ExtractPages {
  public static void main(String[] args) throws Exception {
    CorpusReader reader = new CorpusReader(new Cleaner(new CleaningRules(List.of())));
    CorpusReader.Loaded loaded = reader.load(Path.of(args[0]));
    loaded.problems().forEach(problem -> System.out.println("refused or warned: " + problem));
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    for (Article article : loaded.articles()) {
      out.putObject(article.source().id()).put("articleBody", article.text());
    }
    json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), out);
    System.out.println(loaded.articles().size() + " pages read");
    System.exit(0);
  }
}
