package readingroom.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.Engine;

/**
 * A sources file may describe scraped texts that carry no front matter (as {@code
 * shared/corpus/sources.json} does {@code raw/}): the copied reading list has each article's title,
 * outlet, date and address from it, so its quotes link where the questions expect.
 */
class ReadingListTest {

  @TempDir Path dir;

  @Test
  void theSourcesFilesMetadataReachesAnArticleWithoutFrontMatter() throws Exception {
    Path raw = Files.createDirectories(dir.resolve("shared/raw"));
    Files.writeString(
        raw.resolve("000_ab12.txt"),
        "Home | World | Asia\n\nFerries resume after the storm\n\n"
            + "Ferry services between the mainland and the islands resumed on Tuesday morning,"
            + " three days after the storm forced the operator to cancel every crossing.\n");
    Files.writeString(
        raw.resolve("001_cd34.md"),
        "---\ntitle: \"Old title\"\nauthor: \"Kept Author\"\n---\n"
            + "The harbour reopened to fishing boats on Wednesday after divers cleared the debris"
            + " that the storm had left across the entrance.\n");
    Path sources = dir.resolve("shared/sources.json");
    Files.writeString(
        sources,
        """
        [
          {"file": "raw/000_ab12.txt", "suggested_id": "herald-2025-01-ferries",
           "title": "Ferries resume after the storm", "outlet": "Coast Herald",
           "published": "2025-01-14", "published_precision": "day",
           "url": "https://www.coastherald.example/ferries-resume"},
          {"file": "raw/001_cd34.md", "title": "Harbour reopens", "published": "last Wednesday",
           "url": "https://www.coastherald.example/harbour-reopens"}
        ]
        """);

    ReadingList list = ReadingList.copy(sources, dir.resolve("corpus"));
    Engine.CorpusExplanation corpus =
        Engine.builder().corpus(list.corpus()).index(dir.resolve("index")).explainCorpus();

    assertThat(corpus.problems()).isEmpty();
    assertThat(corpus.articles()).hasSize(2);
    Engine.Explained ferries =
        corpus.articles().stream()
            .filter(a -> a.source().id().equals("herald-2025-01-ferries"))
            .findFirst()
            .orElseThrow();
    assertThat(ferries.source().title()).isEqualTo("Ferries resume after the storm");
    assertThat(ferries.source().outlet()).isEqualTo("Coast Herald");
    assertThat(ferries.source().published().iso()).isEqualTo("2025-01-14");
    assertThat(ferries.source().url()).isEqualTo("https://www.coastherald.example/ferries-resume");
    assertThat(ferries.text()).startsWith("Ferry services between the mainland");

    Engine.Explained harbour =
        corpus.articles().stream()
            .filter(a -> a.source().id().equals("001_cd34"))
            .findFirst()
            .orElseThrow();
    assertThat(harbour.source().title()).isEqualTo("Harbour reopens");
    assertThat(harbour.source().author()).isEqualTo("Kept Author");
    assertThat(harbour.source().url()).isEqualTo("https://www.coastherald.example/harbour-reopens");
    assertThat(harbour.source().published()).isNull(); // "last Wednesday" is no date: left out
  }
}
