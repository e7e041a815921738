package readingroom.bot.commands;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.Channels;
import readingroom.bot.channel.DiscussionHistory;
import readingroom.bot.digest.DigestComposer;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Reply.QuotesReply.Labelled;
import readingroom.index.Engine;
import readingroom.index.Result;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * {@code /discuss [topic]}: a passage from the reading list and an open question drawn from it, for
 * a class to take up in the thread. Like the digest's passage of the day it rotates: the passage
 * comes from an article discussed the fewest times in the channel, and is one not posted there
 * before, so the whole list comes round before any article comes round again. With a topic, the
 * best passage on it among those articles. The question quotes a phrase of the passage itself and
 * asks, never asserts, so it cannot misstate the text.
 */
record DiscussCommand(Engine engine, Channels channels, DiscussionHistory history) {

  /** Passages of an article considered, from its start. */
  static final int PASSAGES_PER_ARTICLE = 60;

  /** A passage worth discussing has at least this many words. */
  static final int MIN_WORDS = 12;

  /** A phrase in quotation marks inside the passage: someone's words, worth asking about. */
  private static final Pattern QUOTED = Pattern.compile("[“\"]([^”\"]{3,120})[”\"]");

  /** A clause: the text between punctuation marks. */
  private static final Pattern CLAUSE = Pattern.compile("[^,;:.!?()“”\"—–]+");

  Reply discuss(Origin origin, String topic) {
    ChannelKey channel = ChannelKey.of(origin);
    Scope scope = channels.effective(channel).scope();
    List<Source> inScope = engine.sources(scope);
    String wanted = topic == null || topic.isBlank() ? null : topic.strip();
    Result passage = passage(inScope, history.posted(channel), wanted);
    if (passage == null) {
      return new NoticeReply(NoticeReply.Kind.NOT_FOUND, Messages.DISCUSS_NOTHING);
    }
    history.post(channel, new DiscussionHistory.Posted(passage.source().id(), passage.start()));
    return new Reply.QuotesReply(
        Messages.discussHeading(wanted),
        List.of(),
        List.of(new Labelled(CompareCommand.label(passage.source()), passage)),
        prompt(passage.verbatim(), inScope.size() > 1));
  }

  /**
   * An open question drawn from the passage: about a phrase it quotes, else about its most telling
   * clause (the longest of three to nine words); with other articles on the list, whether they
   * agree.
   */
  static String prompt(String passage, boolean othersOnList) {
    String others = othersOnList ? " Do the other articles on the reading list agree?" : "";
    Matcher quoted = QUOTED.matcher(passage);
    while (quoted.find()) {
      String phrase = quoted.group(1).strip();
      int words = phrase.split("\\s+").length;
      if (words >= 2 && words <= 12) {
        return "Who says “" + phrase + "”, and what do they mean by it?" + others;
      }
    }
    String best = null;
    String longest = null;
    Matcher clause = CLAUSE.matcher(passage);
    while (clause.find()) {
      String phrase = clause.group().strip();
      int words = phrase.isEmpty() ? 0 : phrase.split("\\s+").length;
      if (words >= 3 && words <= 12 && (best == null || phrase.length() > best.length())) {
        best = phrase;
      }
      if (longest == null || phrase.length() > longest.length()) {
        longest = phrase;
      }
    }
    if (best == null && longest != null && longest.split("\\s+").length > 12) {
      // A long clause: its opening words, which are still the passage's own.
      best = String.join(" ", List.of(longest.split("\\s+")).subList(0, 8)) + " …";
    }
    if (best == null) {
      return "What does the author want the reader to take from this passage?" + others;
    }
    return "What does the author mean by “" + best + "”?" + others;
  }

  private Result passage(
      List<Source> inScope, List<DiscussionHistory.Posted> posted, String topic) {
    if (inScope.isEmpty()) {
      return null;
    }
    Map<String, Integer> times = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (DiscussionHistory.Posted p : posted) {
      times.merge(p.articleId(), 1, Integer::sum);
      used.add(p.articleId() + ":" + p.start());
    }
    // Oldest article first among those discussed least, so a term's reading goes in order.
    List<Source> oldestFirst = new ArrayList<>(inScope);
    Collections.reverse(oldestFirst);
    int fewest = oldestFirst.stream().mapToInt(s -> times.getOrDefault(s.id(), 0)).min().orElse(0);
    List<Source> due =
        oldestFirst.stream().filter(s -> times.getOrDefault(s.id(), 0) == fewest).toList();
    if (topic != null) {
      Result onTopic = DigestComposer.unusedOnTopic(engine, topic, due, used);
      if (onTopic != null) {
        return onTopic;
      }
    }
    for (List<Source> pool : List.of(due, oldestFirst)) {
      for (Source source : pool) {
        for (Result quote : engine.openingQuotes(source.id(), PASSAGES_PER_ARTICLE)) {
          if (!used.contains(source.id() + ":" + quote.start())
              && quote.verbatim().split("\\s+").length >= MIN_WORDS) {
            return quote;
          }
        }
      }
    }
    return null;
  }
}
