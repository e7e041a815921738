package readingroom.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.commands.ChatCommands;
import readingroom.index.Engine;
import readingroom.index.Synonyms;

/** A scripted console session: the same commands and replies a channel gets. */
class ConsoleChatTest {

  @TempDir static Path dir;
  private static Engine engine;

  @BeforeAll
  static void open() {
    engine =
        Engine.builder()
            .corpus(readingroom.bot.testing.TestCorpus.shipped())
            .index(dir.resolve("index"))
            .synonyms(Synonyms.none())
            .open();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static String session(String input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConsoleChat(new ChatCommands(engine, 3), new PlainTextRenderer(false))
        .run(
            new BufferedReader(new StringReader(input)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            false);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void answersQuestionsAndCommandsLikeAChannel() throws Exception {
    String transcript =
        session(
            "how much trade does russia do with taliban-run afghanistan?\n"
                // Answers are not padded to three: a question with two pages, for /more.
                + readingroom.bot.testing.SeveralQuotes.question(engine)
                + "\n/more\n/sources\n/article moscow times\n"
                + "/article zzz\n/help\n\n/quit\nnot read after quit\n");
    assertThat(transcript)
        .contains("close to $1 billion in 2023")
        .contains("4. “") // "More" continues the numbering
        .contains(
            "• Why Russia Doesn’t Think the Taliban Are Terrorists Anymore — The Moscow Times · October 14, 2024")
        .contains("No article in this channel's reading list matches \"zzz\"")
        .contains("/ask <question>")
        .doesNotContain("not read after quit");
  }

  @Test
  void repliesAreWrappedToTheTerminalsWidthWithLinksKeptWhole() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    new ConsoleChat(new ChatCommands(engine, 3), new PlainTextRenderer(false))
        .run(
            ConsoleInput.of(
                new BufferedReader(
                    new StringReader(
                        "how much trade does russia do with taliban-run afghanistan?\n")),
                print,
                false,
                50),
            print);
    String transcript = out.toString(StandardCharsets.UTF_8);

    assertThat(transcript).contains("close to $1 billion");
    assertThat(transcript.lines().filter(line -> !line.strip().startsWith("http")))
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(50));
    assertThat(transcript.lines().filter(line -> line.strip().startsWith("http")))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("#:~:text="));
  }

  @Test
  void saysWhenTheReadingListDoesNotAnswer() throws Exception {
    assertThat(session("how do i make kabuli pulao at home?\n"))
        .contains("The reading list does not seem to answer this. The closest passages:");
  }

  @Test
  void aBadQuestionGetsAShortMessage() throws Exception {
    assertThat(session("😀😀\n")).contains("Please ask your question in words.");
  }

  @Test
  void theConsoleOperatorCanViewAndChangeTheSettings() throws Exception {
    String transcript =
        session(
            "/settings quotes 1\n/settings scope dates 2024\nwhy did russia invite the taliban?\n");
    assertThat(transcript)
        .contains("Saved: answers now show up to 1 quote.")
        .contains("Reading list: articles published 2024-01-01 to 2024-12-31 (1 article)")
        .contains("1. “")
        .doesNotContain("2. “")
        .contains("The Moscow Times");
  }

  @Test
  void theClassroomCommandsWorkInTheConsoleToo() throws Exception {
    String transcript =
        session(
            "who claimed responsibility for the crocus city hall attack?\n"
                + "/followup how many people died?\n"
                + "/cite chicago\n"
                + "/compare what does russia want in afghanistan?\n"
                + "/timeline russia and the taliban\n"
                + "/discuss\n"
                + "/report 30d\n");
    assertThat(transcript)
        .contains("145 civilian deaths")
        .contains("Citations (Chicago)")
        .contains("Compare: what does russia want in afghanistan?")
        .contains("Timeline: russia and the taliban")
        .contains("July 2018\n   “")
        .contains("For discussion")
        // The console runs without a question log here, so the report says so.
        .contains("The question log is off");
    String cite = transcript.substring(transcript.indexOf("Citations (Chicago)"));
    assertThat(cite.lines().skip(2).findFirst().orElseThrow()).contains("#:~:text=");
  }

  @Test
  void helpListsEveryConsoleCommandAndAnUnknownCommandIsNamed() throws Exception {
    String transcript = session("/help\n/frobnicate now\n");

    assertThat(transcript).contains("/more").contains("/quit").contains("/sources");
    assertThat(transcript)
        .contains("Unknown command /frobnicate.")
        .doesNotContain("The reading list does not seem to answer");
  }

  @Test
  void theConsoleOperatorIsNotRateLimited() throws Exception {
    ChatCommands limited =
        ChatCommands.builder(engine)
            .limiter(
                new readingroom.bot.channel.RateLimiter(
                    new readingroom.bot.channel.RateLimiter.Limit(1, java.time.Duration.ofHours(1)),
                    new readingroom.bot.channel.RateLimiter.Limit(1, java.time.Duration.ofHours(1)),
                    java.time.Clock.systemUTC()))
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConsoleChat(limited, new PlainTextRenderer(false))
        .run(
            new BufferedReader(
                new StringReader("who is zamir kabulov?\nwhy did russia invite the taliban?\n")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            false);

    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("faster than I can keep up");
  }

  @Test
  void aQuoteThatOpensWithItsOwnQuotationMarkIsNotDoubled() {
    assertThat(PlainTextRenderer.quoted("“We are ready,” he said."))
        .isEqualTo("“We are ready,” he said.”");
    assertThat(PlainTextRenderer.quoted("He said “yes”")).isEqualTo("“He said “yes”");
    assertThat(PlainTextRenderer.quoted("Plain text.")).isEqualTo("“Plain text.”");
  }

  @Test
  void labelledQuotesAreNotDoubledEither() throws Exception {
    // The Moscow Times passage on Kabulov opens with his own words.
    String transcript = session("/compare who is zamir kabulov?\n");
    assertThat(transcript).contains("Compare: who is zamir kabulov?").doesNotContain("““");
  }
}
