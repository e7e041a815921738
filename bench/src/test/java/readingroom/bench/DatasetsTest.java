package readingroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheap part of the harness, checked in the build: converting the data sets into corpus files.
 */
class DatasetsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aReutersStoryBecomesFrontMatterAndUnwrappedParagraphs() throws Exception {
    Datasets.Doc doc =
        Datasets.reutersStory(
            JSON.readTree(
                """
                {"id": "17", "title": "BAHIA \\"COCOA\\" REVIEW", "date": " 2-MAR-1987 15:01:01.79",
                 "body": "Showers continued throughout the week in\\nthe Bahia cocoa zone.\\n    The dry period means\\nthe temporao will be late.\\n Reuter\\n\\u0003"}
                """));

    assertThat(doc.name()).isEqualTo("reuters-17");
    assertThat(doc.content())
        .isEqualTo(
            """
            ---
            title: "BAHIA \\"COCOA\\" REVIEW"
            outlet: "Reuters"
            published: "1987-03-02"
            url: "https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.html#reuters-17"
            ---
            Showers continued throughout the week in the Bahia cocoa zone.

            The dry period means the temporao will be late.
            """);
  }

  @Test
  void aStoryWithoutBodyIsLeftOut() throws Exception {
    assertThat(Datasets.reutersStory(JSON.readTree("{\"id\": \"3\", \"title\": \"T\"}"))).isNull();
  }

  @Test
  void aSpeechIsCutIntoParagraphsOfFiveSentences(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      text.append("Sentence number ").append(i).append(" is here. ");
    }
    Files.writeString(
        dir.resolve("data/1790_george_washington_n.json"),
        JSON.writeValueAsString(
            java.util.Map.of("year", 1790, "name", "George Washington", "text", text.toString())));

    List<Datasets.Doc> docs = Datasets.speeches(dir, 10);

    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).name()).isEqualTo("sotu-1790-george-washington-n");
    String body = docs.get(0).content().substring(docs.get(0).content().lastIndexOf("---\n") + 4);
    assertThat(body.split("\n\n")).hasSize(2);
    assertThat(body).startsWith("Sentence number 1 is here. Sentence number 2");
  }

  @Test
  void copiesGetTheirOwnIdsAMarkedHeadlineAndTheSameText(@TempDir Path dir) throws Exception {
    Datasets.Doc doc = new Datasets.Doc("reuters-1", "---\ntitle: \"T\"\n---\nText.\n");

    Datasets.write(dir, List.of(doc), 0, 3);

    assertThat(Files.readString(dir.resolve("reuters-1.txt"))).isEqualTo(doc.content());
    assertThat(Files.readString(dir.resolve("reuters-1-c2.txt")))
        .isEqualTo("---\ntitle: \"T [copy 2]\"\n---\nText.\n");
    assertThat(BenchMain.copyOf("reuters-1-c2")).isEqualTo(2);
    assertThat(BenchMain.copyOf("reuters-1")).isZero();
  }
}
