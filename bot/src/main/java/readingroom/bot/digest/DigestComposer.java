package readingroom.bot.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.model.Reply.DigestReply;
import readingroom.bot.model.Reply.DigestReply.AskedQuestion;
import readingroom.bot.model.Reply.DigestReply.Discussion;
import readingroom.bot.model.Reply.DigestReply.NewArticle;
import readingroom.bot.state.QuestionLog;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.InvalidQuestionException;
import readingroom.index.Question;
import readingroom.index.Result;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * What a channel's digest says, within its reading list: the articles new since its last digest, a
 * passage for discussion not featured there before, and the questions it asked most with the best
 * quote for each. Composing records nothing; the runner records what was posted.
 */
public final class DigestComposer {

  private static final Logger log = LoggerFactory.getLogger(DigestComposer.class);

  /** New articles shown in full; more are counted, so the post stays within platform limits. */
  public static final int MAX_NEW_ARTICLES = 5;

  /** Most asked questions shown. */
  public static final int MAX_ASKED = 3;

  /** How far back "most asked" looks. */
  public static final Duration ASKED_WINDOW = Duration.ofDays(1);

  /** Passages of an article considered for discussion, from its start. */
  private static final int PASSAGES_PER_ARTICLE = 60;

  /**
   * The discussion prompts, used in turn. Each invites a reading and asserts nothing about the
   * passage, so no prompt can misstate what the text says.
   */
  static final List<String> PROMPTS =
      List.of(
          "What do you make of this passage?",
          "Which word or phrase here would you question first, and why?",
          "What would you ask the author about this passage?",
          "How does this passage sit with the other pieces on the reading list?",
          "What would you need to know to judge this passage?",
          "If you had to sum this passage up in one sentence, what would it be?");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

  /** The questions a channel asked most: the question log's, or none when it is off. */
  @FunctionalInterface
  public interface MostAsked {
    List<QuestionLog.Asked> mostAsked(ChannelKey channel, Instant from, Instant to, int limit);

    MostAsked NONE = (channel, from, to, limit) -> List.of();
  }

  /** A composed digest and the passage it features, recorded once it is posted. */
  record Composed(DigestReply reply, DigestStore.Featured featured) {}

  private final Engine engine;
  private final DigestStore store;
  private final Subscriptions subscriptions;
  private final Function<ChannelKey, Scope> scopes;
  private final MostAsked mostAsked;
  private final Clock clock;

  /**
   * @param scopes each channel's reading list, as its settings say now
   */
  public DigestComposer(
      Engine engine,
      DigestStore store,
      Subscriptions subscriptions,
      Function<ChannelKey, Scope> scopes,
      MostAsked mostAsked,
      Clock clock) {
    this.engine = engine;
    this.store = store;
    this.subscriptions = subscriptions;
    this.scopes = scopes;
    this.mostAsked = mostAsked;
    this.clock = clock;
  }

  /**
   * The digest a channel would get next, composed now and recorded nowhere: nothing is featured,
   * claimed or moved on. A channel without a subscription sees a digest without a topic.
   */
  public DigestReply preview(ChannelKey channel) {
    Instant now = clock.instant();
    var found = subscriptions.find(channel);
    Subscription s =
        found.orElseGet(() ->
            new Subscription(
                channel,
                new DigestSchedule(LocalTime.NOON, ZoneOffset.UTC),
                null,
                now.minus(ASKED_WINDOW),
                null,
                null,
                null));
    LocalDate day = s.schedule().dateAt(found.isPresent() ? subscriptions.nextPost(s) : now);
    return compose(s, day, now, true).reply();
  }

