package readingroom.bot.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.channel.AnswerKey;
import readingroom.bot.channel.ChannelDefaults;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.ChannelSettings;
import readingroom.bot.channel.ChannelSettingsRepository;
import readingroom.bot.channel.Channels;
import readingroom.bot.channel.InvalidSettingException;
import readingroom.bot.channel.RateLimiter;
import readingroom.bot.channel.Visibility;
import readingroom.bot.chat.Reply.NoticeReply;
import readingroom.bot.digest.DigestCommand;
import readingroom.bot.digest.DigestStore;
import readingroom.bot.digest.Digests;
import readingroom.bot.metrics.ChatMetrics;
import readingroom.bot.metrics.ChatMetrics.ErrorKind;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.state.StateException;
import readingroom.bot.state.UserHasher;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.EngineException;
import readingroom.index.InvalidQuestionException;
import readingroom.index.Question;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * The commands every platform offers, as plain calls: a question or a request in, a {@link Reply}
 * out. Each channel is answered from its own reading list and settings; repeated questions come
 * from the answer cache and cost nothing against the rate limits; every question is logged and
 * counted. Failures become short notices with an id that is also in the log, never a stack trace in
 * chat.
 */
public final class ChatCommands {

  private static final Logger log = LoggerFactory.getLogger(ChatCommands.class);

  /** Articles listed by {@code /article} when several match. */
  public static final int MAX_ARTICLE_CHOICES = 10;

  private static final int MAX_SKIP = 9;

  private final Engine engine;
  private final Channels channels;
  private final AnswerCache cache;
  private final RateLimiter limiter;
  private final QuestionLog questionLog;
  private final ChatMetrics metrics;
  private final SettingsCommand settingsCommand;
  private final Digests digests;
  private final DigestCommand digestCommand;

  /**
   * Commands with settings kept in memory, public answers of up to {@code maxQuotes} quotes by
   * default, the default answer cache, no rate limits and no question log: for tools and tests. The
   * bot itself is built with {@link #builder}.
   */
  public ChatCommands(Engine engine, int maxQuotes) {
    this(builder(engine).defaults(new ChannelDefaults(Visibility.PUBLIC, maxQuotes)));
  }

  private ChatCommands(Builder builder) {
    this.engine = builder.engine;
    this.channels = new Channels(builder.settings, builder.defaults);
    this.cache = builder.cache != null ? builder.cache : AnswerCache.withDefaults();
    this.limiter = builder.limiter;
    this.questionLog = builder.questionLog;
    this.metrics = builder.metrics != null ? builder.metrics : ChatMetrics.inMemory();
    UserHasher hasher = builder.hasher;
    if (hasher == null && questionLog == null) {
      byte[] salt = new byte[32];
      new SecureRandom().nextBytes(salt);
      hasher = new UserHasher(salt);
    }
    // Who changed a setting is hashed as the question log hashes askers, so the two can be joined.
    this.settingsCommand =
        new SettingsCommand(
            engine, channels, hasher != null ? hasher::hash : questionLog::userHash);
    Function<Origin, String> who = hasher != null ? hasher::hash : questionLog::userHash;
    if (builder.digestStore != null) {
      this.digests =
          new Digests(
              engine,
              builder.digestStore,
              key -> channels.effective(key).scope(),
              builder.digestOptions,
              builder.digestClock);
      this.digestCommand = new DigestCommand(digests, who);
    } else {
      this.digests = null;
      this.digestCommand = null;
    }
    metrics.gauge("readingroom.answer.cache.size", "Answers held in the cache", cache::size);
  }

  /** Starts building the commands of a bot around {@code engine}. */
  public static Builder builder(Engine engine) {
    return new Builder(engine);
  }

  /** {@code /ask}: the first page of quotes. */
  public Reply ask(Origin origin, String question) {
    return ask(origin, question, 0);
  }

