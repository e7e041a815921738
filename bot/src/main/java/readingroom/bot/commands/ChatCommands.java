package readingroom.bot.commands;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.ChannelSettingsRepository;
import readingroom.bot.channel.Channels;
import readingroom.bot.channel.ConversationMemory;
import readingroom.bot.channel.DiscussionHistory;
import readingroom.bot.channel.RateLimiter;
import readingroom.bot.digest.Digests;
import readingroom.bot.library.Library;
import readingroom.bot.metrics.ChatMetrics;
import readingroom.bot.metrics.ChatMetrics.ErrorKind;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Upload;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.state.UserHasher;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.model.Source;

/**
 * The commands every platform offers, as plain calls: a question or a request in, a {@link Reply}
 * out. Each command is its own class ({@link AskCommand}, {@link SourcesCommand}, {@link
 * ArticleCommand}, {@link HelpCommand}, {@link SettingsCommand}, {@link DigestCommand}, {@link
 * AddCommand}, {@link FollowUpCommand}, {@link CiteCommand}, {@link CompareCommand}, {@link
 * TimelineCommand}, {@link DiscussCommand}, {@link ReportCommand}); this is the one door adapters
 * use, and every call goes through the same {@link Guard}, so failures become short notices with an
 * id that is also in the log, never a stack trace in chat.
 */
public final class ChatCommands {

  private static final Logger log = LoggerFactory.getLogger(ChatCommands.class);

  /** Articles listed by {@code /article} when several match. */
  public static final int MAX_ARTICLE_CHOICES = ArticleCommand.MAX_CHOICES;

  private final Channels channels;
  private final AnswerCache cache;
  private final QuestionLog questionLog;
  private final ChatMetrics metrics;
  private final Guard guard;
  private final AskCommand ask;
  private final SourcesCommand sources;
  private final ArticleCommand article;
  private final HelpCommand help = new HelpCommand();
  private final SettingsCommand settings;
  private final DigestCommand digest;
  private final AddCommand add;
  private final RateLimiter limiter;
  private final FollowUpCommand conversations;
  private final CiteCommand cite;
  private final CompareCommand compare;
  private final TimelineCommand timeline;
  private final DiscussCommand discuss;
  private final ReportCommand report;

  /**
   * Commands with settings kept in memory, public answers of up to {@code maxQuotes} quotes by
   * default, the default answer cache, no rate limits and no question log: for tools and tests. The
   * bot itself is built with {@link #builder}.
   */
  public ChatCommands(Engine engine, int maxQuotes) {
    this(
        builder(engine)
            .channels(
                ChannelSettingsRepository.inMemory(),
                new ChannelDefaults(Visibility.PUBLIC, maxQuotes)));
  }

  private ChatCommands(Builder builder) {
    Engine engine = builder.engine;
    this.channels =
        builder.channels != null
            ? builder.channels
            : new Channels(builder.settings, builder.defaults);
    this.cache = builder.cache != null ? builder.cache : AnswerCache.withDefaults();
    this.questionLog = builder.questionLog;
    this.metrics = builder.metrics != null ? builder.metrics : ChatMetrics.inMemory();
    this.guard = new Guard(metrics);
    // Who changed a setting or a digest is hashed as the question log hashes askers, so the two
    // can be joined.
    Function<Origin, String> who = whoChanged(builder.hasher, questionLog);
    this.ask = new AskCommand(engine, channels, cache, builder.limiter, questionLog, metrics);
    this.sources = new SourcesCommand(engine, channels);
    this.article = new ArticleCommand(engine, channels);
    this.settings = new SettingsCommand(engine, channels, who);
    this.digest =
        builder.digests == null
            ? null
            : new DigestCommand(builder.digests.subscriptions(), builder.digests.composer(), who);
    this.add =
        builder.library == null
            ? null
            : new AddCommand(channels, builder.library, builder.maxUploadBytes, who);
    this.limiter = builder.limiter;
    this.conversations = new FollowUpCommand(engine, channels, ask, builder.conversations, who);
    this.cite = new CiteCommand(engine, cache, conversations);
    this.compare = new CompareCommand(engine, channels);
    this.timeline = new TimelineCommand(engine, channels);
    this.discuss = new DiscussCommand(engine, channels, builder.discussions);
    this.report = new ReportCommand(engine, questionLog, builder.clock);
    metrics.gauge("readingroom.answer.cache.size", "Answers held in the cache", cache::size);
  }

  private static Function<Origin, String> whoChanged(UserHasher hasher, QuestionLog questionLog) {
    if (hasher != null) {
      return hasher::hash;
    }
    if (questionLog != null) {
      return questionLog::userHash;
    }
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return new UserHasher(salt)::hash;
  }