  Composed compose(Subscription s, LocalDate day, Instant now, boolean preview) {
    ChannelKey key = s.channel();
    Scope scope = scopes.apply(key);
    List<Source> inScope = engine.sources(scope);

    Map<String, Instant> firstSeen = store.firstSeen();
    List<Source> fresh =
        inScope.stream()
            .filter(src -> {
              Instant seen = firstSeen.get(src.id());
              return seen != null && seen.isAfter(s.newSince()) && !seen.isAfter(now);
            })
            .toList();
    List<NewArticle> added = new ArrayList<>();
    for (Source source : fresh.subList(0, Math.min(MAX_NEW_ARTICLES, fresh.size()))) {
      List<Result> opening = engine.openingQuotes(source.id(), 1);
      added.add(new NewArticle(source, opening.isEmpty() ? null : opening.get(0)));
    }

    List<DigestStore.Featured> featured = store.featured(key);
    Result passage = discussionPassage(inScope, featured, s.topic());
    Discussion discussion = null;
    DigestStore.Featured feature = null;
    if (passage != null) {
      discussion =
          new Discussion(passage, PROMPTS.get(featured.size() % PROMPTS.size()), s.topic());
      feature =
          new DigestStore.Featured(passage.source().id(), passage.start(), passage.end(), now);
    }

    List<AskedQuestion> asked = new ArrayList<>();
    for (QuestionLog.Asked question :
        mostAsked.mostAsked(key, now.minus(ASKED_WINDOW), now, MAX_ASKED * 2)) {
      if (asked.size() >= MAX_ASKED) {
        break;
      }
      try {
        Answer answer = engine.ask(new Question(question.question(), scope, 1, 0));
        if (answer.answered() && !answer.results().isEmpty()) {
          asked.add(
              new AskedQuestion(question.question(), question.times(), answer.results().get(0)));
        }
      } catch (InvalidQuestionException e) {
        // A logged question the engine no longer takes (rules changed): leave it out.
      }
    }

    String heading = "Reading Room digest · " + DAY.format(day);
    return new Composed(
        new DigestReply(heading, added, fresh.size() - added.size(), discussion, asked, preview),
        feature);
  }

  /**
   * The engine's best passage for {@code topic} among the {@code due} articles that is not in
   * {@code used} ("articleId:start"), or null: the topic rule the digest and {@code /discuss}
   * share.
   *
   * @throws InvalidQuestionException when the topic is nothing the engine can search for
   */
  public static Result unusedOnTopic(
      Engine engine, String topic, List<Source> due, Set<String> used) {
    Answer answer =
        engine.ask(
            new Question(
                topic,
                Scope.articles(due.stream().map(Source::id).collect(Collectors.toSet())),
                Question.MAX_QUOTES,
                0));
    for (Result result : answer.results()) {
      if (!used.contains(result.source().id() + ":" + result.start())) {
        return result;
      }
    }
    return null;
  }

  /**
   * A passage not featured in this channel before, from an article featured the fewest times, so
   * the whole reading list comes round before any article comes round again. With a topic, the
   * engine's best match for it among those articles; otherwise the least recently featured
   * article's first unused passage.
   */
  private Result discussionPassage(
      List<Source> inScope, List<DigestStore.Featured> featured, String topic) {
    if (inScope.isEmpty()) {
      return null;
    }
    Map<String, Integer> times = new HashMap<>();
    Map<String, Instant> lastFeatured = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (DigestStore.Featured f : featured) {
      times.merge(f.articleId(), 1, Integer::sum);
      lastFeatured.merge(f.articleId(), f.at(), (a, b) -> a.isAfter(b) ? a : b);
      used.add(f.articleId() + ":" + f.start());
    }
    int fewest = inScope.stream().mapToInt(src -> times.getOrDefault(src.id(), 0)).min().orElse(0);
    List<Source> due =
        new ArrayList<>(
            inScope.stream().filter(src -> times.getOrDefault(src.id(), 0) == fewest).toList());
    // Never featured first, then the longest ago; among equals the oldest article (stable order).
    List<Source> oldestFirst = new ArrayList<>(due);
    Collections.reverse(oldestFirst);
    oldestFirst.sort(
        Comparator.comparing((Source src) -> lastFeatured.getOrDefault(src.id(), Instant.MIN)));

    if (topic != null) {
      try {
        Result onTopic = unusedOnTopic(engine, topic, due, used);
        if (onTopic != null) {
          return onTopic;
        }
      } catch (InvalidQuestionException e) {
        log.debug(
            "Digest topic \"{}\" is not a question the engine takes: {}", topic, e.getMessage());
      }
    }
    for (List<Source> pool : List.of(oldestFirst, inScope)) {
      for (Source source : pool) {
        for (Result quote : engine.openingQuotes(source.id(), PASSAGES_PER_ARTICLE)) {
          if (!used.contains(source.id() + ":" + quote.start())) {
            return quote;
          }
        }
      }
    }
    return null;
  }
}
