package readingroom.bot.discord;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Reply;
import readingroom.bot.text.Texts;
import readingroom.index.Result;
import readingroom.index.model.Source;
import readingroom.index.model.Span;

/**
 * Renders {@link Reply} values as Discord messages: one embed per quote (headline linked to the
 * quote in its article, the quote as a block quote with query terms in bold, outlet, author and
 * date below), lists as linked lines. Everything is escaped, made mention-proof and fitted inside
 * {@link DiscordLimits}; buttons are added by {@link ReplyButtons}.
 */
final class DiscordRenderer {

  static final int ANSWER_COLOR = 0x3B6E8F;
  static final int NOT_ANSWERED_COLOR = 0x8A8F98;

  /** Articles per page of {@code /sources}. */
  static final int SOURCES_PER_PAGE = 10;

  private static final int QUESTION_ECHO = 300;
  private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");

  DiscordMessage render(Reply reply) {
    return switch (reply) {
      case Reply.AnswerReply r -> answer(r);
      case Reply.SourcesReply r -> sources(r, 0);
      case Reply.ArticleReply r -> article(r);
      case Reply.ArticleChoicesReply r -> choices(r);
      case Reply.HelpReply r -> help(r);
      case Reply.SettingsReply r -> settings(r);
      case Reply.NoticeReply r ->
          DiscordMessage.text(
              DiscordMarkdown.truncate(DiscordMarkdown.escape(r.text()), DiscordLimits.CONTENT));
      case Reply.DigestReply r -> digest(r);
      case Reply.QuotesReply r -> quotes(r);
      case Reply.TextReply r -> text(r);
    };
  }

  /**
   * Quotes side by side ({@code /compare}, {@code /timeline}, {@code /discuss}): the heading and
   * notes as the message, then one embed per quote with its label in bold above it; a closing line
   * (a discussion prompt) ends the last embed. The embeds share the 6,000 characters.
   */
  DiscordMessage quotes(Reply.QuotesReply reply) {
    StringBuilder content =
        new StringBuilder("**")
            .append(DiscordMarkdown.truncate(DiscordMarkdown.escape(oneLine(reply.heading())), 300))
            .append("**");
    for (String note : reply.notes()) {
      content.append('\n').append(DiscordMarkdown.escape(note));
    }
    List<MessageEmbed> embeds = new ArrayList<>();
    int count = Math.min(reply.quotes().size(), DiscordLimits.EMBEDS);
    int share = count == 0 ? 0 : DiscordLimits.EMBEDS_TOTAL / count;
    for (int i = 0; i < count; i++) {
      Reply.QuotesReply.Labelled labelled = reply.quotes().get(i);
      Result result = labelled.quote();
      Source source = result.source();
      String title = DiscordMarkdown.truncate(title(source), share / 4);
      String footer = DiscordMarkdown.truncate(footer(source), share / 4);
      String label =
          "**"
              + DiscordMarkdown.truncate(DiscordMarkdown.escape(oneLine(labelled.label())), 200)
              + "**\n";
      String after =
          i == count - 1 && !reply.closing().isEmpty()
              ? "\n\n"
                  + DiscordMarkdown.truncate(
                      DiscordMarkdown.escape(MentionGuard.neutralise(reply.closing())), share / 4)
              : "";
      int room =
          Math.min(DiscordLimits.EMBED_DESCRIPTION, share - title.length() - footer.length())
              - label.length()
              - after.length();
      String link = httpUrl(result.link());
      embeds.add(
          new EmbedBuilder()
              .setTitle(title, link != null ? link : httpUrl(source.url()))
              .setDescription(label + blockQuote(result.quote(), result.highlights(), room) + after)
              .setFooter(footer.isEmpty() ? null : footer)
              .setColor(ANSWER_COLOR)
              .build());
    }
    return new DiscordMessage(
        DiscordMarkdown.truncate(content.toString(), DiscordLimits.CONTENT), embeds, List.of());
  }