  /** Starts building the commands of a bot around {@code engine}. */
  public static Builder builder(Engine engine) {
    return new Builder(engine);
  }

  /**
   * A typed text command (Slack's {@code /readingroom}, a mention, a direct message, a console
   * line), parsed by {@link TextCommand#parse}.
   *
   * @param canManage whether the person may change this channel's settings and digest: the
   *     adapter's translation of Discord's Manage Channels permission or Slack's admin status
   */
  public Reply run(Origin origin, TextCommand command, boolean canManage) {
    return run(origin, null, command, canManage);
  }

  /**
   * A typed command in a thread: a question there is a follow-up to the thread's earlier one, and
   * {@code cite} cites the thread's latest answer.
   *
   * @param thread the thread's id on its platform, or null outside a thread
   */
  public Reply run(Origin origin, String thread, TextCommand command, boolean canManage) {
    return switch (command.kind()) {
      case ASK -> ask(origin, thread, command.argument());
      case CITE -> cite(origin, thread, command.argument());
      case COMPARE -> compare(origin, command.argument());
      case TIMELINE -> timeline(origin, command.argument());
      case DISCUSS -> discuss(origin, command.argument());
      case REPORT -> report(origin, canManage, command.argument());
      case SOURCES -> sources(origin);
      case ARTICLE -> article(origin, command.argument());
      case SETTINGS -> settings(origin, canManage, command.argument());
      case DIGEST -> digest(origin, canManage, command.argument());
      case HELP -> help();
      case ADD -> add(origin, canManage, command.argument());
    };
  }

  /**
   * {@code /add <web address>}: fetches the article and adds it to the channel's reading list, on
   * the library's own threads (a fetch and an index update take seconds, and no thread that answers
   * questions waits for them). The reply comes when the article is indexed or refused.
   *
   * @param canManage see {@link #run}: the same people may add articles
   */
  public CompletableFuture<Reply> addLater(Origin origin, boolean canManage, String address) {
    if (add == null) {
      return CompletableFuture.completedFuture(addingOff());
    }
    return add.library()
        .inBackground(() -> guard.run(origin, () -> add.addAddress(origin, canManage, address)));
  }

  /** {@code /add} with a file attached: as {@link #addLater(Origin, boolean, String)}. */
  public CompletableFuture<Reply> addLater(Origin origin, boolean canManage, Upload upload) {
    Objects.requireNonNull(upload, "upload");
    if (add == null) {
      return CompletableFuture.completedFuture(addingOff());
    }
    return add.library()
        .inBackground(() -> guard.run(origin, () -> add.addUpload(origin, canManage, upload)));
  }

  /** {@link #addLater(Origin, boolean, String)}, waited for: for the console and tests. */
  public Reply add(Origin origin, boolean canManage, String address) {
    return addLater(origin, canManage, address).join();
  }

  /** {@link #addLater(Origin, boolean, Upload)}, waited for. */
  public Reply add(Origin origin, boolean canManage, Upload upload) {
    return addLater(origin, canManage, upload).join();
  }

  private static Reply addingOff() {
    return new NoticeReply(NoticeReply.Kind.NOT_FOUND, Messages.ADDING_OFF);
  }

  /** {@code /ask}: the first page of quotes. */
  public Reply ask(Origin origin, String question) {
    return ask(origin, question, 0);
  }

  /** {@code /ask}, or "More": the quotes after the first {@code skip}. */
  public Reply ask(Origin origin, String question, int skip) {
    metrics.question(origin.platform());
    return guard.run(origin, () -> conversations.ask(origin, null, question, skip));
  }

  /**
   * A question in a thread: a follow-up to the thread's earlier question when it has one (asked
   * with it as context, and about the same article unless it names another), else a new question
   * the thread's next replies follow on from.
   *
   * @param thread the thread's id on its platform, or null outside a thread
   */
  public Reply ask(Origin origin, String thread, String question) {
    metrics.question(origin.platform());
    return guard.run(origin, () -> conversations.ask(origin, thread, question, 0));
  }

  /**
   * "More" under an answer in a thread ({@code thread} its id, or null): the next quotes of the
   * question as the thread asked it.
   */
  public Reply more(Origin origin, String thread, String question, int skip) {
    metrics.question(origin.platform());
    return guard.run(origin, () -> conversations.more(origin, thread, question, skip));
  }

  /**
   * A follow-up to the asker's own latest question in this channel, where there are no threads to
   * reply in (the console's {@code /followup}).
   */
  public Reply followUp(Origin origin, String question) {
    metrics.question(origin.platform());
    return guard.run(origin, () -> conversations.followUp(origin, question));
  }

