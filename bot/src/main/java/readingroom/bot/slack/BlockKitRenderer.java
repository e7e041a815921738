package readingroom.bot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import readingroom.bot.commands.Audience;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Reply;
import readingroom.index.InvalidQuestionException;
import readingroom.index.QuestionText;
import readingroom.index.Result;
import readingroom.index.model.Source;

/**
 * Renders {@link Reply} values as Block Kit: a quote is a block-quoted section with the query terms
 * in bold, followed by a context line linking the headline to the quoted passage. Every text is
 * escaped by {@link Mrkdwn} and marked verbatim, so nothing a reply carries can ping; and every
 * message keeps within Slack's 50 blocks and 3,000 characters a section.
 */
final class BlockKitRenderer {

  static final int MAX_BLOCKS = 50;

  /** Characters of the first quote shown in a notification. */
  private static final int NOTIFICATION_CHARS = 150;

  private static final int MAX_TITLE_CHARS = 200;

  SlackMessage render(Reply reply) {
    Reply spelled = spelled(reply);
    SlackMessage message =
        switch (spelled) {
          case Reply.AnswerReply r -> answer(r);
          case Reply.SourcesReply r -> sources(r);
          case Reply.ArticleReply r -> article(r);
          case Reply.ArticleChoicesReply r -> choices(r);
          case Reply.HelpReply r -> help(r);
          case Reply.SettingsReply r -> settings(r);
          case Reply.NoticeReply r -> notice(r.text());
          case Reply.DigestReply r -> digest(r);
          case Reply.QuotesReply r -> quotes(r);
          case Reply.TextReply r -> text(r);
        };
    // Who sees it is the core's decision, not the markup's.
    return new SlackMessage(message.text(), message.blocks(), Audience.concernsOnlyTheAsker(reply));
  }

  /** The reply with commands named as Slack knows them. */
  private static Reply spelled(Reply reply) {
    return switch (reply) {
      case Reply.NoticeReply n -> new Reply.NoticeReply(n.kind(), CommandNames.spell(n.text()));
      case Reply.TextReply t ->
          new Reply.TextReply(
              t.title(),
              t.lines().stream().map(CommandNames::spell).toList(),
              t.verbatim(),
              t.forAskerOnly());
      case Reply.HelpReply h ->
          new Reply.HelpReply(h.lines().stream().map(CommandNames::spell).toList());
      case Reply.SettingsReply s ->
          new Reply.SettingsReply(
              s.settings(),
              CommandNames.spell(s.change()),
              s.lines().stream().map(CommandNames::spell).toList());
      default -> reply;
    };
  }

  /** A short message with no blocks of its own beyond its text, e.g. a thank-you. */
  SlackMessage notice(String text) {
    return new SlackMessage(
        Mrkdwn.escape(Mrkdwn.shorten(text, 300)), List.of(section(plain(text))), true);
  }