  /**
   * Lines to read or copy ({@code /cite}, {@code /report}) as one embed; lines to copy exactly are
   * in a code block, where Discord shows them as they are and nothing in them can ping.
   */
  DiscordMessage text(Reply.TextReply reply) {
    String body;
    if (reply.verbatim()) {
      String lines = MentionGuard.neutralise(String.join("\n", reply.lines())).replace("`", "ˋ");
      body =
          "```\n" + DiscordMarkdown.truncate(lines, DiscordLimits.EMBED_DESCRIPTION - 10) + "\n```";
    } else {
      StringBuilder escaped = new StringBuilder();
      for (String line : reply.lines()) {
        escaped.append(DiscordMarkdown.escape(MentionGuard.neutralise(line))).append('\n');
      }
      body = DiscordMarkdown.truncate(escaped.toString().strip(), DiscordLimits.EMBED_DESCRIPTION);
    }
    MessageEmbed embed =
        new EmbedBuilder()
            .setTitle(DiscordMarkdown.truncate(DiscordMarkdown.escape(oneLine(reply.title())), 256))
            .setDescription(body)
            .setColor(ANSWER_COLOR)
            .build();
    return new DiscordMessage("", List.of(embed), List.of());
  }

  /**
   * A digest: the heading as the message, then one embed per quote (new articles, the passage for
   * discussion with its prompt, the most asked questions), each headed by what part it belongs to.
   * At most 5 + 1 + 3 embeds, within Discord's 10, sharing the 6,000 characters.
   */
  /** A posted digest's first line, which names its day: how a post in doubt is recognised. */
  String digestHeading(Reply.DigestReply reply) {
    return "**" + DiscordMarkdown.escape(oneLine(reply.heading())) + "**";
  }

  DiscordMessage digest(Reply.DigestReply reply) {
    record Part(String label, Result quote, String title, String after) {}
    List<Part> parts = new ArrayList<>();
    for (Reply.DigestReply.NewArticle added : reply.added()) {
      if (added.quote() != null) {
        parts.add(new Part(Messages.DIGEST_NEW, added.quote(), null, ""));
      }
    }
    if (reply.discussion() != null) {
      Reply.DigestReply.Discussion d = reply.discussion();
      parts.add(
          new Part(
              Messages.DIGEST_DISCUSSION + (d.topic() == null ? "" : " · " + oneLine(d.topic())),
              d.quote(),
              null,
              "\n\n" + DiscordMarkdown.escape(d.prompt())));
    }
    for (Reply.DigestReply.AskedQuestion q : reply.asked()) {
      parts.add(
          new Part(
              Messages.DIGEST_ASKED + (q.times() > 1 ? " · asked " + q.times() + " times" : ""),
              q.quote(),
              "“" + oneLine(q.question()) + "”",
              ""));
    }
    StringBuilder content = new StringBuilder();
    if (reply.preview()) {
      content.append('*').append(Messages.PREVIEW).append("*\n");
    }
    content.append(digestHeading(reply));
    if (reply.moreAdded() > 0) {
      content.append('\n').append(Messages.moreAdded(reply.moreAdded()));
    }
    List<MessageEmbed> embeds = new ArrayList<>();
    int count = Math.min(parts.size(), DiscordLimits.EMBEDS);
    int share = count == 0 ? 0 : DiscordLimits.EMBEDS_TOTAL / count;
    // Title, footer and a question's attribution line take at most a quarter of the embed's share
    // each, so the quote always keeps the rest and all embeds stay within the 6,000 together.
    int cap = Math.min(DiscordLimits.EMBED_TITLE, share / 4);
    for (Part part : parts.subList(0, count)) {
      Source source = part.quote().source();
      String title =
          DiscordMarkdown.truncate(
              part.title() == null ? title(source) : DiscordMarkdown.escape(part.title()), cap);
      String footer =
          DiscordMarkdown.truncate(
              MentionGuard.neutralise(part.label() + " · " + byline(source, false)), share / 4);
      String link = httpUrl(part.quote().link());
      String suffix =
          part.after()
              + (part.title() == null
                  ? ""
                  : "\n— " + DiscordMarkdown.truncate(title(source), cap - 3));
      int room =
          Math.min(DiscordLimits.EMBED_DESCRIPTION, share - title.length() - footer.length())
              - suffix.length();
      String description =
          blockQuote(part.quote().quote(), part.quote().highlights(), room) + suffix;
      embeds.add(
          new EmbedBuilder()
              .setTitle(title, link != null ? link : httpUrl(source.url()))
              .setDescription(
                  DiscordMarkdown.truncate(description, DiscordLimits.EMBED_DESCRIPTION))
              .setFooter(footer)
              .setColor(ANSWER_COLOR)
              .build());
    }
    return new DiscordMessage(
        DiscordMarkdown.truncate(content.toString(), DiscordLimits.CONTENT), embeds, List.of());
  }

