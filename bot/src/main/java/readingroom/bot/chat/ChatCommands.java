package readingroom.bot.chat;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.chat.Reply.NoticeReply;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.EngineException;
import readingroom.index.InvalidQuestionException;
import readingroom.index.Question;
import readingroom.index.Scope;
import readingroom.index.Source;

/**
 * The commands every platform offers, as plain calls: a question or a request in, a {@link Reply}
 * out. Failures become short notices with an id that is also in the log, never a stack trace in
 * chat.
 */
public final class ChatCommands {

  private static final Logger log = LoggerFactory.getLogger(ChatCommands.class);

  /** Articles listed by {@code /article} when several match. */
  public static final int MAX_ARTICLE_CHOICES = 10;

  private static final int MAX_SKIP = 9;

  private final Engine engine;
  private final int maxQuotes;

  public ChatCommands(Engine engine, int maxQuotes) {
    this.engine = engine;
    this.maxQuotes = maxQuotes;
  }

  /** {@code /ask}: the first page of quotes. */
  public Reply ask(Origin origin, String question) {
    return ask(origin, question, 0);
  }

  /** {@code /ask}, or "More": the quotes after the first {@code skip}. */
  public Reply ask(Origin origin, String question, int skip) {
    return guarded(
        origin,
        () -> {
          Answer answer =
              engine.ask(new Question(question, scopeOf(origin), maxQuotes, Math.max(0, skip)));
          // Up to three pages: past that, the quotes are too far from the question to help.
          boolean hasMore = answer.results().size() == maxQuotes && skip + maxQuotes < MAX_SKIP;
          return new Reply.AnswerReply(answer, skip, hasMore);
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
            "Every quote is the article's own words; when the reading list does not answer, the bot says so."));
  }

  /** The reading list of a channel; every article until channel settings narrow it. */
  Scope scopeOf(Origin origin) {
    return Scope.all();
  }

  private interface Work {
    Reply run();
  }

  private Reply guarded(Origin origin, Work work) {
    try {
      return work.run();
    } catch (InvalidQuestionException e) {
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, e.getMessage());
    } catch (EngineException e) {
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
    } catch (RuntimeException e) {
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
}
