package readingroom.bot.commands;

import java.util.Locale;
import java.util.regex.Pattern;
import readingroom.bot.model.CitationStyle;

/**
 * What a typed text asks for, the one parser of typed commands: the text of Slack's {@code
 * /readingroom}, of a mention or a direct message on either platform, or a console line. A leading
 * {@code /} on the command word is allowed ({@code /sources}), so the console's lines parse the
 * same way. "help" or "sources" alone, or a leading "article …", "settings …", "digest …", "report
 * …", "compare …", "timeline …" or "ask …", "cite" alone or with a style, "discuss" alone (or
 * slashed, with a topic), picks the command (settings and digest replies are always private);
 * anything else is a question ("help me understand…" is a question). A leading "private" asks for
 * an answer only the asker sees.
 *
 * @param kind which command
 * @param argument the question or the article words ("" for none)
 * @param privately whether the asker wants the reply for their eyes only
 */
public record TextCommand(Kind kind, String argument, boolean privately) {

  public enum Kind {
    ASK,
    SOURCES,
    ARTICLE,
    SETTINGS,
    DIGEST,
    HELP,
    ADD,
    CITE,
    COMPARE,
    TIMELINE,
    DISCUSS,
    REPORT
  }

  /**
   * Leading mentions of users (the bot itself, in a mention) are not part of the question: Slack's
   * {@code <@U123|name>} and Discord's {@code <@123>} / {@code <@!123>}.
   */
  private static final Pattern LEADING_MENTIONS =
      Pattern.compile("^(\\s*<@!?[A-Za-z0-9]+(\\|[^>]*)?>)+");

  /** Parses the text of {@code /readingroom}, a mention or a direct message. */
  public static TextCommand parse(String text) {
    String rest = LEADING_MENTIONS.matcher(text == null ? "" : text).replaceFirst("").strip();
    boolean privately = false;
    if (firstWord(rest).equals("private")) {
      privately = true;
      rest = afterFirstWord(rest);
    }
    String word = firstWord(rest);
    boolean slashed = word.startsWith("/");
    word = slashed ? word.substring(1) : word;
    boolean alone = afterFirstWord(rest).isEmpty();
    return switch (word) {
      case "" -> new TextCommand(Kind.HELP, "", privately);
      case "help" ->
          alone || slashed
              ? new TextCommand(Kind.HELP, "", privately)
              : new TextCommand(Kind.ASK, rest, privately);
      case "sources" ->
          alone || slashed
              ? new TextCommand(Kind.SOURCES, "", privately)
              : new TextCommand(Kind.ASK, rest, privately);
      case "article" -> new TextCommand(Kind.ARTICLE, afterFirstWord(rest), privately);
      case "settings" -> new TextCommand(Kind.SETTINGS, afterFirstWord(rest), true);
      case "ask" -> new TextCommand(Kind.ASK, afterFirstWord(rest), privately);
      case "digest" -> new TextCommand(Kind.DIGEST, afterFirstWord(rest), true);
      // "add <address>", "/add …", or "add" alone under an attached file; "add up the costs" asks.
      case "add" ->
          slashed || alone || AddCommand.isAddress(afterFirstWord(rest))
              ? new TextCommand(Kind.ADD, afterFirstWord(rest), true)
              : new TextCommand(Kind.ASK, rest, privately);
      case "report" -> new TextCommand(Kind.REPORT, afterFirstWord(rest), true);
      // "cite" alone, or a style after it; "cite the ..." is a question.
      case "cite" ->
          alone || slashed || CitationStyle.parse(afterFirstWord(rest)).isPresent()
              ? new TextCommand(Kind.CITE, afterFirstWord(rest), privately)
              : new TextCommand(Kind.ASK, rest, privately);
      case "compare" -> new TextCommand(Kind.COMPARE, afterFirstWord(rest), privately);
      case "timeline" -> new TextCommand(Kind.TIMELINE, afterFirstWord(rest), privately);
      // "discuss" alone or slashed is the command; "discuss how..." reads as a question.
      case "discuss" ->
          alone || slashed
              ? new TextCommand(Kind.DISCUSS, afterFirstWord(rest), privately)
              : new TextCommand(Kind.ASK, rest, privately);
      // "/foo": a command that does not exist, so how to use the ones that do.
      default ->
          slashed
              ? new TextCommand(Kind.HELP, "", privately)
              : new TextCommand(Kind.ASK, rest, privately);
    };
  }

  /** Parses the text of {@code /ask}: a question, perhaps after "private". */
  public static TextCommand question(String text) {
    String rest = text == null ? "" : text.strip();
    if (firstWord(rest).equals("private")) {
      return new TextCommand(Kind.ASK, afterFirstWord(rest), true);
    }
    return new TextCommand(Kind.ASK, rest, false);
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String word = text.substring(0, end).toLowerCase(Locale.ROOT);
    // "help" and "help?" and "Sources:" all count as the keyword.
    return word.replaceAll("[?:!.,]+$", "");
  }

  private static String afterFirstWord(String text) {
    int end = 0;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return text.substring(end).strip();
  }
}