  DiscordMessage answer(Reply.AnswerReply reply) {
    List<Result> results = reply.answer().results();
    StringBuilder content = new StringBuilder("**Question:** ");
    content.append(
        DiscordMarkdown.truncate(
            DiscordMarkdown.escape(oneLine(reply.answer().question())), QUESTION_ECHO));
    if (results.isEmpty()) {
      content.append(
          reply.skip() > 0 ? "\n" + Messages.NO_MORE_QUOTES : "\n" + Messages.NOTHING_MATCHES);
      return DiscordMessage.text(content.toString());
    }
    if (!reply.answer().answered()) {
      content.append('\n').append(Messages.NOT_ANSWERED).append(' ').append(Messages.CLOSEST);
      Map<String, Source> closest = new LinkedHashMap<>();
      results.forEach(r -> closest.putIfAbsent(r.source().id(), r.source()));
      MessageEmbed list =
          new EmbedBuilder()
              .setDescription(joinLines(sourceLines(List.copyOf(closest.values()))))
              .setColor(NOT_ANSWERED_COLOR)
              .build();
      return new DiscordMessage(content.toString(), List.of(list), List.of());
    }
    if (reply.skip() > 0) {
      content
          .append(" · quotes ")
          .append(reply.skip() + 1)
          .append('–')
          .append(reply.skip() + results.size());
    }
    List<MessageEmbed> embeds = new ArrayList<>();
    int count = Math.min(results.size(), DiscordLimits.EMBEDS);
    // An equal share of the 6,000 characters all embeds may hold together; quotes are far shorter.
    int share = DiscordLimits.EMBEDS_TOTAL / count;
    for (Result result : results.subList(0, count)) {
      embeds.add(quoteEmbed(result, share));
    }
    return new DiscordMessage(content.toString(), embeds, List.of());
  }

  /** The page of {@code /sources} numbered {@code page} from 0 (clamped to the pages there are). */
  DiscordMessage sources(Reply.SourcesReply reply, int page) {
    if (reply.sources().isEmpty()) {
      return DiscordMessage.text(Messages.EMPTY_READING_LIST);
    }
    List<List<String>> pages = pages(sourceLines(reply.sources()));
    int shown = Math.clamp(page, 0, pages.size() - 1);
    int total = reply.sources().size();
    EmbedBuilder embed =
        new EmbedBuilder()
            .setTitle("Reading list: " + total + (total == 1 ? " article" : " articles"))
            .setDescription(joinLines(pages.get(shown)))
            .setColor(ANSWER_COLOR);
    if (pages.size() > 1) {
      embed.setFooter("Page " + (shown + 1) + " of " + pages.size());
    }
    return new DiscordMessage("", List.of(embed.build()), List.of());
  }

  /** How many pages {@code /sources} needs. */
  int sourcePages(Reply.SourcesReply reply) {
    return reply.sources().isEmpty() ? 1 : pages(sourceLines(reply.sources())).size();
  }

  DiscordMessage article(Reply.ArticleReply reply) {
    Source source = reply.source();
    StringBuilder description = new StringBuilder();
    if (source.subtitle() != null && !source.subtitle().isBlank()) {
      description
          .append('*')
          .append(DiscordMarkdown.truncate(DiscordMarkdown.escape(oneLine(source.subtitle())), 500))
          .append("*\n\n");
    }
    int budget = DiscordLimits.EMBED_DESCRIPTION - description.length() - 40;
    for (Result quote : reply.opening()) {
      String block = blockQuote(quote.quote(), List.of(), Math.min(1500, budget));
      if (block.length() + 2 > budget) {
        break;
      }
      description.append(block).append("\n\n");
      budget -= block.length() + 2;
    }
    String url = httpUrl(source.url());
    if (url != null) {
      description.append("[Read the article](").append(maskedLinkUrl(url)).append(')');
    }
    EmbedBuilder embed =
        new EmbedBuilder()
            .setTitle(title(source), url)
            .setDescription(description.toString().strip())
            .setFooter(footer(source).isEmpty() ? null : footer(source))
            .setColor(ANSWER_COLOR);
    return new DiscordMessage("", List.of(embed.build()), List.of());
  }

