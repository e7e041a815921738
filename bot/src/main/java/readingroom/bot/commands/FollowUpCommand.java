package readingroom.bot.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.Channels;
import readingroom.bot.channel.ConversationMemory;
import readingroom.bot.channel.ConversationMemory.Turn;
import readingroom.bot.model.ChannelSettings;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Result;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * Questions asked in a conversation. In a thread with an earlier question, a reply is a follow-up:
 * asked with the earlier question as context, whose words weigh less than the new ones; a thread
 * whose answer quoted one article stays about it, and a follow-up that names one article of the
 * reading list (its outlet, or most of its headline's words) moves to that one; only when that
 * article does not answer is the rest of the reading list asked. Every question is remembered as
 * its conversation's latest, which is what {@code /cite} cites and what the next follow-up follows
 * on from.
 */
final class FollowUpCommand {

  private static final Logger log = LoggerFactory.getLogger(FollowUpCommand.class);

  /** Context kept from earlier questions, from the most recent back. */
  static final int MAX_CONTEXT_CHARS = 600;

  private final Engine engine;
  private final Channels channels;
  private final AskCommand ask;
  private final ConversationMemory memory;
  private final Function<Origin, String> who;

  FollowUpCommand(
      Engine engine,
      Channels channels,
      AskCommand ask,
      ConversationMemory memory,
      Function<Origin, String> who) {
    this.engine = engine;
    this.channels = channels;
    this.ask = ask;
    this.memory = memory;
    this.who = who;
  }

  /**
   * Asks {@code question} in a thread ({@code thread} its id), or, when {@code thread} is null, in
   * the asker's own conversation with the channel (a new question, or "More" with {@code skip}).
   */
  Reply ask(Origin origin, String thread, String question, int skip) {
    return ask(origin, thread, question, skip, thread != null, false);
  }

  /**
   * A new question in the asker's own conversation whose rate-limit turn {@link AskCommand#admit}
   * already took (Discord takes it before acknowledging).
   */
  Reply askAdmitted(Origin origin, String question) {
    return ask(origin, null, question, 0, false, true);
  }

  /**
   * A follow-up to the asker's own latest question in the channel, for a chat with no threads (the
   * console).
   */
  Reply followUp(Origin origin, String question) {
    return ask(origin, null, question, 0, true, false);
  }

  private Reply ask(
      Origin origin,
      String thread,
      String question,
      int skip,
      boolean followsOn,
      boolean admitted) {
    ChannelKey channel = ChannelKey.of(origin);
    ChannelSettings.Effective settings = channels.effective(channel);
    Question plain = new Question(question, settings.scope(), settings.maxQuotes(), skip);
    Optional<Turn> earlier =
        followsOn ? recall(channel, conversation(origin, thread)) : Optional.empty();
    if (earlier.isEmpty()) {
      Reply reply = admitted ? ask.answer(origin, plain) : ask.ask(origin, plain);
      remember(origin, thread, question, "", "", skip, reply);
      return reply;
    }
    String context = context(earlier.get());
    Question followUp = plain.withContext(context);
    String focus = about(earlier.get(), question, settings.scope()).orElse("");
    Reply reply;
    if (focus.isEmpty()) {
      reply = ask.ask(origin, followUp);
    } else {
      reply = ask.ask(origin, narrowed(followUp, focus));
      if (!answered(reply)) {
        // The thread's article does not answer: the rest of the reading list may.
        Reply wider = ask.ask(origin, followUp);
        if (answered(wider)) {
          reply = wider;
          focus = "";
        }
      }
    }
    remember(origin, thread, question, context, focus, skip, reply);
    return reply;
  }

  /**
   * "More" under an answer to {@code question} in a thread: asked again as the thread asked it
   * (context and article) when it is the thread's latest question, so the next quotes follow the
   * ones shown; otherwise as a question of its own.
   */
  Reply more(Origin origin, String thread, String question, int skip) {
    Optional<Turn> turn =
        thread == null
            ? Optional.empty()
            : latest(origin, thread).filter(t -> t.question().equals(question));
    if (turn.isEmpty()) {
      return ask(origin, null, question, skip);
    }
    Turn shown = turn.get();
    return ask.ask(
        origin,
        question(
            origin,
            new Turn(shown.question(), shown.context(), shown.focus(), shown.articles(), skip)));
  }

  /**
   * Remembers an answer posted in a thread the adapter opened for it (Discord opens the thread
   * after the answer exists), so replies there follow on from it.
   */
  void answeredInThread(Origin origin, String thread, String question, Reply reply) {
    remember(origin, thread, question, "", "", 0, reply);
  }

  /** The conversation's latest turn: a thread's, or the asker's own when {@code thread} is null. */
  Optional<Turn> latest(Origin origin, String thread) {
    return recall(ChannelKey.of(origin), conversation(origin, thread));
  }

  /** The question a turn asked, fitted to the channel as it was asked then. */
  Question question(Origin origin, Turn turn) {
    ChannelSettings.Effective settings = channels.effective(ChannelKey.of(origin));
    Question asked =
        new Question(turn.question(), settings.scope(), settings.maxQuotes(), turn.skip())
            .withContext(turn.context());
    return turn.focus().isEmpty() ? asked : narrowed(asked, turn.focus());
  }

  private Optional<Turn> recall(ChannelKey channel, String conversation) {
    return memory.last(channel, conversation);
  }

  private String conversation(Origin origin, String thread) {
    // A person's own answers in a channel are theirs alone: /cite never cites another's.
    return thread != null ? thread : "@" + who.apply(origin);
  }

  private void remember(
      Origin origin,
      String thread,
      String question,
      String context,
      String focus,
      int skip,
      Reply reply) {
    if (!(reply instanceof Reply.AnswerReply answer) || answer.answer().results().isEmpty()) {
      return;
    }
    List<String> articles = new ArrayList<>();
    for (Result result : answer.answer().results()) {
      if (!articles.contains(result.source().id())) {
        articles.add(result.source().id());
      }
    }
    Turn turn = new Turn(question, context, focus, articles, skip);
    try {
      memory.remember(ChannelKey.of(origin), conversation(origin, thread), turn);
      if (thread != null) {
        // The asker's own latest answer too, wherever it was posted: what /cite cites.
        memory.remember(ChannelKey.of(origin), conversation(origin, null), turn);
      }
    } catch (RuntimeException e) {
      // The asker has the answer; a thread that forgets it only loses its context.
      log.warn("Could not remember a question in {}", origin.channel(), e);
    }
  }

  /** The earlier questions, most recent last, cut from the front to the context's size. */
  static String context(Turn earlier) {
    String text = (earlier.context() + " " + earlier.question()).strip();
    if (text.length() <= MAX_CONTEXT_CHARS) {
      return text;
    }
    String cut = text.substring(text.length() - MAX_CONTEXT_CHARS);
    int space = cut.indexOf(' ');
    return space < 0 ? cut : cut.substring(space + 1);
  }

  /**
   * The one article the follow-up is about: the one it names, when it names exactly one of the
   * reading list ("what does the moscow times say?"); else the thread's own article, unless it
   * names others. Empty when the earlier answer quoted several articles and the follow-up names
   * none, or it names several.
   */
  private Optional<String> about(Turn earlier, String followUp, Scope scope) {
    String asked = words(followUp);
    List<Source> named = engine.sources(scope).stream().filter(s -> names(asked, s)).toList();
    if (named.size() == 1) {
      return Optional.of(named.get(0).id());
    }
    if (!named.isEmpty()) {
      return Optional.empty();
    }
    String focus =
        !earlier.focus().isEmpty()
            ? earlier.focus()
            : earlier.articles().size() == 1 ? earlier.articles().get(0) : "";
    if (focus.isEmpty() || engine.source(focus).filter(scope::admits).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(focus);
  }

  /** Whether the text names the article: its outlet, or most of its headline's longer words. */
  static boolean names(String askedWords, Source source) {
    String padded = " " + askedWords + " ";
    if (source.outlet() != null) {
      String outlet = words(source.outlet());
      String bare = outlet.replaceFirst("^the ", "");
      // "moscow times" names The Moscow Times; but "diplomat" alone is a common noun ("which
      // diplomat said it?"), so a one-word name after "the" needs its "the".
      String name = bare.contains(" ") ? bare : outlet;
      if (bare.length() >= 3 && padded.contains(" " + name + " ")) {
        return true;
      }
    }
    List<String> headline =
        List.of(words(source.title()).split(" ")).stream().filter(w -> w.length() >= 5).toList();
    long named = headline.stream().filter(w -> padded.contains(" " + w + " ")).count();
    return headline.size() >= 2 && named * 2 > headline.size();
  }

  /** Lower-case letters and digits, one space between words. */
  private static String words(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static Question narrowed(Question question, String article) {
    Scope scope = question.scope();
    return new Question(
        question.text(),
        new Scope(Set.of(article), scope.tags(), scope.from(), scope.to()),
        question.maxQuotes(),
        question.skip(),
        question.context());
  }

  private static boolean answered(Reply reply) {
    return reply instanceof Reply.AnswerReply a && a.answer().answered();
  }
}
