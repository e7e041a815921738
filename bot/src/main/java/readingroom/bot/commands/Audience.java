package readingroom.bot.commands;

import readingroom.bot.model.Reply;
import readingroom.bot.model.Visibility;

/**
 * Who sees a reply, decided here once for every platform. Two moments, because platforms differ in
 * when they must commit: Discord acknowledges a slash command before the reply exists, so it asks
 * {@link #of(TextCommand.Kind, boolean, Visibility)} first; Slack delivers after, and also honours
 * {@link #concernsOnlyTheAsker(Reply)} for replies that are nobody else's business.
 */
public final class Audience {
  private Audience() {}

  /**
   * Who sees the reply to a command, before it is run.
   *
   * @param askedPrivately the asker asked for their eyes only ({@code private} option or word)
   * @param channel the channel's answer visibility
   */
  public static Visibility of(TextCommand.Kind kind, boolean askedPrivately, Visibility channel) {
    return switch (kind) {
      // A channel's settings, digest and the help concern the person who asked.
      // A teacher's report is for the person who manages the channel.
      case SETTINGS, DIGEST, HELP, ADD, REPORT -> Visibility.PRIVATE;
      // Quotes from the reading list are shown as the channel shows answers.
      case ASK, COMPARE, TIMELINE, DISCUSS, CITE -> askedPrivately ? Visibility.PRIVATE : channel;
      case SOURCES, ARTICLE -> askedPrivately ? Visibility.PRIVATE : Visibility.PUBLIC;
    };
  }

  /**
   * Whether a reply concerns the asker only, whatever the command: notices (a refusal, an error, a
   * thank-you), help, settings, lists to pick from, and a digest preview.
   */
  public static boolean concernsOnlyTheAsker(Reply reply) {
    return switch (reply) {
      // "Nothing matches" is a notice too; quotes are for whoever the command said.
      case Reply.AnswerReply a -> a.answer().results().isEmpty();
      case Reply.ArticleReply a -> false;
      case Reply.DigestReply d -> d.preview();
      case Reply.SourcesReply s -> true;
      case Reply.ArticleChoicesReply c -> true;
      case Reply.HelpReply h -> true;
      case Reply.SettingsReply s -> true;
      case Reply.NoticeReply n -> true;
      case Reply.QuotesReply q -> q.quotes().isEmpty();
      case Reply.TextReply t -> t.forAskerOnly();
    };
  }
}
