package readingroom.bot.commands;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.AnswerCache;
import readingroom.bot.channel.AnswerKey;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.Channels;
import readingroom.bot.channel.RateLimiter;
import readingroom.bot.metrics.ChatMetrics;
import readingroom.bot.metrics.ChatMetrics.ErrorKind;
import readingroom.bot.model.ChannelSettings;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.state.QuestionLog;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.Question;

/**
 * {@code /ask} and "More": answered from the channel's reading list and settings; a repeated
 * question comes from the answer cache and costs nothing against the rate limits; every question is
 * logged and counted.
 */
record AskCommand(
    Engine engine,
    Channels channels,
    AnswerCache cache,
    RateLimiter limiter,
    QuestionLog questionLog,
    ChatMetrics metrics) {

  private static final Logger log = LoggerFactory.getLogger(AskCommand.class);

  /** Up to three pages: past that, the quotes are too far from the question to help. */
  private static final int MAX_SKIP = 9;

  Reply ask(Origin origin, String question, int skip) {
    return ask(origin, question(origin, question, skip));
  }

  /**
   * Asks a question already fitted to the channel (its reading list or part of it, its quote count,
   * perhaps a follow-up's context), through the limits, the cache and the log.
   */
  Reply ask(Origin origin, Question asked) {
    Optional<NoticeReply> refusal = admit(origin, asked);
    return refusal.isPresent() ? refusal.get() : answer(origin, asked);
  }

  /**
   * Takes the asker's turn against the rate limits, before anything is shown: the refusal, if any,
   * is for the asker alone. A cached (or already running) answer costs nothing.
   */
  Optional<NoticeReply> admit(Origin origin, String question, int skip) {
    return admit(origin, question(origin, question, skip));
  }

  private Optional<NoticeReply> admit(Origin origin, Question asked) {
    if (cache.contains(AnswerKey.of(asked, engine.version()))) {
      return Optional.empty();
    }
    RateLimiter.Decision decision = limiter.tryAcquire(origin);
    if (!decision.allowed()) {
      metrics.rateLimited(decision.refusedBy().name());
      return Optional.of(rateLimited(decision));
    }
    return Optional.empty();
  }

  private Question question(Origin origin, String question, int skip) {
    ChannelSettings.Effective settings = channels.effective(ChannelKey.of(origin));
    return new Question(question, settings.scope(), settings.maxQuotes(), Math.max(0, skip));
  }

  /** The answer, for a question {@link #admit} let through. */
  Reply answer(Origin origin, Question asked) {
    long started = System.nanoTime();
    String question = asked.text();
    int page = asked.skip();
    AnswerKey key = AnswerKey.of(asked, engine.version());
    AnswerCache.Lookup lookup = cache.get(key, () -> engine.ask(asked));
    Answer answer = lookup.hit() ? forAsker(lookup.answer(), question) : lookup.answer();
    metrics.answered(
        lookup.hit(), answer.answered(), Duration.ofNanos(System.nanoTime() - started));
    logQuestion(origin, question, answer, lookup.hit());
    boolean hasMore =
        answer.results().size() == asked.maxQuotes() && page + asked.maxQuotes() < MAX_SKIP;
    return new Reply.AnswerReply(answer, page, hasMore);
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

  static NoticeReply rateLimited(RateLimiter.Decision decision) {
    long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
    String wait = seconds == 1 ? "a second" : seconds + " seconds";
    return new NoticeReply(
        NoticeReply.Kind.RATE_LIMITED,
        decision.refusedBy() == RateLimiter.Kind.USER
            ? Messages.rateLimitedUser(wait)
            : Messages.rateLimitedChannel(wait));
  }
}
