package readingroom.bot.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import readingroom.index.Engine;

/**
 * The five-article test corpus (the fixture, not the live folder), plus one article full of Slack
 * control sequences, indexed in a temporary folder: the real engine the Slack tests talk to.
 */
final class TestCorpus {

  /** An article whose headline, byline and text all try to ping. */
  static final String NOISY_ARTICLE =
      """
      ---
      title: "Signals <!here> & @everyone: a field note"
      outlet: "Test <Outlet>"
      author: "<@U0AUTHOR> Writer"
      published: "2020-05"
      url: "https://example.org/field-note?a=1&b=2"
      tags: [test]
      ---
      The quartermaster in Zanzibar posted <!channel> and <!subteam^S0TEAM|@team> on the notice board, then wrote to <@U0ABCDEF> and @here that the grain shipment would be three weeks late.

      The harbour master replied that the monsoon had delayed every vessel bound for the island that season, and that nothing could be done before the winds changed.

      The merchants of the old town agreed to share their stores of millet and sorghum until the ships arrived in the harbour.
      """;

  private TestCorpus() {}

  static Engine open(Path folder) throws IOException {
    return Engine.builder().corpus(copyTo(folder)).index(folder.resolve("index")).open();
  }

  /** Writes the corpus into {@code folder}/corpus and returns that folder. */
  static Path copyTo(Path folder) throws IOException {
    Path corpus = Files.createDirectories(folder.resolve("corpus"));
    try (Stream<Path> files = Files.list(readingroom.bot.testing.TestCorpus.shipped())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.copy(file, corpus.resolve(file.getFileName()));
      }
    }
    Files.writeString(corpus.resolve("zz-field-note.txt"), NOISY_ARTICLE, StandardCharsets.UTF_8);
    return corpus;
  }
}