  /** {@code /ask}, or "More": the quotes after the first {@code skip}. */
  public Reply ask(Origin origin, String question, int skip) {
    long started = System.nanoTime();
    metrics.question(origin.platform());
    return guarded(
        origin,
        () -> {
          int page = Math.max(0, skip);
          ChannelKey channel = ChannelKey.of(origin);
          ChannelSettings.Effective settings = channels.effective(channel);
          AnswerKey key =
              new AnswerKey(
                  channel,
                  AnswerKey.normalise(question),
                  settings.scope(),
                  settings.maxQuotes(),
                  page,
                  engine.version());
          // A cached (or already running) answer costs nothing against the limits.
          if (!cache.contains(key)) {
            RateLimiter.Decision decision = limiter.tryAcquire(origin);
            if (!decision.allowed()) {
              metrics.rateLimited(decision.refusedBy().name());
              return rateLimited(decision);
            }
          }
          AnswerCache.Lookup lookup =
              cache.get(
                  key,
                  () ->
                      engine.ask(
                          new Question(question, settings.scope(), settings.maxQuotes(), page)));
          Answer answer = lookup.hit() ? forAsker(lookup.answer(), question) : lookup.answer();
          metrics.answered(
              lookup.hit(), answer.answered(), Duration.ofNanos(System.nanoTime() - started));
          logQuestion(origin, question, answer, lookup.hit());
          // Up to three pages: past that, the quotes are too far from the question to help.
          boolean hasMore =
              answer.results().size() == settings.maxQuotes()
                  && page + settings.maxQuotes() < MAX_SKIP;
          return new Reply.AnswerReply(answer, page, hasMore);
        });
  }

  /** {@code /sources}: the articles this channel can ask about. */
  public Reply sources(Origin origin) {
    return guarded(origin, () -> new Reply.SourcesReply(engine.sources(scopeOf(origin))));
  }

  /** {@code /article}: an article by id, or by words of its headline or outlet. */
  public Reply article(Origin origin, String idOrWords) {
    return guarded(
        origin,
        () -> {
          String wanted = idOrWords == null ? "" : idOrWords.strip();
          if (wanted.isEmpty()) {
            return new NoticeReply(
                NoticeReply.Kind.INVALID_INPUT,
                "Which article? Give a few words of its headline, e.g. /article moscow times.");
          }
          Scope scope = scopeOf(origin);
          var exact = engine.source(wanted).filter(scope::admits);
          if (exact.isPresent()) {
            return new Reply.ArticleReply(exact.get(), engine.openingQuotes(wanted, 2));
          }
          List<Source> matches = engine.findSources(wanted, scope, MAX_ARTICLE_CHOICES + 1);
          if (matches.isEmpty()) {
            return new NoticeReply(
                NoticeReply.Kind.NOT_FOUND,
                "No article in this channel's reading list matches \""
                    + shorten(wanted, 80)
                    + "\". Try /sources to see them all.");
          }
          if (matches.size() == 1) {
            Source only = matches.get(0);
            return new Reply.ArticleReply(only, engine.openingQuotes(only.id(), 2));
          }
          return new Reply.ArticleChoicesReply(
              wanted, matches.subList(0, Math.min(matches.size(), MAX_ARTICLE_CHOICES)));
        });
  }

  /** Headlines for autocomplete: up to {@code limit} articles matching the typed words. */
  public List<Source> autocompleteArticles(Origin origin, String typed, int limit) {
    try {
      return engine.findSources(typed, scopeOf(origin), limit);
    } catch (RuntimeException e) {
      log.warn("Autocomplete failed in {}", origin.channel(), e);
      return List.of();
    }
  }

  /** {@code /help}. */
  public Reply help() {
    return new Reply.HelpReply(
        List.of(
            "Ask a question about the reading list and get back verbatim quotes, each linked to its source.",
            "/ask <question>: for example /ask why did russia invite the taliban to moscow?",
            "/sources: the articles this channel can ask about.",
            "/article <headline words>: one article's details and opening lines.",
            "/settings: this channel's reading list and how answers are shown; people who manage the channel can change them.",
            "/digest subscribe <HH:MM> <time zone> [topic]: a daily post of new articles, a passage to discuss and the most asked questions; /digest status, /digest preview, /digest unsubscribe.",
            "Every quote is the article's own words; when the reading list does not answer, the bot says so."));
  }

  /** {@code /settings} with no argument: the channel's settings, for anyone. */
  public Reply settings(Origin origin) {
    return guarded(origin, () -> settingsCommand.show(origin));
  }

  /**
   * {@code /settings <text>} for platforms with one text argument (Slack, the console): {@code
   * scope all | articles <ids> | tags <tags> | dates <from>..<to>}, {@code visibility public |
   * private}, {@code quotes 1-3}; empty or {@code show} only shows them.
   *
   * @param canManage whether the person may change this channel's settings: the adapter's
   *     translation of Discord's Manage Channels permission or Slack's admin status
   */
  public Reply settings(Origin origin, boolean canManage, String text) {
    return guarded(origin, () -> settingsCommand.run(origin, canManage, text));
  }

