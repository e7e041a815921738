package readingroom.bot.console;

import java.util.ArrayList;
import java.util.List;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Reply;
import readingroom.index.Result;
import readingroom.index.model.Source;
import readingroom.index.model.Span;

/**
 * Renders replies as plain text for a terminal, with query terms in bold when the terminal takes
 * ANSI escapes.
 */
public final class PlainTextRenderer {

  private static final String BOLD = "\u001B[1m";
  private static final String PLAIN = "\u001B[0m";

  private final boolean ansi;

  public PlainTextRenderer(boolean ansi) {
    this.ansi = ansi;
  }

  public String render(Reply reply) {
    StringBuilder out = new StringBuilder();
    switch (reply) {
      case Reply.AnswerReply r -> {
        if (r.answer().results().isEmpty()) {
          out.append(
              r.skip() > 0 ? Messages.NO_MORE_QUOTES + "\n" : Messages.NOTHING_MATCHES + "\n");
          break;
        }
        if (!r.answer().answered()) {
          out.append(Messages.NOT_ANSWERED + " " + Messages.CLOSEST + "\n\n");
        }
        int n = r.skip();
        for (Result result : r.answer().results()) {
          out.append(++n)
              .append(". ")
              .append(quoted(result.quote(), highlight(result.quote(), result.highlights())))
              .append("\n");
          out.append("   — ").append(byline(result.source())).append('\n');
          out.append(linkLine("   ", result.link(), "\n")).append('\n');
        }
      }
      case Reply.SourcesReply r -> {
        if (r.sources().isEmpty()) {
          out.append(Messages.EMPTY_READING_LIST).append('\n');
        }
        for (Source source : r.sources()) {
          out.append("• ")
              .append(source.title())
              .append(" — ")
              .append(details(source))
              .append('\n');
          out.append("  ").append(source.url()).append('\n');
        }
      }
      case Reply.ArticleReply r -> {
        out.append(r.source().title()).append('\n');
        out.append(details(r.source()))
            .append('\n')
            .append(linkLine("", r.source().url(), "\n"))
            .append('\n');
        for (Result quote : r.opening()) {
          out.append(quoted(quote.quote())).append("\n");
        }
      }
      case Reply.ArticleChoicesReply r -> {
        out.append(Messages.severalMatch(r.words())).append(":\n");
        for (Source source : r.matches()) {
          out.append("• ").append(source.title()).append(" (").append(source.id()).append(")\n");
        }
      }
      case Reply.HelpReply r -> r.lines().forEach(line -> out.append(line).append('\n'));
      case Reply.SettingsReply r -> {
        if (!r.change().isEmpty()) {
          out.append(r.change()).append("\n\n");
        }
        r.lines().forEach(line -> out.append(line).append('\n'));
      }
      case Reply.NoticeReply r -> out.append(r.text()).append('\n');
      case Reply.DigestReply r -> digest(r, out);
      case Reply.QuotesReply r -> {
        out.append(r.heading()).append("\n");
        r.notes().forEach(note -> out.append(note).append('\n'));
        out.append('\n');
        for (Reply.QuotesReply.Labelled labelled : r.quotes()) {
          Result result = labelled.quote();
          out.append(labelled.label()).append('\n');
          out.append("   ")
              .append(quoted(result.quote(), highlight(result.quote(), result.highlights())))
              .append("\n");
          out.append("   — ").append(byline(result.source())).append('\n');
          out.append(linkLine("   ", result.link(), "\n")).append('\n');
        }
        if (!r.closing().isEmpty()) {
          out.append(r.closing()).append('\n');
        }
      }
      case Reply.TextReply r -> {
        out.append(r.title()).append("\n\n");
        r.lines().forEach(line -> out.append(line).append('\n'));
      }
    }
    return out.toString();
  }

  private void digest(Reply.DigestReply reply, StringBuilder out) {
    if (reply.preview()) {
      out.append(Messages.PREVIEW).append("\n\n");
    }
    out.append(reply.heading()).append("\n\n");
    if (!reply.added().isEmpty()) {
      out.append(Messages.DIGEST_NEW).append('\n');
      for (Reply.DigestReply.NewArticle added : reply.added()) {
        out.append("• ").append(added.source().title()).append(" — ");
        out.append(details(added.source())).append('\n');
        out.append("  ").append(added.source().url()).append('\n');
        if (added.quote() != null) {
          out.append("  ").append(quoted(added.quote().quote())).append("\n");
        }
      }
      if (reply.moreAdded() > 0) {
        out.append("  ").append(Messages.moreAdded(reply.moreAdded())).append('\n');
      }
      out.append('\n');
    }
    if (reply.discussion() != null) {
      Reply.DigestReply.Discussion d = reply.discussion();
      out.append(Messages.DIGEST_DISCUSSION)
          .append(d.topic() == null ? "" : " (" + d.topic() + ")")
          .append('\n');
      out.append(quoted(d.quote().quote())).append("\n");
      out.append("   — ").append(byline(d.quote().source())).append('\n');
      out.append(linkLine("   ", d.quote().link(), "\n"));
      out.append(d.prompt()).append("\n\n");
    }
    if (!reply.asked().isEmpty()) {
      out.append(Messages.DIGEST_ASKED).append('\n');
      for (Reply.DigestReply.AskedQuestion q : reply.asked()) {
        out.append("• ").append(q.question());
        out.append(Messages.askedTimes(q.times()));
        out.append('\n');
        out.append("  ").append(quoted(q.quote().quote())).append("\n");
        out.append("   — ").append(byline(q.quote().source())).append('\n');
        out.append(linkLine("   ", q.quote().link(), "\n"));
      }
    }
  }

  static String byline(Source source) {
    String rest = details(source);
    return rest.isEmpty() ? source.title() : source.title() + " · " + rest;
  }

  /** "Outlet · Author · July 2018", leaving out what is not known. */
  static String details(Source source) {
    List<String> parts = new ArrayList<>();
    if (source.outlet() != null && !source.outlet().isBlank()) {
      parts.add(source.outlet());
    }
    if (source.author() != null && !source.author().isBlank()) {
      parts.add(source.author());
    }
    if (source.published() != null) {
      parts.add(source.published().display());
    }
    return String.join(" · ", parts);
  }

  /** A line for the link, or nothing for an article without an address. */
  private static String linkLine(String indent, String link, String end) {
    return link == null ? "" : indent + link + end;
  }

  private String highlight(String quote, List<Span> spans) {
    if (!ansi || spans.isEmpty()) {
      return quote;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Span span : spans) {
      out.append(quote, at, span.start())
          .append(BOLD)
          .append(quote, span.start(), span.end())
          .append(PLAIN);
      at = span.end();
    }
    return out.append(quote.substring(at)).toString();
  }

  /**
   * The quote in quotation marks, without doubling a mark the quote itself opens or closes with (a
   * passage that starts with someone's words would show ““...”).
   */
  static String quoted(String quote) {
    return quoted(quote, quote);
  }

  /** {@link #quoted(String)} of {@code quote}, shown as {@code shown} (with its highlights). */
  static String quoted(String quote, String shown) {
    String open = quote.startsWith("“") || quote.startsWith("\"") ? "" : "“";
    String close = quote.endsWith("”") || quote.endsWith("\"") ? "" : "”";
    return open + shown + close;
  }
}
