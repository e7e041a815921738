package readingroom.bot.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.chat.Platform;
import readingroom.bot.chat.Reply.DigestReply;
import readingroom.bot.chat.Reply.DigestReply.AskedQuestion;
import readingroom.bot.chat.Reply.DigestReply.Discussion;
import readingroom.bot.chat.Reply.DigestReply.NewArticle;
import readingroom.bot.digest.DigestPoster.ChannelUnreachableException;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.InvalidQuestionException;
import readingroom.index.Question;
import readingroom.index.Result;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * The daily digests of every channel: subscribing, composing a digest within a channel's reading
 * list, and posting each channel's day exactly once. A day is claimed in the database before it is
 * composed and marked posted after, so a restart at any point posts a missed day once while it is
 * within the grace period and never posts a day that was marked posted. The one gap no database can
 * close: a crash after the platform accepted a post but before it was marked would post it again;
 * that window is one local database write long.
 */
public final class Digests {

  private static final Logger log = LoggerFactory.getLogger(Digests.class);

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

  /**
   * How digests are run.
   *
   * @param grace how long after its time a day may still be posted (after a restart or outage)
   * @param lease how old another process's claim must be before it counts as abandoned
   * @param maxAttempts claims of one day before it is given up as failed
   */
  public record Options(Duration grace, Duration lease, int maxAttempts) {
    public static final Options DEFAULTS =
        new Options(Duration.ofHours(3), Duration.ofMinutes(5), 5);

    public Options {
      if (grace.isNegative() || grace.compareTo(Duration.ofHours(23)) > 0) {
        throw new IllegalArgumentException("grace must be 0 to 23 hours, was " + grace);
      }
      if (lease.isNegative() || maxAttempts < 1) {
        throw new IllegalArgumentException("lease must not be negative and maxAttempts positive");
      }
    }
  }

  /** What one run did, for logs and tests. */
  public record Run(int posted, int empty, int missed, int paused, int retried, int failed) {}

  /** A composed digest and the passage it features, recorded once it is posted. */
  record Composed(DigestReply reply, DigestStore.Featured featured) {}

  private final Engine engine;
  private final DigestStore store;
  private final Function<ChannelKey, Scope> scopes;
  private final Options options;
  private final Clock clock;

  /** This process's name on the claims it takes. */
  private final String owner = UUID.randomUUID().toString();

  private long seenVersion = Long.MIN_VALUE;

  /**
   * @param scopes each channel's reading list, as its settings say now
   */
  public Digests(
      Engine engine,
      DigestStore store,
      Function<ChannelKey, Scope> scopes,
      Options options,
      Clock clock) {
    this.engine = Objects.requireNonNull(engine);
    this.store = Objects.requireNonNull(store);
    this.scopes = Objects.requireNonNull(scopes);
    this.options = Objects.requireNonNull(options);
    this.clock = Objects.requireNonNull(clock);
  }

  public Options options() {
    return options;
  }

  public Clock clock() {
    return clock;
  }

  // ---- subscriptions ----

  public Optional<Subscription> subscription(ChannelKey channel) {
    return store.find(channel);
  }

  /**
   * Subscribes a channel, or changes its time, zone or topic; resumes a paused one. The new time
   * starts with the next slot: a day already posted is not posted again.
   */
  public Subscription subscribe(
      ChannelKey channel, DigestSchedule schedule, String topic, String changedBy) {
    refreshArticles();
    Instant now = clock.instant();
    Instant lastPosted = store.find(channel).map(Subscription::lastPostedAt).orElse(null);
    Subscription subscription =
        new Subscription(channel, schedule, topic, now, lastPosted, null, null);
    store.save(subscription, changedBy, now);
    return subscription;
  }

  /** Ends a channel's digest; returns whether it had one. */
  public boolean unsubscribe(ChannelKey channel) {
    return store.delete(channel);
  }

  /** When a subscription will next post (a time in the past means "due now"). */
  public Instant nextPost(Subscription s) {
    Instant now = clock.instant();
    LocalDate day =
        s.schedule()
            .next(
                now,
                s.activeFrom(),
                options.grace(),
                d -> store.slot(s.channel(), d).map(SlotState::finished).orElse(false));
    return s.schedule().at(day);
  }

  /**
   * The digest a channel would get next, composed now and recorded nowhere: nothing is featured,
   * claimed or moved on. A channel without a subscription sees a digest without a topic.
   */
  public DigestReply preview(ChannelKey channel) {
    Instant now = clock.instant();
    Subscription s =
        store
            .find(channel)
            .orElseGet(() ->
                new Subscription(
                    channel,
                    new DigestSchedule(java.time.LocalTime.NOON, java.time.ZoneOffset.UTC),
                    null,
                    now.minus(ASKED_WINDOW),
                    null,
                    null,
                    null));
    LocalDate day = s.schedule().dateAt(store.find(channel).isPresent() ? nextPost(s) : now);
    return compose(s, day, now, true).reply();
  }

  // ---- the scheduler's work ----