  /**
   * Remembers that the answer to {@code question} was posted in a thread the adapter has just
   * opened for it, so replies there are follow-ups. Never throws.
   */
  public void answeredInThread(Origin origin, String thread, String question, Reply reply) {
    guard.run(
        origin,
        () -> {
          conversations.answeredInThread(origin, thread, question, reply);
          return reply;
        });
  }

  /**
   * {@code /cite [style]}: citations of the thread's latest answer, or of the asker's own latest
   * answer in the channel when {@code thread} is null; every style without one.
   */
  public Reply cite(Origin origin, String thread, String style) {
    return guard.run(origin, () -> cite.cite(origin, thread, style));
  }

  /** The Cite button under the answer to {@code question}, {@code skip} quotes in. */
  public Reply citeAnswer(Origin origin, String thread, String question, int skip) {
    return guard.run(origin, () -> cite.citeAnswer(origin, thread, question, skip));
  }

  /** {@code /compare <question>}: the best answering quote of each outlet, side by side. */
  public Reply compare(Origin origin, String question) {
    return guard.run(origin, () -> limited(origin, () -> compare.compare(origin, question)));
  }

  /** {@code /timeline <topic>}: quotes on the topic across the reading list, in date order. */
  public Reply timeline(Origin origin, String topic) {
    return guard.run(origin, () -> limited(origin, () -> timeline.timeline(origin, topic)));
  }

  /** {@code /discuss [topic]}: the next passage for discussion, with an open question. */
  public Reply discuss(Origin origin, String topic) {
    return guard.run(origin, () -> limited(origin, () -> discuss.discuss(origin, topic)));
  }

  /** A search the answer cache does not hold, under the same rate limits as a question. */
  private Reply limited(Origin origin, java.util.function.Supplier<Reply> search) {
    RateLimiter.Decision decision = limiter.tryAcquire(origin);
    if (!decision.allowed()) {
      metrics.rateLimited(decision.refusedBy().name());
      return AskCommand.rateLimited(decision);
    }
    return search.get();
  }

  /**
   * {@code /report [period]}: the channel's report, for those who manage it.
   *
   * @param canManage see {@link #run}
   */
  public Reply report(Origin origin, boolean canManage, String period) {
    return guard.run(origin, () -> report.report(origin, canManage, period));
  }

  /**
   * For adapters that must choose who sees a reply before answering (Discord's deferral): takes the
   * asker's turn against the rate limits and returns the refusal, to show the asker alone, or
   * empty; then {@link #answerAdmitted} answers without counting the question again.
   */
  public Optional<Reply> admit(Origin origin, String question) {
    metrics.question(origin.platform());
    Reply refusal = guard.run(origin, () -> ask.admit(origin, question, 0).orElse(null));
    return Optional.ofNullable(refusal);
  }

  /** {@code /ask} after {@link #admit} let it through. */
  public Reply answerAdmitted(Origin origin, String question) {
    return guard.run(origin, () -> conversations.askAdmitted(origin, question));
  }

  /** {@code /sources}: the articles this channel can ask about. */
  public Reply sources(Origin origin) {
    return guard.run(origin, () -> sources.sources(origin));
  }

  /** {@code /article}: an article by id, or by words of its headline or outlet. */
  public Reply article(Origin origin, String idOrWords) {
    return guard.run(origin, () -> article.article(origin, idOrWords));
  }

  /** Headlines for autocomplete: up to {@code limit} articles matching the typed words. */
  public List<Source> autocompleteArticles(Origin origin, String typed, int limit) {
    return sources.autocomplete(origin, typed, limit);
  }

  /** {@code /help}. */
  public Reply help() {
    return help.help();
  }

  /** {@code /settings} with no argument: the channel's settings, for anyone. */
  public Reply settings(Origin origin) {
    return guard.run(origin, () -> settings.show(origin));
  }

  /**
   * {@code /settings <text>}: {@code scope all | articles <ids> | tags <tags> | dates
   * <from>..<to>}, {@code visibility public | private}, {@code quotes 1-3}; empty or {@code show}
   * only shows them.
   *
   * @param canManage see {@link #run}
   */
  public Reply settings(Origin origin, boolean canManage, String text) {
    return guard.run(origin, () -> settings.run(origin, canManage, text));
  }

  /** One typed change to the channel's settings, as Discord's options give it. */
  public Reply changeSettings(Origin origin, boolean canManage, SettingChange change) {
    Objects.requireNonNull(change, "change");
    return guard.run(origin, () -> settings.change(origin, canManage, change));
  }