  /**
   * Sets the channel's reading list.
   *
   * @param canManage see {@link #settings(Origin, boolean, String)}
   * @return the new settings, or a notice saying why the change was refused
   */
  public Reply setScope(Origin origin, boolean canManage, Scope scope) {
    return guarded(origin, () -> settingsCommand.setScope(origin, canManage, scope));
  }

  /** Sets whether answers are shown to the channel or only to the asker. */
  public Reply setVisibility(Origin origin, boolean canManage, Visibility visibility) {
    Objects.requireNonNull(visibility, "visibility");
    return guarded(origin, () -> settingsCommand.setVisibility(origin, canManage, visibility));
  }

  /** Sets how many quotes an answer shows, 1 to 3. */
  public Reply setMaxQuotes(Origin origin, boolean canManage, int maxQuotes) {
    return guarded(origin, () -> settingsCommand.setMaxQuotes(origin, canManage, maxQuotes));
  }

  /**
   * Whether answers in this channel are public or private: adapters ask before they acknowledge a
   * question, since the acknowledgement already decides who sees the reply. Falls back to the
   * default when the settings cannot be read.
   */
  public Visibility visibility(Origin origin) {
    try {
      return channels.effective(ChannelKey.of(origin)).visibility();
    } catch (RuntimeException e) {
      log.warn("Settings of {} unreadable; using the default visibility", origin.channel(), e);
      metrics.error(ErrorKind.DATABASE);
      return channels.defaults().visibility();
    }
  }

  /**
   * {@code /digest <text>} for platforms with one text argument (Slack, the console): {@code
   * subscribe <HH:MM> <zone> [topic]}, {@code unsubscribe}, {@code status} (also empty), {@code
   * preview}. The preview is a {@link Reply.DigestReply} with {@code preview} set, for the asker's
   * eyes only.
   *
   * @param canManage see {@link #settings(Origin, boolean, String)}: the same people may change a
   *     channel's digest
   */
  public Reply digest(Origin origin, boolean canManage, String text) {
    return guarded(
        origin, () -> digestsOff().orElseGet(() -> digestCommand.run(origin, canManage, text)));
  }

  /** Subscribes the channel to a daily digest; {@code topic} may be null. */
  public Reply digestSubscribe(
      Origin origin, boolean canManage, String time, String zone, String topic) {
    return guarded(
        origin,
        () ->
            digestsOff()
                .orElseGet(() -> digestCommand.subscribe(origin, canManage, time, zone, topic)));
  }

  public Reply digestUnsubscribe(Origin origin, boolean canManage) {
    return guarded(
        origin, () -> digestsOff().orElseGet(() -> digestCommand.unsubscribe(origin, canManage)));
  }

  /** The channel's digest and when it next comes, in the channel's zone; for anyone. */
  public Reply digestStatus(Origin origin) {
    return guarded(origin, () -> digestsOff().orElseGet(() -> digestCommand.status(origin)));
  }

  /** The next digest, composed now and recorded nowhere; for anyone, shown privately. */
  public Reply digestPreview(Origin origin) {
    return guarded(origin, () -> digestsOff().orElseGet(() -> digestCommand.preview(origin)));
  }

  /** The digests, for the scheduler; empty when the bot was built without them. */
  public Optional<Digests> digests() {
    return Optional.ofNullable(digests);
  }

  private Optional<Reply> digestsOff() {
    return digests != null
        ? Optional.empty()
        : Optional.of(
            new NoticeReply(
                NoticeReply.Kind.NOT_FOUND, "Daily digests are not enabled on this bot."));
  }

  /** Where adapters report the feedback buttons: the question log, or nowhere without one. */
  public FeedbackSink feedbackSink() {
    if (questionLog != null) {
      return questionLog;
    }
    return (origin, question, helpful) ->
        log.debug("No question log: feedback from {} not stored", origin.platform());
  }

  /** The answer cache, for its hit and miss counts. */
  public AnswerCache cache() {
    return cache;
  }

  /** The reading list of a channel. */
  Scope scopeOf(Origin origin) {
    return channels.effective(ChannelKey.of(origin)).scope();
  }

  /** A cached answer as this asker typed the question: the quotes are the same. */
  private static Answer forAsker(Answer cached, String question) {
    return new Answer(question.strip(), cached.answered(), cached.results(), 0);
  }