  /** Records articles that appeared since the last call (at start and after re-indexing). */
  public synchronized void refreshArticles() {
    long version = engine.version();
    if (version != seenVersion) {
      store.seen(engine.sources(Scope.all()).stream().map(Source::id).toList(), clock.instant());
      seenVersion = version;
    }
  }

  /**
   * Posts every subscribed channel's day that is due and not yet posted, through the poster of its
   * platform. A channel that fails is logged and skipped; the others still get theirs.
   */
  public synchronized Run runDue(Map<Platform, DigestPoster> posters) {
    int posted = 0;
    int empty = 0;
    int missed = 0;
    int paused = 0;
    int retried = 0;
    int failed = 0;
    try {
      refreshArticles();
    } catch (RuntimeException e) {
      log.warn("Could not record new articles for digests; trying again next run", e);
    }
    for (Subscription s : store.all()) {
      DigestPoster poster = posters.get(s.channel().platform());
      if (s.paused() || poster == null) {
        continue;
      }
      try {
        switch (runOne(s, poster)) {
          case POSTED -> posted++;
          case EMPTY -> empty++;
          case MISSED -> missed++;
          case PAUSED -> paused++;
          case RETRY -> retried++;
          case NOTHING -> {}
        }
      } catch (RuntimeException e) {
        failed++;
        log.error("Digest for {} failed; other channels go on", describe(s.channel()), e);
      }
    }
    return new Run(posted, empty, missed, paused, retried, failed);
  }

  private enum Outcome {
    NOTHING,
    POSTED,
    EMPTY,
    MISSED,
    PAUSED,
    RETRY
  }

  private Outcome runOne(Subscription s, DigestPoster poster) {
    ChannelKey key = s.channel();
    Instant now = clock.instant();
    Optional<LocalDate> started = s.schedule().latestStarted(now, s.activeFrom());
    if (started.isEmpty()) {
      return Outcome.NOTHING;
    }
    LocalDate day = started.get();
    if (now.isAfter(s.schedule().at(day).plus(options.grace()))) {
      Optional<SlotState> state = store.slot(key, day);
      if (state.isPresent() && state.get().finished()) {
        return Outcome.NOTHING;
      }
      store.finish(key, day, SlotState.MISSED, "past the grace period", now);
      log.info(
          "Digest for {} of {} missed: the bot was not running within {} of {} {}",
          describe(key),
          day,
          options.grace(),
          s.schedule().timeText(),
          s.schedule().zone());
      return Outcome.MISSED;
    }
    if (!store.claim(key, day, owner, now, options.lease(), options.maxAttempts())) {
      return Outcome.NOTHING;
    }
    Composed composed;
    try {
      composed = compose(s, day, now, false);
    } catch (RuntimeException e) {
      store.release(key, day, String.valueOf(e.getMessage()));
      throw e;
    }
    if (composed.reply().isEmpty()) {
      store.finish(key, day, SlotState.EMPTY, "nothing to say", now);
      log.info("Digest for {} of {} had nothing to say; not posted", describe(key), day);
      return Outcome.EMPTY;
    }
    try {
      poster.post(key, composed.reply());
    } catch (ChannelUnreachableException e) {
      store.finish(key, day, SlotState.FAILED, e.getMessage(), now);
      store.pause(key, now, e.getMessage());
      log.warn(
          "Digest for {} paused: the channel cannot be posted to ({}). It resumes when the"
              + " channel subscribes again.",
          describe(key),
          e.getMessage());
      return Outcome.PAUSED;
    } catch (InterruptedException e) {
      store.release(key, day, "interrupted");
      Thread.currentThread().interrupt();
      return Outcome.RETRY;
    } catch (Exception e) {
      store.release(key, day, String.valueOf(e.getMessage()));
      log.warn(
          "Digest for {} of {} could not be posted ({}); trying again on the next run",
          describe(key),
          day,
          e.getMessage());
      return Outcome.RETRY;
    }
    store.posted(key, day, now, composed.featured());
    log.info("Digest for {} of {} posted", describe(key), day);
    return Outcome.POSTED;
  }

  // ---- composition ----

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
    for (DigestStore.Asked question :
        store.mostAsked(key, now.minus(ASKED_WINDOW), now, MAX_ASKED * 2)) {
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
    java.util.Collections.reverse(oldestFirst);
    oldestFirst.sort(
        Comparator.comparing((Source src) -> lastFeatured.getOrDefault(src.id(), Instant.MIN)));

    if (topic != null) {
      try {
        Answer answer =
            engine.ask(
                new Question(
                    topic,
                    Scope.articles(
                        due.stream().map(Source::id).collect(java.util.stream.Collectors.toSet())),
                    Question.MAX_QUOTES,
                    0));
        for (Result result : answer.results()) {
          if (!used.contains(result.source().id() + ":" + result.start())) {
            return result;
          }
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

  static String describe(ChannelKey key) {
    return key.platform()
        + " "
        + (key.workspace().isEmpty() ? "" : key.workspace() + "/")
        + key.channel();
  }
}
