package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.testing.TestCorpus.DIPLOMAT_JULY;
import static readingroom.bot.testing.TestCorpus.DIPLOMAT_NOVEMBER;
import static readingroom.bot.testing.TestCorpus.MOSCOW_TIMES;
import static readingroom.bot.testing.TestCorpus.STRATFOR;
import static readingroom.bot.testing.TestCorpus.WAPO;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.AnswerReply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Reply.QuotesReply;
import readingroom.bot.model.Reply.TextReply;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.state.SqliteChannelSettings;
import readingroom.bot.state.SqliteConversationMemory;
import readingroom.bot.state.SqliteDiscussionHistory;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.state.UserHasher;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;
import readingroom.index.Result;
import readingroom.index.model.PublishedDate;

/**
 * {@code /compare}, {@code /timeline}, {@code /cite}, {@code /discuss}, {@code /report} and
 * follow-ups in threads, called as adapters call them, on the real engine and a real state database
 * file.
 */
class ClassroomCommandsTest {

  private final Engine engine = SharedEngine.get();
  private final MutableClock clock = new MutableClock();
  @TempDir Path dir;
  private StateDatabase database;
  private ChatCommands commands;

  @BeforeEach
  void open() {
    database = StateDatabase.open(dir.resolve("state.db"));
    commands = commands(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private ChatCommands commands(StateDatabase db) {
    UserHasher hasher = UserHasher.of(Optional.empty(), db);
    return ChatCommands.builder(engine)
        .channels(new SqliteChannelSettings(db, clock), new ChannelDefaults(Visibility.PUBLIC, 3))
        .cache(AnswerCache.withDefaults())
        .questionLog(new QuestionLog(db, hasher, Duration.ofDays(90), clock), hasher)
        .conversations(
            new SqliteConversationMemory(db, clock), new SqliteDiscussionHistory(db, clock))
        .clock(clock)
        .build();
  }

  private static Origin in(String channel, String user) {
    return new Origin(Platform.SLACK, "T1", channel, user);
  }

  private void scope(String channel, String scope) {
    assertThat(commands.settings(in(channel, "teacher"), true, "scope " + scope))
        .isInstanceOf(Reply.SettingsReply.class);
  }

  private static List<String> ids(Reply reply) {
    if (reply instanceof AnswerReply a) {
      return a.answer().results().stream().map(r -> r.source().id()).toList();
    }
    assertThat(reply).isInstanceOf(QuotesReply.class);
    return ((QuotesReply) reply).quotes().stream().map(q -> q.quote().source().id()).toList();
  }

  private String text(String articleId) {
    return engine.articleText(articleId).orElseThrow();
  }

  // ---- /compare ----------------------------------------------------------------------------

  @Test
  void compareShowsOneVerbatimQuotePerOutletLabelledWithOutletAndDate() {
    Reply reply = commands.compare(in("c", "ann"), "Who is Zamir Kabulov?");

    QuotesReply compare = (QuotesReply) reply;
    assertThat(compare.heading()).contains("Who is Zamir Kabulov?");
    assertThat(compare.quotes()).hasSizeGreaterThanOrEqualTo(2);
    List<String> outlets = compare.quotes().stream().map(q -> q.quote().source().outlet()).toList();
    assertThat(outlets).doesNotHaveDuplicates();
    for (QuotesReply.Labelled labelled : compare.quotes()) {
      Result quote = labelled.quote();
      assertThat(text(quote.source().id())).contains(quote.verbatim());
      assertThat(labelled.label())
          .isEqualTo(quote.source().outlet() + " · " + quote.source().published().display());
    }
    assertThat(compare.notes()).doesNotContain(readingroom.bot.model.Messages.COMPARE_ONE_SOURCE);
  }

  @Test
  void compareSaysSoWhenOnlyOneSourceIsOnTheReadingList() {
    scope("one", "articles " + MOSCOW_TIMES);

    QuotesReply compare =
        (QuotesReply)
            commands.compare(in("one", "ann"), "When did the Crocus City Hall attack happen?");

    assertThat(ids(compare)).containsExactly(MOSCOW_TIMES);
    assertThat(compare.notes()).containsExactly(readingroom.bot.model.Messages.COMPARE_ONE_SOURCE);
  }

  @Test
  void compareWithoutAQuestionSaysWhatToGive() {
    Reply reply = commands.compare(in("c", "ann"), "  ");
    assertThat(reply).isInstanceOf(NoticeReply.class);
    assertThat(((NoticeReply) reply).kind()).isEqualTo(NoticeReply.Kind.INVALID_INPUT);
  }

  @Test
  void compareWhenTheReadingListDoesNotAnswerSaysSo() {
    QuotesReply compare =
        (QuotesReply) commands.compare(in("c", "ann"), "how do I make kabuli pulao?");
    assertThat(compare.notes()).containsExactly(readingroom.bot.model.Messages.COMPARE_NONE);
  }

  // ---- /timeline ---------------------------------------------------------------------------

  @Test
  void timelineIsInDateOrderWithMonthOnlyDatesShownAsTheMonth() {
    QuotesReply timeline =
        (QuotesReply) commands.timeline(in("c", "ann"), "Russia and the Taliban");

    assertThat(timeline.quotes()).hasSizeGreaterThanOrEqualTo(3);
    List<PublishedDate> dates =
        timeline.quotes().stream().map(q -> q.quote().source().published()).toList();
    for (int i = 1; i < dates.size(); i++) {
      assertThat(dates.get(i).first()).isAfterOrEqualTo(dates.get(i - 1).first());
    }
    for (QuotesReply.Labelled point : timeline.quotes()) {
      assertThat(point.label()).isEqualTo(point.quote().source().published().display());
      assertThat(text(point.quote().source().id())).contains(point.quote().verbatim());
    }
    assertThat(timeline.quotes().stream().map(QuotesReply.Labelled::label))
        .allMatch(label -> !label.equals("July 1, 2018") && !label.equals("November 1, 2018"));
  }

  @Test
  void aMonthOnlyDateSortsAsItsMonthBeforeTheDaysInIt() {
    Result july = fakeResult(PublishedDate.parse("2018-07"));
    Result julyTenth = fakeResult(PublishedDate.parse("2018-07-10"));
    Result june = fakeResult(PublishedDate.parse("2018-06-30"));
    Result undated = fakeResult(null);

    List<Result> sorted =
        java.util.stream.Stream.of(undated, julyTenth, july, june)
            .sorted(TimelineCommand.IN_DATE_ORDER)
            .toList();

    assertThat(sorted).containsExactly(june, july, julyTenth, undated);
  }

  private static Result fakeResult(PublishedDate date) {
    var source =
        new readingroom.index.model.Source(
            "id-" + date, "T", null, "O", null, null, date, "https://example.org/", List.of());
    return new Result(source, "q", List.of(), "https://example.org/", 0, 0, 1);
  }

  @Test
  void timelineHonoursTheChannelsReadingList() {
    scope("w1", "tags week-1");
    QuotesReply timeline =
        (QuotesReply) commands.timeline(in("w1", "ann"), "Russia and the Taliban");
    assertThat(ids(timeline)).isNotEmpty().isSubsetOf(WAPO, DIPLOMAT_JULY);
  }

  // ---- /cite -------------------------------------------------------------------------------

  @Test
  void citeGivesEveryStyleForTheAskersLastAnswerWithTheQuotesLinks() {
    Origin ann = in("c", "ann");
    AnswerReply answer =
        (AnswerReply) commands.ask(ann, "When did the Crocus City Hall attack happen?");

    TextReply cite = (TextReply) commands.cite(ann, null, "");

    assertThat(cite.verbatim()).isTrue();
    assertThat(cite.lines()).contains("APA", "MLA", "Chicago");
    for (Result quote : answer.answer().results()) {
      assertThat(cite.lines().stream().filter(l -> l.contains(quote.link()))).hasSize(3);
    }
  }

  @Test
  void citeOfAnotherPersonsAnswerIsNotGiven() {
    commands.ask(in("c", "ann"), "When did the Crocus City Hall attack happen?");

    Reply bob = commands.cite(in("c", "bob"), null, "apa");

    assertThat(bob).isInstanceOf(NoticeReply.class);
    assertThat(((NoticeReply) bob).text()).isEqualTo(readingroom.bot.model.Messages.CITE_NOTHING);
  }

  @Test
  void citeKnowsNoStyleItDoesNotWrite() {
    Reply reply = commands.cite(in("c", "ann"), null, "harvard");
    assertThat(((NoticeReply) reply).kind()).isEqualTo(NoticeReply.Kind.INVALID_INPUT);
  }

  @Test
  void citationsWriteDatesAtTheirPrecisionAndNdWhereNone() {
    var july = engine.source(DIPLOMAT_JULY).orElseThrow();
    var stratfor = engine.source(STRATFOR).orElseThrow();
    var undated =
        new readingroom.index.model.Source(
            "x", "A Title", null, "Outlet", null, "Jane Q. Roe", null, "https://e.org/x", null);

    assertThat(
            readingroom.bot.text.Citations.cite(july, "L", readingroom.bot.model.CitationStyle.APA))
        .isEqualTo(
            "Ramani, S. (2018, July). Why Has Russia Invited the Taliban to Moscow? The Diplomat. L");
    assertThat(
            readingroom.bot.text.Citations.cite(july, "L", readingroom.bot.model.CitationStyle.MLA))
        .isEqualTo(
            "Ramani, Samuel. “Why Has Russia Invited the Taliban to Moscow?” The Diplomat, July 2018, L.");
    assertThat(
            readingroom.bot.text.Citations.cite(
                stratfor, "L", readingroom.bot.model.CitationStyle.CHICAGO))
        .isEqualTo(
            "“Afghanistan: Russia Attempts to End America's Longest-Running War.” Stratfor Worldview, November 9, 2018. L.");
    assertThat(
            readingroom.bot.text.Citations.cite(
                stratfor, "L", readingroom.bot.model.CitationStyle.APA))
        .isEqualTo(
            "Afghanistan: Russia Attempts to End America's Longest-Running War. (2018, November 9). Stratfor Worldview. L");
    assertThat(
            readingroom.bot.text.Citations.cite(
                undated, "L", readingroom.bot.model.CitationStyle.APA))
        .isEqualTo("Roe, J. Q. (n.d.). A Title. Outlet. L");
    assertThat(
            readingroom.bot.text.Citations.cite(
                undated, "L", readingroom.bot.model.CitationStyle.MLA))
        .isEqualTo("Roe, Jane Q. “A Title.” Outlet, n.d., L.");
    var unlinked =
        new readingroom.index.model.Source(
            "y", "A Title", null, "Outlet", null, "Jane Q. Roe", null, null, null);
    for (readingroom.bot.model.CitationStyle style : readingroom.bot.model.CitationStyle.values()) {
      assertThat(readingroom.bot.text.Citations.cite(unlinked, null, style))
          .as("no address, %s", style)
          .doesNotContain("null")
          .endsWith(".");
    }
  }

  // ---- follow-ups --------------------------------------------------------------------------

  @Test
  void aFollowUpInAThreadIsAskedWithTheThreadsQuestionAsContextAndSurvivesARestart() {
    Origin ann = in("c", "ann");
    commands.ask(ann, "1700.1", "When did the Crocus City Hall attack happen?");

    // A new process on the same database file: the thread is remembered.
    ChatCommands restarted = commands(database);
    AnswerReply followUp = (AnswerReply) restarted.ask(in("c", "bob"), "1700.1", "when was that?");
    AnswerReply alone = (AnswerReply) restarted.ask(in("c", "bob"), null, "when was that?");

    assertThat(ids(followUp)).contains(MOSCOW_TIMES);
    assertThat(ids(followUp)).isNotEqualTo(ids(alone));
  }

  @Test
  void aThreadAboutOneArticleStaysAboutItUnlessTheFollowUpNamesAnother() {
    scope("c", "articles " + DIPLOMAT_NOVEMBER + " " + STRATFOR + " " + MOSCOW_TIMES);
    Origin ann = in("c", "ann");
    // The thread's answer quoted one article only (the reading list of one).
    var memory = new SqliteConversationMemory(database, clock);
    memory.remember(
        readingroom.bot.channel.ChannelKey.of(ann),
        "t1",
        new readingroom.bot.channel.ConversationMemory.Turn(
            "What does the article say about Russia and the Taliban?",
            "",
            "",
            List.of(STRATFOR),
            0));

    List<String> stays = ids(commands.ask(ann, "t1", "what about the United States?"));
    assertThat(stays).isNotEmpty().containsOnly(STRATFOR);

    memory.remember(
        readingroom.bot.channel.ChannelKey.of(ann),
        "t2",
        new readingroom.bot.channel.ConversationMemory.Turn(
            "What does the article say about Russia and the Taliban?",
            "",
            "",
            List.of(STRATFOR),
            0));
    List<String> moves = ids(commands.ask(ann, "t2", "what does the moscow times say about it?"));
    assertThat(moves).isNotEmpty().containsOnly(MOSCOW_TIMES);
  }

  @Test
  void moreUnderAFollowUpContinuesTheFollowUpAsTheThreadAskedIt() {
    Origin ann = in("c", "ann");
    String first = "When did the Crocus City Hall attack happen?";
    commands.ask(ann, "t9", first);
    commands.ask(ann, "t9", "when was that?");

    AnswerReply more = (AnswerReply) commands.more(ann, "t9", "when was that?", 3);

    var expected =
        engine.ask(
            new readingroom.index.Question(
                "when was that?", readingroom.index.Scope.all(), 3, 3, first));
    assertThat(more.answer().results().stream().map(Result::quote).toList())
        .isEqualTo(expected.results().stream().map(Result::quote).toList());
  }

  // ---- /discuss ----------------------------------------------------------------------------

  @Test
  void discussRotatesThroughTheReadingListAndAsksAboutThePassagesOwnWords() {
    scope("d", "tags week-1");
    Origin teacher = in("d", "teacher");

    QuotesReply first = (QuotesReply) commands.discuss(teacher, "");
    QuotesReply second = // After a restart: the rotation is kept in the database.
        (QuotesReply) commands(database).discuss(teacher, "");

    assertThat(List.of(ids(first).get(0), ids(second).get(0)))
        .containsExactlyInAnyOrder(WAPO, DIPLOMAT_JULY);
    for (QuotesReply discussion : List.of(first, second)) {
      Result passage = discussion.quotes().get(0).quote();
      assertThat(text(passage.source().id())).contains(passage.verbatim());
      assertThat(discussion.closing()).endsWith("?").contains("Do the other articles");
      java.util.regex.Matcher phrase =
          java.util.regex.Pattern.compile("“([^”]+)”").matcher(discussion.closing());
      assertThat(phrase.find()).isTrue();
      assertThat(passage.verbatim()).contains(phrase.group(1).replace(" …", ""));
    }
  }

  @Test
  void aDiscussionPromptQuotesAPhraseItAsksAboutAndNeverAsserts() {
    assertThat(
            DiscussCommand.prompt(
                "Lavrov said the talks were “a step toward peace” in the region.", true))
        .isEqualTo(
            "Who says “a step toward peace”, and what do they mean by it? Do the other articles on the reading list agree?");
    assertThat(DiscussCommand.prompt("Russia, too, has significant trade with Afghanistan.", false))
        .isEqualTo("What does the author mean by “has significant trade with Afghanistan”?");
  }

  // ---- /report -----------------------------------------------------------------------------

  @Test
  void reportCountsQuestionsGapsCitedArticlesAndFeedbackWithoutUsers() {
    Origin ann = in("r", "U_ANN_SECRET");
    commands.ask(ann, "When did the Crocus City Hall attack happen?");
    commands.ask(in("r", "U_BOB"), "when did the crocus city hall attack happen");
    commands.ask(ann, "how do I make kabuli pulao?");
    commands.feedbackSink().record(ann, "When did the Crocus City Hall attack happen?", true);
    clock.advance(Duration.ofMinutes(5));

    Reply refused = commands.report(in("r", "U_BOB"), false, "");
    TextReply report = (TextReply) commands.report(in("r", "teacher"), true, "7d");

    assertThat(((NoticeReply) refused).kind()).isEqualTo(NoticeReply.Kind.FORBIDDEN);
    assertThat(report.forAskerOnly()).isTrue();
    String all = String.join("\n", report.lines());
    assertThat(all)
        .contains("Questions asked: 3 (2 answered, 1 not answered by the reading list).")
        .contains("Feedback: 1 Helpful, 0 Not helpful.")
        .contains("“how do I make kabuli pulao?”")
        .contains(engine.source(MOSCOW_TIMES).orElseThrow().title() + " ×2")
        .doesNotContain("U_ANN_SECRET")
        .doesNotContain("U_BOB");
    String gaps = all.substring(all.indexOf("coverage gaps"), all.indexOf("Most cited articles"));
    assertThat(gaps).contains("kabuli pulao").doesNotContain("Crocus");
  }

  @Test
  void reportPeriodsAreParsedOrRefused() {
    var now = java.time.Instant.parse("2026-12-01T10:00:00Z");
    assertThat(ChannelReport.period("30d", now).orElseThrow().from())
        .isEqualTo(java.time.Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(ChannelReport.period("since 2026-11-15", now).orElseThrow().from())
        .isEqualTo(java.time.Instant.parse("2026-11-15T00:00:00Z"));
    assertThat(ChannelReport.period("2026-11-01..2026-11-30", now).orElseThrow().to())
        .isEqualTo(java.time.Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(ChannelReport.period("last tuesday", now)).isEmpty();
    assertThat(ChannelReport.period("2026-11-30..2026-11-01", now)).isEmpty();
  }

  @Test
  void reportCsvQuotesFieldsAndDefusesFormulas() {
    assertThat(ChannelReport.csvField("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
    assertThat(ChannelReport.csvField("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
  }
}