  private void logQuestion(Origin origin, String question, Answer answer, boolean cached) {
    if (questionLog == null) {
      return;
    }
    try {
      questionLog.asked(origin, question, answer, cached);
    } catch (RuntimeException e) {
      // The asker still gets the answer; a missing log line is not worth an error in chat.
      metrics.error(ErrorKind.DATABASE);
      log.warn("Could not log a question from {} in {}", origin.platform(), origin.channel(), e);
    }
  }

  private static NoticeReply rateLimited(RateLimiter.Decision decision) {
    long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
    String wait = seconds == 1 ? "a second" : seconds + " seconds";
    String text =
        decision.refusedBy() == RateLimiter.Kind.USER
            ? "You're asking faster than I can keep up with. Please wait "
                + wait
                + " and ask again."
            : "This channel is asking a lot right now. Please wait "
                + wait
                + " and ask again; repeated questions are answered at once.";
    return new NoticeReply(NoticeReply.Kind.RATE_LIMITED, text);
  }

  private interface Work {
    Reply run();
  }

  private Reply guarded(Origin origin, Work work) {
    try {
      return work.run();
    } catch (InvalidQuestionException e) {
      metrics.error(ErrorKind.INVALID_INPUT);
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, e.getMessage());
    } catch (InvalidSettingException e) {
      metrics.error(ErrorKind.INVALID_INPUT);
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, e.getMessage());
    } catch (EngineException e) {
      metrics.error(ErrorKind.ENGINE);
      String id = errorId();
      log.error(
          "[{}] engine error for {} in {}: {}",
          id,
          origin.platform(),
          origin.channel(),
          e.getMessage(),
          e);
      return new NoticeReply(
          NoticeReply.Kind.ERROR, "The reading list is unavailable right now (error " + id + ").");
    } catch (StateException e) {
      metrics.error(ErrorKind.DATABASE);
      String id = errorId();
      log.error(
          "[{}] state database error for {} in {}", id, origin.platform(), origin.channel(), e);
      return new NoticeReply(
          NoticeReply.Kind.ERROR,
          "This channel's settings cannot be read or saved right now (error " + id + ").");
    } catch (RuntimeException e) {
      metrics.error(ErrorKind.INTERNAL);
      String id = errorId();
      log.error("[{}] failed for {} in {}", id, origin.platform(), origin.channel(), e);
      return new NoticeReply(
          NoticeReply.Kind.ERROR, "Sorry, something went wrong on our side (error " + id + ").");
    }
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String errorId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The parts of a bot's commands; anything not given gets the in-memory default. */
  public static final class Builder {
    private final Engine engine;
    private ChannelDefaults defaults = new ChannelDefaults(Visibility.PUBLIC, Question.MAX_QUOTES);
    private ChannelSettingsRepository settings = ChannelSettingsRepository.inMemory();
    private AnswerCache cache;
    private RateLimiter limiter = RateLimiter.unlimited();
    private QuestionLog questionLog;
    private ChatMetrics metrics;
    private UserHasher hasher;
    private DigestStore digestStore;
    private Digests.Options digestOptions = Digests.Options.DEFAULTS;
    private Clock digestClock = Clock.systemUTC();

    private Builder(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** What channels get until they change their settings. */
    public Builder defaults(ChannelDefaults value) {
      this.defaults = Objects.requireNonNull(value);
      return this;
    }

    /** Where channel settings are kept; in memory by default. */
    public Builder settings(ChannelSettingsRepository value) {
      this.settings = Objects.requireNonNull(value);
      return this;
    }

    public Builder cache(AnswerCache value) {
      this.cache = Objects.requireNonNull(value);
      return this;
    }

    /** Rate limits; none by default. */
    public Builder limiter(RateLimiter value) {
      this.limiter = Objects.requireNonNull(value);
      return this;
    }

    /** The question log, also used for feedback; none by default. */
    public Builder questionLog(QuestionLog value) {
      this.questionLog = value;
      return this;
    }

    public Builder metrics(ChatMetrics value) {
      this.metrics = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Hashes who changed a setting; by default the question log's hasher, or a per-process random
     * salt without a log.
     */
    public Builder hasher(UserHasher value) {
      this.hasher = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Daily digests kept in {@code store}, run with {@code options} on {@code clock}; none by
     * default.
     */
    public Builder digests(DigestStore store, Digests.Options options, Clock clock) {
      this.digestStore = Objects.requireNonNull(store);
      this.digestOptions = Objects.requireNonNull(options);
      this.digestClock = Objects.requireNonNull(clock);
      return this;
    }

    public ChatCommands build() {
      return new ChatCommands(this);
    }
  }
}
