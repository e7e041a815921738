package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.library.Library;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Upload;
import readingroom.bot.testing.Articles;
import readingroom.bot.testing.LocalWeb;
import readingroom.bot.testing.TestCorpus;
import readingroom.index.Engine;
import readingroom.index.Result;
import readingroom.index.fetch.Fetcher;

/**
 * {@code /add} through the commands adapters call, on a real engine over a copy of the test corpus,
 * pages fetched from a web server on loopback by the polite fetcher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddCommandTest {

  @TempDir static Path dir;
  LocalWeb web;
  Engine engine;
  Library library;
  ChatCommands commands;

  final Origin manager = new Origin(Platform.DISCORD, "G1", "C-week3", "U-teacher");
  final Origin student = new Origin(Platform.DISCORD, "G1", "C-week3", "U-student");
  final Origin elsewhere = new Origin(Platform.DISCORD, "G1", "C-week1", "U-teacher");

  @BeforeAll
  void start() throws IOException {
    web = new LocalWeb();
    web.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
    web.serve(
        "/2024/03/ferry-strike-ends.html",
        "text/html; charset=utf-8",
        Articles.ferryPage(web.url("/2024/03/ferry-strike-ends.html")));
    web.serve("/empty.html", "text/html", "<html><body><nav>Home</nav></body></html>");
    engine = TestCorpus.openEngine(dir);
    Fetcher.Limits defaults = Fetcher.Limits.defaults();
    Fetcher fetcher =
        new Fetcher(
            new Fetcher.Limits(
                defaults.userAgent(), Duration.ofSeconds(5), 1 << 20, 3, Duration.ZERO));
    library = new Library(engine, dir.resolve("corpus"), fetcher);
    commands = ChatCommands.builder(engine).library(library, 64 * 1024).build();
    // Two classes, each scoped to its own week.
    commands.settings(manager, true, "scope tags week-3");
    commands.settings(elsewhere, true, "scope tags week-1");
  }

  @AfterAll
  void stop() {
    library.close();
    engine.close();
    web.close();
  }

  @Test
  void aManagerAddsAPageByItsAddressAndItIsAnswerableInThatChannelOnly() {
    Reply reply = commands.add(manager, true, web.url("/2024/03/ferry-strike-ends.html"));

    assertThat(reply).isInstanceOf(NoticeReply.class);
    NoticeReply notice = (NoticeReply) reply;
    assertThat(notice.kind()).isEqualTo(NoticeReply.Kind.INFO);
    assertThat(notice.text())
        .startsWith("Added to this channel's reading list: \"" + Articles.FERRY_TITLE + "\"")
        .contains(Articles.FERRY_OUTLET)
        .contains("2024");
    assertThat(web.requests).contains("/robots.txt");

    List<Result> here = quotes(commands.ask(manager, Articles.FERRY_QUESTION));
    assertThat(here).isNotEmpty();
    assertThat(here.get(0).source().title()).isEqualTo(Articles.FERRY_TITLE);
    assertThat(here.get(0).source().tags()).contains("discord-c-week3");
    assertThat(engine.articleText(here.get(0).source().id()).orElseThrow())
        .contains(here.get(0).verbatim())
        .contains(Articles.FERRY_FACT);
    // The week-3 articles are still this channel's too.
    assertThat(sourcesOf(manager)).contains(TestCorpus.MOSCOW_TIMES);

    List<Result> there = quotes(commands.ask(elsewhere, Articles.FERRY_QUESTION));
    assertThat(there).noneMatch(r -> r.source().title().equals(Articles.FERRY_TITLE));
    assertThat(sourcesOf(elsewhere)).noneMatch(id -> id.contains("ferry"));
  }

  @Test
  void someoneWhoDoesNotManageTheChannelIsRefusedAndNothingIsFetched() {
    int before = web.requests.size();
    AtomicBoolean downloaded = new AtomicBoolean();

    Reply byAddress = commands.add(student, false, web.url("/2024/03/ferry-strike-ends.html"));
    Reply byFile =
        commands.add(
            student,
            false,
            new Upload(
                "notes.md",
                10,
                max -> {
                  downloaded.set(true);
                  return new byte[0];
                }));

    for (Reply reply : List.of(byAddress, byFile)) {
      assertThat(((NoticeReply) reply).kind()).isEqualTo(NoticeReply.Kind.FORBIDDEN);
      assertThat(((NoticeReply) reply).text())
          .startsWith("Only members with the Manage Channels permission can add articles");
    }
    assertThat(web.requests).hasSize(before);
    assertThat(downloaded).isFalse();
  }

  @Test
  void aFileLargerThanAllowedIsRefusedBeforeItIsDownloaded() {
    AtomicBoolean downloaded = new AtomicBoolean();
    Reply reply =
        commands.add(
            manager,
            true,
            new Upload(
                "big-reading.pdf",
                3L * 1024 * 1024,
                max -> {
                  downloaded.set(true);
                  return new byte[0];
                }));

    assertThat(((NoticeReply) reply).text())
        .isEqualTo("Not added: big-reading.pdf is 3 MB; files up to 0.1 MB can be added.");
    assertThat(downloaded).isFalse();
  }

  @Test
  void aFileLargerThanItsDeclaredSizeIsStoppedAtTheLimit() {
    Reply reply =
        commands.add(
            manager,
            true,
            new Upload(
                "liar.txt",
                10,
                max -> {
                  throw new Upload.TooLarge(max);
                }));
    assertThat(((NoticeReply) reply).text()).startsWith("Not added: liar.txt is larger");
  }

  @Test
  void aBrokenPdfIsRefusedWithAClearMessageAndLeavesNothingBehind() throws IOException {
    byte[] broken = "%PDF-1.7\nthis is not really a PDF\n".getBytes(StandardCharsets.US_ASCII);
    Reply reply =
        commands.add(manager, true, new Upload("week-3 reading.pdf", broken.length, max -> broken));

    NoticeReply notice = (NoticeReply) reply;
    assertThat(notice.kind()).isEqualTo(NoticeReply.Kind.INVALID_INPUT);
    assertThat(notice.text()).startsWith("Not added: ").doesNotContain("Exception");
    assertThat(corpusFiles()).noneMatch(f -> f.contains("week-3-reading"));
  }

  @Test
  void aPageWithNoArticleTextIsRefusedAndTakenOutAgain() throws IOException {
    Reply reply = commands.add(manager, true, web.url("/empty.html"));

    assertThat(((NoticeReply) reply).text()).startsWith("Not added: ");
    assertThat(corpusFiles()).noneMatch(f -> f.contains("empty"));
  }

  @Test
  void aFileThatIsNoArticleKindIsRefusedByName() {
    Reply reply = commands.add(manager, true, new Upload("slides.pptx", 10, max -> new byte[10]));
    assertThat(((NoticeReply) reply).text())
        .isEqualTo(
            "Not added: slides.pptx is not an article file: a saved page (.html, .mhtml), PDF, Markdown (.md) or text"
                + " (.txt) can be added.");
  }

  @Test
  void anAttachedMarkdownReadingIsAddedAsTheReaderSeesIt() {
    byte[] markdown = Articles.orchardMarkdown().getBytes(StandardCharsets.UTF_8);
    Reply reply =
        commands.add(manager, true, new Upload("orchard.md", markdown.length, max -> markdown));

    assertThat(((NoticeReply) reply).text())
        .isEqualTo(
            "Added to this channel's reading list: \""
                + Articles.ORCHARD_TITLE
                + "\" — Valley Notes, "
                + engine.sources(readingroom.index.Scope.all()).stream()
                    .filter(s -> s.title().equals(Articles.ORCHARD_TITLE))
                    .findFirst()
                    .orElseThrow()
                    .published()
                    .display()
                + ".");
    List<Result> here = quotes(commands.ask(manager, Articles.ORCHARD_QUESTION));
    assertThat(here.get(0).source().title()).isEqualTo(Articles.ORCHARD_TITLE);
    assertThat(here.get(0).verbatim()).doesNotContain("**");
  }

  @Test
  void addWithNothingToAddSaysHow() {
    assertThat(((NoticeReply) commands.add(manager, true, "")).text())
        .isEqualTo(readingroom.bot.model.Messages.ADD_HOW);
    assertThat(((NoticeReply) commands.add(manager, true, "ftp://example.org/x")).kind())
        .isEqualTo(NoticeReply.Kind.INVALID_INPUT);
  }

  @Test
  void withoutALibraryAddSaysItIsOff() {
    Reply reply = new ChatCommands(engine, 3).add(manager, true, "https://example.org/a");
    assertThat(((NoticeReply) reply).text()).isEqualTo(readingroom.bot.model.Messages.ADDING_OFF);
  }

  @Test
  void theConsoleOperatorAddsALocalFileWithSlashAdd() throws Exception {
    Path notes = Files.writeString(dir.resolve("orchard-notes.md"), Articles.orchardMarkdown());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    new readingroom.bot.console.ConsoleChat(
            commands, new readingroom.bot.console.PlainTextRenderer(false))
        .run(
            new java.io.BufferedReader(
                new java.io.StringReader(
                    "/add " + notes + "\n" + Articles.ORCHARD_QUESTION + "\n")),
            new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
            false);

    String transcript = out.toString(StandardCharsets.UTF_8);
    assertThat(transcript)
        .contains("Added to this channel's reading list: \"" + Articles.ORCHARD_TITLE + "\"")
        .contains("smudge pots");
    assertThat(corpusFiles()).contains("orchard-notes.md");
  }

  @Test
  void addIsACommandOnlyWithAnAddressOrAlone() {
    assertThat(TextCommand.parse("/add https://example.org/a").kind())
        .isEqualTo(TextCommand.Kind.ADD);
    assertThat(TextCommand.parse("add <https://example.org/a|example.org>").argument())
        .isEqualTo("<https://example.org/a|example.org>");
    assertThat(TextCommand.parse("<@U1> add").kind()).isEqualTo(TextCommand.Kind.ADD);
    assertThat(TextCommand.parse("add up the costs of the war").kind())
        .isEqualTo(TextCommand.Kind.ASK);
  }

  @Test
  void anUploadedNameCannotLeaveTheChannelFolder() {
    assertThat(AddCommand.safeName("../../etc/passwd.txt")).isEqualTo("passwd.txt");
    assertThat(AddCommand.safeName("..\\week 3\\.hidden.md")).isEqualTo("hidden.md");
    assertThat(AddCommand.safeName("Week 3 reading (final).pdf"))
        .isEqualTo("Week-3-reading-final-.pdf");
  }

  private static List<Result> quotes(Reply reply) {
    assertThat(reply).isInstanceOf(Reply.AnswerReply.class);
    return ((Reply.AnswerReply) reply).answer().results();
  }

  private List<String> sourcesOf(Origin origin) {
    return ((Reply.SourcesReply) commands.sources(origin))
        .sources().stream().map(s -> s.id()).toList();
  }

  private List<String> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("corpus"))) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
