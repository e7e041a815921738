package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.testing.TestCorpus.DIPLOMAT_JULY;
import static readingroom.bot.testing.TestCorpus.DIPLOMAT_NOVEMBER;
import static readingroom.bot.testing.TestCorpus.MOSCOW_TIMES;
import static readingroom.bot.testing.TestCorpus.STRATFOR;
import static readingroom.bot.testing.TestCorpus.WAPO;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.channel.RateLimiter;
import readingroom.bot.channel.RateLimiter.Limit;
import readingroom.bot.metrics.ChatMetrics;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.AnswerReply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Reply.SettingsReply;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.state.SqliteChannelSettings;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.state.UserHasher;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;
import readingroom.index.Result;
import readingroom.index.model.Source;

/** The channel layer through the commands adapters call, on a real engine and database file. */
class ChannelCommandsTest {

  private static final List<String> QUESTIONS =
      List.of(
          "Why did Russia invite the Taliban to Moscow?",
          "Why does Russia no longer call the Taliban terrorists?",
          "What is the Moscow Format?",
          "How many people in Afghanistan need humanitarian assistance?",
          "Did Russia arm the Taliban?");

  private final Engine engine = SharedEngine.get();
  private final MutableClock clock = new MutableClock();
  @TempDir Path dir;
  private StateDatabase database;
  private SimpleMeterRegistry registry;
  private QuestionLog questionLog;
  private ChatCommands commands;