  /**
   * Who sees the reply to {@code kind} in this channel, decided before it runs (see {@link
   * Audience}). Falls back to the default visibility when the settings cannot be read.
   */
  public Visibility audience(Origin origin, TextCommand.Kind kind, boolean askedPrivately) {
    return Audience.of(kind, askedPrivately, channelVisibility(origin));
  }

  private Visibility channelVisibility(Origin origin) {
    try {
      return channels.effective(ChannelKey.of(origin)).visibility();
    } catch (RuntimeException e) {
      log.warn("Settings of {} unreadable; using the default visibility", origin.channel(), e);
      metrics.error(ErrorKind.DATABASE);
      return channels.defaults().visibility();
    }
  }

  /**
   * {@code /digest <text>}: {@code subscribe <HH:MM> <zone> [topic]}, {@code unsubscribe}, {@code
   * status} (also empty), {@code preview}. The preview is a {@link Reply.DigestReply} with {@code
   * preview} set, for the asker's eyes only.
   *
   * @param canManage see {@link #run}: the same people may change a channel's digest
   */
  public Reply digest(Origin origin, boolean canManage, String text) {
    return guard.run(
        origin, () -> digest == null ? digestsOff() : digest.run(origin, canManage, text));
  }

  /** {@code /digest}, typed, as Discord's sub-commands give it. */
  public Reply digest(Origin origin, boolean canManage, DigestRequest request) {
    Objects.requireNonNull(request, "request");
    return guard.run(
        origin, () -> digest == null ? digestsOff() : digest.run(origin, canManage, request));
  }

  private static Reply digestsOff() {
    return new NoticeReply(NoticeReply.Kind.NOT_FOUND, Messages.DIGESTS_OFF);
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

  /** The parts of a bot's commands; anything not given gets the in-memory default. */
  public static final class Builder {
    private final Engine engine;
    private ChannelDefaults defaults = new ChannelDefaults(Visibility.PUBLIC, Question.MAX_QUOTES);
    private ChannelSettingsRepository settings = ChannelSettingsRepository.inMemory();
    private Channels channels;
    private AnswerCache cache;
    private RateLimiter limiter = RateLimiter.unlimited();
    private QuestionLog questionLog;
    private ChatMetrics metrics;
    private UserHasher hasher;
    private Digests digests;
    private Library library;
    private long maxUploadBytes;
    private ConversationMemory conversations = ConversationMemory.inMemory();
    private DiscussionHistory discussions = DiscussionHistory.inMemory();
    private Clock clock = Clock.systemUTC();

    private Builder(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    public Builder cache(AnswerCache value) {
      this.cache = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Where channel settings are kept (in memory by default), and what channels get until they
     * change them.
     */
    public Builder channels(ChannelSettingsRepository repository, ChannelDefaults defaults) {
      this.settings = Objects.requireNonNull(repository);
      this.defaults = Objects.requireNonNull(defaults);
      return this;
    }

    /** Rate limits; none by default. */
    public Builder limiter(RateLimiter value) {
      this.limiter = Objects.requireNonNull(value);
      return this;
    }

    /**
     * The question log, also used for feedback, and the hasher of who changed a setting (the log's,
     * so the two can be joined); without them no log and a per-process random salt.
     */
    public Builder questionLog(QuestionLog log, UserHasher hasher) {
      this.questionLog = log;
      this.hasher = Objects.requireNonNull(hasher);
      return this;
    }

    public Builder metrics(ChatMetrics value) {
      this.metrics = Objects.requireNonNull(value);
      return this;
    }

    /** The channels' settings, when the digests read the same ones. */
    public Builder channels(Channels value) {
      this.channels = Objects.requireNonNull(value);
      return this;
    }

    /** {@code /digest} over these digests, built by the composition root; none by default. */
    public Builder digests(Digests value) {
      this.digests = value;
      return this;
    }

    /**
     * {@code /add} into this library, attached files up to {@code maxUploadBytes}; without it
     * {@code /add} says adding is off.
     */
    public Builder library(Library value, long maxUploadBytes) {
      this.library = Objects.requireNonNull(value);
      this.maxUploadBytes = maxUploadBytes;
      return this;
    }

    /**
     * Where threads' questions and {@code /discuss}'s posted passages are kept (in memory by
     * default), so follow-ups and the rotation survive a restart.
     */
    public Builder conversations(ConversationMemory memory, DiscussionHistory history) {
      this.conversations = Objects.requireNonNull(memory);
      this.discussions = Objects.requireNonNull(history);
      return this;
    }

    /** The clock {@code /report} measures its periods by. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    public ChatCommands build() {
      return new ChatCommands(this);
    }
  }
}