  private DiscordMessage choices(Reply.ArticleChoicesReply reply) {
    String content =
        Messages.severalMatch(
                DiscordMarkdown.truncate(DiscordMarkdown.escape(oneLine(reply.words())), 200))
            + ". Pick one from the suggestions while typing /article, or open one here:";
    MessageEmbed list =
        new EmbedBuilder()
            .setDescription(joinLines(pages(sourceLines(reply.matches())).get(0)))
            .setColor(ANSWER_COLOR)
            .build();
    return new DiscordMessage(content, List.of(list), List.of());
  }

  private DiscordMessage settings(Reply.SettingsReply reply) {
    StringBuilder description = new StringBuilder();
    for (String line : reply.lines()) {
      description.append(DiscordMarkdown.escape(line)).append('\n');
    }
    EmbedBuilder embed =
        new EmbedBuilder()
            .setTitle("Reading Room in this channel")
            .setDescription(
                DiscordMarkdown.truncate(
                    description.toString().strip(), DiscordLimits.EMBED_DESCRIPTION))
            .setColor(ANSWER_COLOR);
    String change =
        reply.change().isEmpty()
            ? ""
            : DiscordMarkdown.truncate(
                DiscordMarkdown.escape(reply.change()), DiscordLimits.CONTENT);
    return new DiscordMessage(change, List.of(embed.build()), List.of());
  }

  private DiscordMessage help(Reply.HelpReply reply) {
    StringBuilder description = new StringBuilder();
    for (String line : reply.lines()) {
      description.append(DiscordMarkdown.escape(line)).append('\n');
    }
    description.append(
        "Or mention me with a question (@Reading Room why ...?): I answer in a thread on your"
            + " message.");
    MessageEmbed embed =
        new EmbedBuilder()
            .setTitle("Reading Room")
            .setDescription(
                DiscordMarkdown.truncate(description.toString(), DiscordLimits.EMBED_DESCRIPTION))
            .setColor(ANSWER_COLOR)
            .build();
    return new DiscordMessage("", List.of(embed), List.of());
  }

  private MessageEmbed quoteEmbed(Result result, int share) {
    Source source = result.source();
    String title = title(source);
    String footer = DiscordMarkdown.truncate(footer(source), share / 4);
    int room = Math.min(DiscordLimits.EMBED_DESCRIPTION, share - title.length() - footer.length());
    String link = httpUrl(result.link());
    return new EmbedBuilder()
        .setTitle(title, link != null ? link : httpUrl(source.url()))
        .setDescription(blockQuote(result.quote(), result.highlights(), room))
        .setFooter(footer.isEmpty() ? null : footer)
        .setColor(ANSWER_COLOR)
        .build();
  }

  /**
   * The text as a Markdown block quote of at most {@code max} characters, the highlighted ranges in
   * bold. Built piece by piece so a cut never splits an escape or leaves an unclosed {@code **}.
   */
  static String blockQuote(String quote, List<Span> highlights, int max) {
    Budget out = new Budget(max);
    out.add("> ");
    BitSet breaks = MentionGuard.breakPoints(quote);
    int at = 0;
    for (Span span : highlights) {
      int start = Math.clamp(span.start(), at, quote.length());
      int end = Math.clamp(span.end(), start, quote.length());
      out.addEscaped(quote, at, start, breaks);
      if (end > start) {
        StringBuilder bold = new StringBuilder("**");
        DiscordMarkdown.append(bold, quote, start, end, breaks);
        bold.append("**");
        if (!out.add(bold.toString())) {
          out.addEscaped(quote, start, end, breaks);
        }
      }
      at = end;
    }
    out.addEscaped(quote, at, quote.length(), breaks);
    return out.finish();
  }

  /** Text that fills up to a limit, then ends with "…". */
  private static final class Budget {
    private final StringBuilder text = new StringBuilder();
    private final int max;
    private boolean full;

    Budget(int max) {
      this.max = max;
    }