  @BeforeEach
  void open() {
    database = StateDatabase.open(dir.resolve("state.db"));
    commands = commands(Limit.none(), Limit.none());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private ChatCommands commands(Limit perUser, Limit perChannel) {
    registry = new SimpleMeterRegistry();
    UserHasher hasher = UserHasher.of(java.util.Optional.empty(), database);
    questionLog = new QuestionLog(database, hasher, Duration.ofDays(90), clock);
    return ChatCommands.builder(engine)
        .channels(
            new SqliteChannelSettings(database, clock), new ChannelDefaults(Visibility.PUBLIC, 3))
        .cache(AnswerCache.withDefaults())
        .limiter(new RateLimiter(perUser, perChannel, clock))
        .questionLog(questionLog, hasher)
        .metrics(new ChatMetrics(registry))
        .build();
  }

  private static Origin discord(String channel, String user) {
    return new Origin(Platform.DISCORD, "guild-1", channel, user);
  }

  private static Origin teacher(String channel) {
    return discord(channel, "teacher");
  }

  private static List<String> articleIds(Reply reply) {
    assertThat(reply).isInstanceOf(AnswerReply.class);
    return ((AnswerReply) reply).answer().results().stream().map(r -> r.source().id()).toList();
  }

  private void scope(String channel, String scope) {
    assertThat(commands.settings(teacher(channel), true, "scope " + scope))
        .isInstanceOf(SettingsReply.class);
  }

  @Test
  void theSameQuestionInChannelsWithDifferentReadingListsGetsEachChannelsOwnAnswer() {
    scope("week-1", "tags week-1");
    scope("week-3", "tags week-3");
    String question = QUESTIONS.get(0);

    List<String> week1 = articleIds(commands.ask(discord("week-1", "ann"), question));
    List<String> week3 = articleIds(commands.ask(discord("week-3", "ann"), question));

    assertThat(week1).isNotEmpty().allMatch(id -> Set.of(WAPO, DIPLOMAT_JULY).contains(id));
    assertThat(week3).isNotEmpty().allMatch(MOSCOW_TIMES::equals);
    assertThat(commands.cache().misses()).isEqualTo(2);
    assertThat(commands.cache().hits()).isZero();

    // Asked again, differently typed, each channel gets its own cached answer back.
    List<String> week1Again =
        articleIds(
            commands.ask(discord("week-1", "bob"), "why did russia invite the TALIBAN to moscow"));
    assertThat(week1Again).isEqualTo(week1);
    assertThat(commands.cache().hits()).isEqualTo(1);
  }

  @Test
  void scopedAnswersNeverQuoteArticlesOutsideTheChannelsReadingList() {
    scope("week-3", "tags week-3");
    scope("two", "articles " + STRATFOR + " " + DIPLOMAT_NOVEMBER);
    scope("late-2018", "dates 2018-11");
    int quotes = 0;
    for (String question : QUESTIONS) {
      for (int skip : new int[] {0, 3, 6}) {
        for (Result result : results(commands.ask(discord("week-3", "ann"), question, skip))) {
          assertThat(result.source().id()).as(question).isEqualTo(MOSCOW_TIMES);
          quotes++;
        }
        for (Result result : results(commands.ask(discord("two", "ann"), question, skip))) {
          assertThat(result.source().id()).as(question).isIn(STRATFOR, DIPLOMAT_NOVEMBER);
          quotes++;
        }
        for (Result result : results(commands.ask(discord("late-2018", "ann"), question, skip))) {
          assertThat(result.source().id()).as(question).isIn(STRATFOR, DIPLOMAT_NOVEMBER);
          quotes++;
        }
      }
    }
    // Answers carry only the quotes that clear the bar, so fewer than three per page.
    assertThat(quotes).as("quotes checked").isGreaterThan(12);
  }

  private static List<Result> results(Reply reply) {
    assertThat(reply).isInstanceOf(AnswerReply.class);
    return ((AnswerReply) reply).answer().results();
  }

  @Test
  void sourcesArticleAndAutocompleteOfferOnlyTheChannelsReadingList() {
    scope("week-1", "tags week-1");
    Origin student = discord("week-1", "ann");

    Reply sources = commands.sources(student);
    assertThat(((Reply.SourcesReply) sources).sources())
        .extracting(Source::id)
        .containsExactlyInAnyOrder(WAPO, DIPLOMAT_JULY);
    assertThat(commands.autocompleteArticles(student, "russia", 10))
        .extracting(Source::id)
        .containsExactlyInAnyOrder(WAPO, DIPLOMAT_JULY);
    assertThat(commands.autocompleteArticles(discord("elsewhere", "ann"), "russia", 10))
        .hasSizeGreaterThan(2);
    assertThat(commands.article(student, MOSCOW_TIMES)).isInstanceOf(NoticeReply.class);
    assertThat(commands.article(student, "moscow times"))
        .isEqualTo(
            new NoticeReply(
                NoticeReply.Kind.NOT_FOUND,
                "No article in this channel's reading list matches \"moscow times\". Try /sources"
                    + " to see them all."));
    assertThat(((Reply.ArticleReply) commands.article(student, "washington post")).source().id())
        .isEqualTo(WAPO);
  }

  @Test
  void anyoneCanViewTheSettingsOnlyManagersCanChangeThemAndARefusalSaysWhy() {
    Origin student = discord("history", "ann");
    Reply refused = commands.changeSettings(student, false, new SettingChange.Quotes(1));
    assertThat(refused)
        .isEqualTo(
            new NoticeReply(
                NoticeReply.Kind.FORBIDDEN,
                "Only members with the Manage Channels permission can change this channel's"
                    + " settings. Anyone can view them with /settings."));
    assertThat(commands.settings(student, false, "visibility private"))
        .isInstanceOf(NoticeReply.class)
        .extracting(r -> ((NoticeReply) r).kind())
        .isEqualTo(NoticeReply.Kind.FORBIDDEN);
    assertThat(
            commands.changeSettings(student, false, new SettingChange.ReadingList("tags week-3")))
        .extracting(r -> ((NoticeReply) r).kind())
        .isEqualTo(NoticeReply.Kind.FORBIDDEN);
    Origin slackStudent = new Origin(Platform.SLACK, "T1", "C1", "U1");
    assertThat(((NoticeReply) commands.settings(slackStudent, false, "quotes 2")).text())
        .startsWith("Only workspace admins and the admins named in the bot's configuration")
        .endsWith("Anyone can view them with /settings.");

    SettingsReply view = (SettingsReply) commands.settings(student);
    assertThat(view.change()).isEmpty();
    assertThat(view.lines())
        .containsExactly(
            "Reading list: every article (5 articles)",
            "Answers: public (shown to the whole channel) (default)",
            "Quotes per answer: 3 (default)",
            "To change them, if you manage this channel: /settings scope <all | articles <ids> |"
                + " tags <tags> | dates <from>..<to>>, /settings visibility <public | private>,"
                + " /settings quotes <1-3>.");
    assertThat(commands.settings(student, false, "")).isEqualTo(view);
  }

  @Test
  void aManagersChangesTakeEffectAndAreConfirmed() {
    Origin teacher = teacher("history");
    SettingsReply quotes =
        (SettingsReply) commands.changeSettings(teacher, true, new SettingChange.Quotes(1));
    assertThat(quotes.change()).isEqualTo("Saved: answers now show up to 1 quote.");
    assertThat(quotes.lines()).contains("Quotes per answer: 1");
    SettingsReply visibility =
        (SettingsReply)
            commands.changeSettings(teacher, true, new SettingChange.Answers(Visibility.PRIVATE));
    assertThat(visibility.change())
        .isEqualTo("Saved: answers are now private (shown only to the person who asked).");
    SettingsReply scope = (SettingsReply) commands.settings(teacher, true, "scope dates 2018-11");
    assertThat(scope.change())
        .isEqualTo(
            "Saved: this channel's reading list is now articles published 2018-11-01 to"
                + " 2018-11-30.");
    assertThat(scope.lines().get(0))
        .isEqualTo("Reading list: articles published 2018-11-01 to 2018-11-30 (2 articles)");

    assertThat(commands.audience(discord("history", "ann"), TextCommand.Kind.ASK, false))
        .isEqualTo(Visibility.PRIVATE);
    assertThat(commands.audience(discord("other", "ann"), TextCommand.Kind.ASK, false))
        .isEqualTo(Visibility.PUBLIC);
    AnswerReply answer = (AnswerReply) commands.ask(discord("history", "ann"), QUESTIONS.get(0));
    assertThat(answer.answer().results()).hasSize(1);
    assertThat(answer.hasMore()).isTrue();
  }

  @Test
  void impossibleChangesAreRefusedWithWhatToDoInstead() {
    Origin teacher = teacher("history");
    assertThat(((NoticeReply) commands.settings(teacher, true, "scope tags week-9")).text())
        .isEqualTo("No article is tagged \"week-9\". The tags are: moscow-format, week-1, week-3.");
    assertThat(((NoticeReply) commands.settings(teacher, true, "scope articles no-such-id")).text())
        .startsWith("No article has the id \"no-such-id\".");
    assertThat(((NoticeReply) commands.settings(teacher, true, "scope dates 2030..")).text())
        .startsWith("That reading list would hold no article");
    assertThat(((NoticeReply) commands.settings(teacher, true, "quotes 4")).text())
        .isEqualTo("An answer can show 1 to 3 quotes, not 4.");
    assertThat(((NoticeReply) commands.settings(teacher, true, "visibility secret")).text())
        .isEqualTo("Answers can be public or private, e.g. /settings visibility private.");
    assertThat(((NoticeReply) commands.settings(teacher, true, "colour blue")).kind())
        .isEqualTo(NoticeReply.Kind.INVALID_INPUT);
    SettingsReply unchanged = (SettingsReply) commands.settings(teacher);
    assertThat(unchanged.settings().scope().isAll()).isTrue();
    assertThat(unchanged.settings().maxQuotesIsDefault()).isTrue();
  }

  @Test
  void settingsSurviveARestart() {
    Origin teacher = teacher("history");
    commands.settings(teacher, true, "scope tags week-1");
    commands.settings(teacher, true, "visibility private");
    commands.settings(teacher, true, "quotes 2");
    database.close();

    database = StateDatabase.open(dir.resolve("state.db"));
    commands = commands(Limit.none(), Limit.none());
    SettingsReply reply = (SettingsReply) commands.settings(discord("history", "ann"));
    assertThat(reply.settings().scope().tags()).containsExactly("week-1");
    assertThat(reply.settings().visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(reply.settings().maxQuotes()).isEqualTo(2);
    assertThat(commands.audience(discord("history", "ann"), TextCommand.Kind.ASK, false))
        .isEqualTo(Visibility.PRIVATE);
    assertThat(articleIds(commands.ask(discord("history", "ann"), QUESTIONS.get(0))))
        .hasSizeBetween(1, 2)
        .allMatch(id -> Set.of(WAPO, DIPLOMAT_JULY).contains(id));
  }

  @Test
  void pastTheLimitAQuestionGetsAPoliteWaitButCachedAnswersAreFree() {
    commands = commands(new Limit(2, Duration.ofMinutes(1)), Limit.none());
    Origin ann = discord("history", "ann");
    assertThat(commands.ask(ann, QUESTIONS.get(0))).isInstanceOf(AnswerReply.class);
    assertThat(commands.ask(ann, QUESTIONS.get(1))).isInstanceOf(AnswerReply.class);

    assertThat(commands.ask(ann, QUESTIONS.get(2)))
        .isEqualTo(
            new NoticeReply(
                NoticeReply.Kind.RATE_LIMITED,
                "You're asking faster than I can keep up with. Please wait 30 seconds and ask"
                    + " again."));
    // Already answered in this channel: served from the cache, whoever asks.
    assertThat(commands.ask(ann, QUESTIONS.get(0).toLowerCase())).isInstanceOf(AnswerReply.class);
    assertThat(commands.ask(discord("history", "bob"), QUESTIONS.get(2)))
        .isInstanceOf(AnswerReply.class);

    clock.advance(Duration.ofSeconds(30));
    assertThat(commands.ask(ann, QUESTIONS.get(2))).isInstanceOf(AnswerReply.class);
    assertThat(registry.counter("readingroom.rate.limited", "limit", "user").count()).isEqualTo(1);
    assertThat(registry.counter("readingroom.answer.cache", "result", "hit").count()).isEqualTo(2);
  }

  @Test
  void everyAnsweredQuestionIsLoggedAndFeedbackLandsOnIt() {
    Origin ann = discord("history", "ann");
    commands.ask(ann, QUESTIONS.get(1));
    commands.ask(discord("history", "bob"), QUESTIONS.get(1));
    commands.feedbackSink().record(ann, QUESTIONS.get(1), true);

    List<QuestionLog.Entry> entries = questionLog.recent(10);
    assertThat(entries).hasSize(2);
    QuestionLog.Entry bob = entries.get(0);
    QuestionLog.Entry annEntry = entries.get(1);
    assertThat(annEntry.question()).isEqualTo(QUESTIONS.get(1));
    assertThat(annEntry.cached()).isFalse();
    assertThat(annEntry.topArticle()).isNotNull();
    assertThat(annEntry.helpful()).isTrue();
    assertThat(annEntry.userHash()).isEqualTo(questionLog.userHash(ann)).doesNotContain("ann");
    assertThat(bob.cached()).isTrue();
    assertThat(bob.helpful()).isNull();
    assertThat(bob.userHash()).isNotEqualTo(annEntry.userHash());
  }

  @Test
  void theOriginalConstructorStillAnswersWithSettingsInMemory() {
    ChatCommands plain = new ChatCommands(engine, 2);
    Origin console = Origin.console();
    assertThat(articleIds(plain.ask(console, QUESTIONS.get(2)))).hasSize(2);
    assertThat(plain.settings(console, true, "scope tags week-3"))
        .isInstanceOf(SettingsReply.class);
    assertThat(articleIds(plain.ask(console, QUESTIONS.get(0)))).allMatch(MOSCOW_TIMES::equals);
  }
}
