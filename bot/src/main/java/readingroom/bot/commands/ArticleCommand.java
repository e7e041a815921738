package readingroom.bot.commands;

import java.util.List;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.Channels;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.text.Texts;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * {@code /article}: an article of the channel's reading list by id, or by words of its headline.
 */
record ArticleCommand(Engine engine, Channels channels) {

  /** Articles listed when several match. */
  static final int MAX_CHOICES = 10;

  private static final int OPENING_QUOTES = 2;

  Reply article(Origin origin, String idOrWords) {
    String wanted = idOrWords == null ? "" : idOrWords.strip();
    if (wanted.isEmpty()) {
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.ARTICLE_WHICH);
    }
    Scope scope = channels.effective(ChannelKey.of(origin)).scope();
    var exact = engine.source(wanted).filter(scope::admits);
    if (exact.isPresent()) {
      return new Reply.ArticleReply(exact.get(), engine.openingQuotes(wanted, OPENING_QUOTES));
    }
    List<Source> matches = engine.findSources(wanted, scope, MAX_CHOICES + 1);
    if (matches.isEmpty()) {
      return new NoticeReply(
          NoticeReply.Kind.NOT_FOUND, Messages.noArticleMatches(Texts.cut(wanted, 80)));
    }
    if (matches.size() == 1) {
      Source only = matches.get(0);
      return new Reply.ArticleReply(only, engine.openingQuotes(only.id(), OPENING_QUOTES));
    }
    return new Reply.ArticleChoicesReply(
        wanted, matches.subList(0, Math.min(matches.size(), MAX_CHOICES)));
  }
}