    /** Adds the piece whole, or nothing (and then nothing more) when it does not fit. */
    boolean add(String piece) {
      // One character stays free for the "…" that marks a cut.
      if (full || text.length() + piece.length() > max - 1) {
        full = true;
        return false;
      }
      text.append(piece);
      return true;
    }

    void addEscaped(String raw, int from, int to, BitSet breaks) {
      int i = from;
      while (i < to && !full) {
        char c = raw.charAt(i);
        String piece;
        if (c == '\n') {
          piece = "\n> ";
        } else if (Character.isHighSurrogate(c) && i + 1 < to) {
          // A character outside the BMP (an emoji) is added whole or not at all.
          piece = raw.substring(i, i + 2);
          i++;
        } else {
          piece = DiscordMarkdown.escaped(raw, i);
        }
        if (breaks.get(i)) {
          piece += MentionGuard.BREAK;
        }
        add(piece);
        i++;
      }
    }

    String finish() {
      return full ? text.toString().stripTrailing() + Texts.ELLIPSIS : text.toString();
    }
  }

  /** "• [Headline](url) · Outlet · July 2018" for each article. */
  static List<String> sourceLines(List<Source> sources) {
    List<String> lines = new ArrayList<>();
    for (Source source : sources) {
      String url = httpUrl(source.url());
      String headline =
          DiscordMarkdown.truncate(DiscordMarkdown.escape(oneLine(source.title())), 200);
      StringBuilder line = new StringBuilder("• ");
      if (url != null) {
        line.append('[').append(headline).append("](").append(maskedLinkUrl(url)).append(')');
      } else {
        line.append(headline);
      }
      line.append(" · ").append(DiscordMarkdown.escape(byline(source, false)));
      lines.add(line.toString());
    }
    return lines;
  }

  /** Lines grouped in pages of at most {@link #SOURCES_PER_PAGE} that fit one description. */
  static List<List<String>> pages(List<String> lines) {
    List<List<String>> pages = new ArrayList<>();
    List<String> page = new ArrayList<>();
    int length = 0;
    for (String line : lines) {
      String fitted = DiscordMarkdown.truncate(line, DiscordLimits.EMBED_DESCRIPTION);
      if (!page.isEmpty()
          && (page.size() == SOURCES_PER_PAGE
              || length + 1 + fitted.length() > DiscordLimits.EMBED_DESCRIPTION)) {
        pages.add(page);
        page = new ArrayList<>();
        length = 0;
      }
      page.add(fitted);
      length += fitted.length() + 1;
    }
    if (!page.isEmpty()) {
      pages.add(page);
    }
    return pages;
  }

  private static String title(Source source) {
    String title = oneLine(source.title());
    return DiscordMarkdown.truncate(
        DiscordMarkdown.escape(title.isEmpty() ? source.id() : title), DiscordLimits.EMBED_TITLE);
  }

  /** Footers show no Markdown, so they are only made mention-proof, not escaped. */
  private static String footer(Source source) {
    return DiscordMarkdown.truncate(
        MentionGuard.neutralise(byline(source, true)), DiscordLimits.EMBED_FOOTER);
  }

  /** "Outlet · Author · July 2018", leaving out what is not known. */
  static String byline(Source source, boolean withAuthor) {
    List<String> parts = new ArrayList<>();
    if (source.outlet() != null && !source.outlet().isBlank()) {
      parts.add(oneLine(source.outlet()));
    }
    if (withAuthor && source.author() != null && !source.author().isBlank()) {
      parts.add(oneLine(source.author()));
    }
    if (source.published() != null) {
      parts.add(source.published().display());
    }
    return String.join(" · ", parts);
  }

  /** The URL when it is one an embed accepts, else null. */
  static String httpUrl(String url) {
    if (url == null || url.length() > DiscordLimits.URL || !HTTP_URL.matcher(url).matches()) {
      return null;
    }
    return url;
  }

  /** A URL safe inside {@code [text](url)}: no spaces, parentheses or angle brackets. */
  static String maskedLinkUrl(String url) {
    return url.replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E");
  }

  private static String joinLines(List<String> lines) {
    return String.join("\n", lines);
  }

  private static String oneLine(String text) {
    return Texts.oneLine(text);
  }
}