  private SlackMessage answer(Reply.AnswerReply reply) {
    List<Result> results = reply.answer().results();
    if (results.isEmpty()) {
      return notice(reply.skip() > 0 ? Messages.NO_MORE_QUOTES : Messages.NOTHING_MATCHES);
    }
    if (!reply.answer().answered()) {
      return closestArticles(results);
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    for (Result result : results) {
      blocks.add(section(quote(result)));
      blocks.add(context(byline(result.source(), result.link())));
    }
    blocks.add(answerButtons(reply));
    String first = Mrkdwn.shorten(results.get(0).quote(), NOTIFICATION_CHARS);
    return new SlackMessage(
        Mrkdwn.escape("“" + first + "” — " + results.get(0).source().title()), blocks, false);
  }

  /** When the reading list does not answer: say so plainly and name the closest articles. */
  private SlackMessage closestArticles(List<Result> results) {
    Map<String, Source> distinct = new LinkedHashMap<>();
    for (Result result : results) {
      distinct.putIfAbsent(result.source().id(), result.source());
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(Messages.NOT_ANSWERED + " " + Messages.CLOSEST));
    packLines(
        distinct.values().stream().map(s -> "• " + sourceLine(s)).toList(), blocks, MAX_BLOCKS);
    return new SlackMessage(Messages.NOT_ANSWERED, blocks, false);
  }

  private SlackMessage sources(Reply.SourcesReply reply) {
    if (reply.sources().isEmpty()) {
      return notice(Messages.EMPTY_READING_LIST);
    }
    int count = reply.sources().size();
    String intro =
        count == 1 ? "*1 article* to ask about:" : "*" + count + " articles* to ask about:";
    List<String> lines = new ArrayList<>();
    for (Source source : reply.sources()) {
      lines.add("• " + sourceLine(source));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(intro));
    int shown = packLines(lines, blocks, MAX_BLOCKS - 1);
    if (shown < count) {
      blocks.add(
          context(
              Mrkdwn.escape(
                  "…and "
                      + (count - shown)
                      + " more, too many for one message. Try /article with a few words.")));
    }
    return new SlackMessage(
        Mrkdwn.escape(count + (count == 1 ? " article" : " articles") + " to ask about"),
        blocks,
        true);
  }

  private SlackMessage article(Reply.ArticleReply reply) {
    Source source = reply.source();
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder head =
        new StringBuilder("*")
            .append(Mrkdwn.link(source.url(), Mrkdwn.shorten(source.title(), MAX_TITLE_CHARS)))
            .append("*");
    if (source.subtitle() != null && !source.subtitle().isBlank()) {
      head.append('\n').append(Mrkdwn.escape(Mrkdwn.shorten(source.subtitle(), 500)));
    }
    blocks.add(section(head.toString()));
    blocks.add(context(details(source, true)));
    for (Result quote : reply.opening()) {
      blocks.add(section(quote(quote)));
    }
    return new SlackMessage(Mrkdwn.escape(Mrkdwn.shorten(source.title(), 300)), blocks, false);
  }

  private SlackMessage choices(Reply.ArticleChoicesReply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            Mrkdwn.escape(
                Messages.severalMatch(Mrkdwn.shorten(reply.words(), 80))
                    + ". Pick one with /article and its id:")));
    List<String> lines = new ArrayList<>();
    for (Source source : reply.matches()) {
      lines.add(
          "• *"
              + Mrkdwn.escape(Mrkdwn.shorten(source.title(), MAX_TITLE_CHARS))
              + "* — "
              + details(source, false)
              + " · `"
              + Mrkdwn.escape(source.id())
              + "`");
    }
    packLines(lines, blocks, MAX_BLOCKS);
    return new SlackMessage(
        Mrkdwn.escape(reply.matches().size() + " articles match"), blocks, true);
  }

  private SlackMessage settings(Reply.SettingsReply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!reply.change().isEmpty()) {
      blocks.add(section(plain(reply.change())));
    }
    blocks.add(section(plain(String.join("\n", reply.lines()))));
    return new SlackMessage("This channel's Reading Room settings", blocks, true);
  }

  /**
   * A digest: a header, then each part under its own heading, quotes as block quotes with linked
   * bylines. At most 5 new articles, 1 passage and 3 questions make about 25 blocks, well within
   * 50. A preview is private; the posted digest is for the channel.
   */
  private SlackMessage digest(Reply.DigestReply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (reply.preview()) {
      blocks.add(context(Mrkdwn.escape(Messages.PREVIEW)));
    }
    blocks.add(
        HeaderBlock.builder()
            .text(PlainTextObject.builder().text(Mrkdwn.shorten(reply.heading(), 150)).build())
            .build());
    if (!reply.added().isEmpty()) {
      blocks.add(section("*" + Messages.DIGEST_NEW + "*"));
      for (Reply.DigestReply.NewArticle added : reply.added()) {
        blocks.add(section("• " + sourceLine(added.source())));
        if (added.quote() != null) {
          blocks.add(section(quote(added.quote())));
        }
      }
      if (reply.moreAdded() > 0) {
        blocks.add(context(Mrkdwn.escape(Messages.moreAdded(reply.moreAdded()))));
      }
    }
    if (reply.discussion() != null) {
      Reply.DigestReply.Discussion d = reply.discussion();
      blocks.add(
          section(
              "*"
                  + Messages.DIGEST_DISCUSSION
                  + "*"
                  + (d.topic() == null
                      ? ""
                      : " · " + Mrkdwn.escape(Mrkdwn.shorten(d.topic(), MAX_TITLE_CHARS)))));
      blocks.add(section(quote(d.quote())));
      blocks.add(context(byline(d.quote().source(), d.quote().link())));
      blocks.add(section(plain(d.prompt())));
    }
    if (!reply.asked().isEmpty()) {
      blocks.add(section("*" + Messages.DIGEST_ASKED + "*"));
      for (Reply.DigestReply.AskedQuestion q : reply.asked()) {
        blocks.add(
            section(
                plain(
                    "“"
                        + Mrkdwn.shorten(q.question(), 500)
                        + "”"
                        + Messages.askedTimes(q.times()))));
        blocks.add(section(quote(q.quote())));
        blocks.add(context(byline(q.quote().source(), q.quote().link())));
      }
    }
    return new SlackMessage(
        Mrkdwn.escape(Mrkdwn.shorten(reply.heading(), 300)),
        blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS)),
        reply.preview());
  }

  /**
   * Quotes side by side ({@code /compare}, {@code /timeline}, {@code /discuss}): the heading and
   * notes, then each quote under its label in bold, with its linked byline, then the closing line.
   * At most 10 quotes of 3 blocks each stay within 50.
   */
  private SlackMessage quotes(Reply.QuotesReply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder head =
        new StringBuilder("*").append(plain(Mrkdwn.shorten(reply.heading(), 300))).append('*');
    for (String note : reply.notes()) {
      head.append('\n').append(plain(note));
    }
    blocks.add(section(head.toString()));
    for (Reply.QuotesReply.Labelled labelled : reply.quotes()) {
      if (blocks.size() + 4 > MAX_BLOCKS) {
        break;
      }
      blocks.add(section("*" + plain(Mrkdwn.shorten(labelled.label(), 200)) + "*"));
      blocks.add(section(quote(labelled.quote())));
      blocks.add(context(byline(labelled.quote().source(), labelled.quote().link())));
    }
    if (!reply.closing().isEmpty()) {
      blocks.add(section(plain(reply.closing())));
    }
    return new SlackMessage(
        Mrkdwn.escape(Mrkdwn.shorten(reply.heading(), 300)), blocks, reply.quotes().isEmpty());
  }

  /**
   * Lines to read or copy ({@code /cite}, {@code /report}); lines to copy exactly are in a code
   * block, packed in sections within the 3,000 characters each.
   */
  private SlackMessage text(Reply.TextReply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section("*" + plain(Mrkdwn.shorten(reply.title(), 300)) + "*"));
    if (reply.verbatim()) {
      StringBuilder chunk = new StringBuilder();
      for (String line : reply.lines()) {
        String escaped = Mrkdwn.escape(line).replace("`", "ˋ");
        if (chunk.length() > 0
            && chunk.length() + escaped.length() + 8 > Mrkdwn.MAX_SECTION_CHARS) {
          blocks.add(section("```" + chunk + "```"));
          chunk.setLength(0);
        }
        chunk.append(chunk.length() > 0 ? "\n" : "").append(Mrkdwn.shorten(escaped, 2900));
      }
      if (chunk.length() > 0) {
        blocks.add(section("```" + chunk + "```"));
      }
    } else {
      packLines(reply.lines().stream().map(BlockKitRenderer::plain).toList(), blocks, MAX_BLOCKS);
    }
    return new SlackMessage(
        Mrkdwn.escape(Mrkdwn.shorten(reply.title(), 300)),
        blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS)),
        reply.forAskerOnly());
  }

  private SlackMessage help(Reply.HelpReply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(plain(String.join("\n", reply.lines()))));
    blocks.add(
        context(
            Mrkdwn.escape(
                "In Slack: mention the bot in a channel to get the answer in a thread, or send it a"
                    + " direct message. Start a question with \"private\" (/ask private …) to get"
                    + " an answer only you can see. /readingroom help shows this again.")));
    return new SlackMessage("How to use Reading Room", blocks, true);
  }

  /** The quote as a block quote, cut (with an ellipsis) until it fits in one section. */
  private static String quote(Result result) {
    String quote = result.quote();
    String text = Mrkdwn.blockQuote(Mrkdwn.bold(quote, result.highlights()));
    while (text.length() > Mrkdwn.MAX_SECTION_CHARS) {
      int keep = (int) ((long) quote.length() * Mrkdwn.MAX_SECTION_CHARS / text.length()) - 8;
      quote = Mrkdwn.shorten(quote, Math.max(16, keep));
      text = Mrkdwn.blockQuote(Mrkdwn.bold(quote, result.highlights()));
    }
    return text;
  }

  /** "Headline (linked to the passage) · Outlet · Author · July 2018". */
  private static String byline(Source source, String link) {
    return Mrkdwn.link(link, Mrkdwn.shorten(source.title(), MAX_TITLE_CHARS))
        + " · "
        + details(source, false);
  }

  private static String sourceLine(Source source) {
    return Mrkdwn.link(source.url(), Mrkdwn.shorten(source.title(), MAX_TITLE_CHARS))
        + " — "
        + details(source, false);
  }

  /** Outlet, section (when asked), author and date, escaped. */
  private static String details(Source source, boolean withSection) {
    List<String> parts = new ArrayList<>();
    if (source.outlet() != null && !source.outlet().isBlank()) {
      parts.add(source.outlet());
    }
    if (withSection && source.section() != null && !source.section().isBlank()) {
      parts.add(source.section());
    }
    if (source.author() != null && !source.author().isBlank()) {
      parts.add(source.author());
    }
    if (source.published() != null) {
      parts.add(source.published().display());
    }
    return Mrkdwn.escape(Mrkdwn.shorten(String.join(" · ", parts), 400));
  }

  /**
   * "More", "Cite", "Helpful" and "Not helpful". The values carry the question as the engine reads
   * it (mentions and markup already stripped), so no control sequence travels in them either, and a
   * question of at most 1,000 characters always fits Slack's 2,000.
   */
  private static ActionsBlock answerButtons(Reply.AnswerReply reply) {
    String question = searchable(reply.answer().question());
    List<BlockElement> buttons = new ArrayList<>();
    if (reply.hasMore()) {
      String more =
          new Buttons.More(reply.skip() + reply.answer().results().size(), question).value();
      if (Buttons.fits(more)) {
        buttons.add(button("More", Buttons.MORE, more, "primary"));
      }
    }
    String cite = new Buttons.More(reply.skip(), question).value();
    if (Buttons.fits(cite)) {
      buttons.add(button("Cite", Buttons.CITE, cite, null));
    }
    String asked = Mrkdwn.shorten(question, Buttons.MAX_VALUE_CHARS);
    buttons.add(button("Helpful", Buttons.HELPFUL, asked, null));
    buttons.add(button("Not helpful", Buttons.NOT_HELPFUL, asked, null));
    return ActionsBlock.builder().blockId("readingroom_answer").elements(buttons).build();
  }

  private static String searchable(String question) {
    try {
      return QuestionText.clean(question);
    } catch (InvalidQuestionException e) {
      return ""; // cannot happen for a question that was answered; never let it break the reply
    }
  }

  private static ButtonElement button(String label, String actionId, String value, String style) {
    return ButtonElement.builder()
        .text(PlainTextObject.builder().text(label).build())
        .actionId(actionId)
        .value(value)
        .style(style)
        .build();
  }

  /**
   * Adds the lines as sections of up to 3,000 characters, stopping before {@code maxBlocks}.
   *
   * @return how many lines were added
   */
  private static int packLines(List<String> lines, List<LayoutBlock> blocks, int maxBlocks) {
    StringBuilder current = new StringBuilder();
    int added = 0;
    for (String line : lines) {
      String fitted =
          line.length() > Mrkdwn.MAX_SECTION_CHARS
              ? line.substring(0, Mrkdwn.MAX_SECTION_CHARS - 1) + Mrkdwn.ELLIPSIS
              : line;
      if (current.length() > 0
          && current.length() + 1 + fitted.length() > Mrkdwn.MAX_SECTION_CHARS) {
        if (blocks.size() + 1 >= maxBlocks) {
          break; // keep the last block for the "and N more" note
        }
        blocks.add(section(current.toString()));
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(fitted);
      added++;
    }
    if (current.length() > 0) {
      blocks.add(section(current.toString()));
    }
    return added;
  }

  /** Plain text escaped, shortened first if escaping would take it past a section's limit. */
  private static String plain(String text) {
    String raw = text;
    String escaped = Mrkdwn.escape(raw);
    while (escaped.length() > Mrkdwn.MAX_SECTION_CHARS) {
      raw =
          Mrkdwn.shorten(
              raw, (int) ((long) raw.length() * Mrkdwn.MAX_SECTION_CHARS / escaped.length()) - 8);
      escaped = Mrkdwn.escape(raw);
    }
    return escaped;
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(markdown(mrkdwn)).build();
  }

  private static ContextBlock context(String mrkdwn) {
    List<ContextBlockElement> elements = new ArrayList<>();
    elements.add(markdown(mrkdwn));
    return ContextBlock.builder().elements(elements).build();
  }

  /** Verbatim: Slack must not auto-link names or parse mentions in it. */
  private static MarkdownTextObject markdown(String mrkdwn) {
    return MarkdownTextObject.builder().text(mrkdwn).verbatim(true).build();
  }
}
