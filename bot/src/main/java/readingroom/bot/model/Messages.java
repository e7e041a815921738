package readingroom.bot.model;

import java.util.List;

/**
 * Every sentence a user reads that more than one place shows: the commands write their notices with
 * these, and the renderers of every platform take their headings and fixed lines from here, so the
 * wording cannot drift between Discord, Slack and the console. Commands are named in their short
 * form ({@code /settings}); an adapter whose platform spells them differently rewrites the names
 * when it renders, so the core knows no platform's command names.
 */
public final class Messages {
  private Messages() {}

  public static final String NOTHING_MATCHES = "Nothing in the reading list matches this question.";
  public static final String NO_MORE_QUOTES = "No more quotes for this question.";
  public static final String NOT_ANSWERED = "The reading list does not seem to answer this.";
  public static final String CLOSEST = "The closest passages:";
  public static final String EMPTY_READING_LIST = "This channel's reading list is empty.";
  public static final String PREVIEW = "Preview: only you see this, and nothing is recorded.";
  public static final String DIGEST_NEW = "New on the reading list";
  public static final String DIGEST_DISCUSSION = "For discussion";
  public static final String DIGEST_ASKED = "Most asked here in the last day";
  public static final String THANKS_HELPFUL = "Thanks: noted as helpful.";
  public static final String THANKS_NOT_HELPFUL =
      "Thanks: noted as not helpful. Rephrasing the question sometimes finds better quotes.";
  public static final String OLD_BUTTON = "This button is from an older version: ask again.";
  public static final String MENTION_ANSWERS_PRIVATE =
      "Answers in this channel are private: ask with /ask, and only you will see the answer.";
  public static final String MENTION_REPLY_PRIVATE =
      "That reply is for your eyes only: use the slash command, and only you will see it.";
  public static final String DIGESTS_OFF = "Daily digests are not enabled on this bot.";
  public static final String STOPPING = "Reading Room is restarting: ask again in a minute.";

  /** "Several articles match "words"": the first words of a list of choices. */
  public static String severalMatch(String words) {
    return "Several articles match \"" + words + "\"";
  }

  /** The answer to a failure: short, with the id that is also in the log. */
  /** What the console adds to the chat commands of {@code /help}. */
  public static String consoleCommands() {
    return "In this terminal also: /more (the next quotes of the last answer), /quit (leave)."
        + " A line without a command is a question.";
  }

  /** A {@code /word} the console does not know. */
  public static String unknownCommand(String command, String known) {
    return "Unknown command " + command + ". The commands are " + known + "; /help says more.";
  }

  public static String apology(String errorId) {
    return "Sorry, something went wrong on our side (error " + errorId + ").";
  }

  public static String engineUnavailable(String errorId) {
    return "The reading list is unavailable right now (error " + errorId + ").";
  }

  public static String settingsUnavailable(String errorId) {
    return "This channel's settings cannot be read or saved right now (error " + errorId + ").";
  }

  /** "…and 3 more: see /sources." under a shortened list of new articles. */
  public static String moreAdded(int more) {
    return "…and " + more + " more: see /sources.";
  }

  /** "(asked 3 times)" after a question asked more than once; empty for once. */
  public static String askedTimes(int times) {
    return times > 1 ? " (asked " + times + " times)" : "";
  }

  public static String rateLimitedUser(String wait) {
    return "You're asking faster than I can keep up with. Please wait " + wait + " and ask again.";
  }

  public static String rateLimitedChannel(String wait) {
    return "This channel is asking a lot right now. Please wait "
        + wait
        + " and ask again; repeated questions are answered at once.";
  }

  public static final String ARTICLE_WHICH =
      "Which article? Give a few words of its headline, e.g. /article moscow times.";

  public static String noArticleMatches(String words) {
    return "No article in this channel's reading list matches \""
        + words
        + "\". Try /sources to see them all.";
  }

  // ---- /add: articles added from chat (issue 12) ----

  public static final String ADD_HOW =
      "Give a web address or attach a file (HTML, PDF, Markdown or text), e.g. /add https://example.org/story.";
  public static final String ADDING_OFF = "Adding articles from chat is not enabled on this bot.";
  public static final String ADD_ONE_AT_A_TIME =
      "Add one thing at a time: a web address or a file.";

  /** "Added to this channel's reading list: "Title" — Outlet, 5 March 2024." */
  public static String added(String description) {
    return "Added to this channel's reading list: " + description + ".";
  }

  /** "Not added: <reason>." */
  public static String notAdded(String reason) {
    String text = reason.strip();
    return "Not added: " + text + (text.endsWith(".") ? "" : ".");
  }

  public static String addMissing(String what) {
    return "Still added, but it has " + what + ".";
  }

  public static final String ADDED_OUTSIDE_DATES =
      "It falls outside this channel's dates, so answers here will not quote it until /settings changes them.";

  public static String uploadTooLarge(String name, String size, String max) {
    return name + " is " + size + "; files up to " + max + " can be added";
  }

  public static String uploadNotAnArticle(String name) {
    return name
        + " is not an article file: a saved page (.html, .mhtml), PDF, Markdown (.md) or text (.txt) can be added";
  }

  public static String uploadUnreadable(String name, String why) {
    return name + " could not be downloaded from the chat (" + why + "); try again";
  }

  public static final String ADD_ACTION = "add articles to this channel's reading list";
  public static final String ADD_INSTEAD = "Ask one of them to add it.";

  public static final String HELP_ADD =
      "/add <web address> or /add with a file attached (HTML, PDF, Markdown, text): people who manage the channel add an article to its reading list.";

  public static final String CITE_NOTHING =
      "Nothing to cite yet: ask a question (/ask), then /cite, or press Cite under an answer.";
  public static final String CITE_NO_QUOTES = "That answer has no quotes to cite.";
  public static final String CITE_STYLES = "Citation styles: APA, MLA or Chicago, e.g. /cite apa.";
  public static final String COMPARE_WHAT =
      "Compare what? Give a question, e.g. /compare why did russia invite the taliban to moscow?";
  public static final String COMPARE_ONE_SOURCE =
      "Only one source in the reading list answers this.";
  public static final String COMPARE_NONE =
      "No source in the reading list seems to answer this. The closest passages:";
  public static final String TIMELINE_WHAT =
      "A timeline of what? Give a topic, e.g. /timeline taliban terrorist designation.";
  public static final String TIMELINE_NONE =
      "Nothing in the reading list is clearly about this. The closest passages, in date order:";
  public static final String UNDATED = "Undated";
  public static final String DISCUSS_NOTHING =
      "This channel's reading list has no passage to discuss.";
  public static final String REPORT_FORBIDDEN =
      "Only people who manage this channel can see its report.";
  public static final String REPORT_LOG_OFF =
      "The question log is off on this bot, so there is nothing to report.";
  public static final String REPORT_PERIOD =
      "Report over which period? e.g. /report, /report 30d, /report since 2026-11-01.";

  /** "Compare: <question>". */
  public static String compareHeading(String question) {
    return "Compare: " + question;
  }

  /** "Timeline: <topic>". */
  public static String timelineHeading(String topic) {
    return "Timeline: " + topic;
  }

  /** "For discussion" with the topic it was matched to, if any. */
  public static String discussHeading(String topic) {
    return topic == null || topic.isBlank() ? DIGEST_DISCUSSION : DIGEST_DISCUSSION + ": " + topic;
  }

  /** "Citations (APA)", or "Citations" for every style. */
  public static String citeHeading(String style) {
    return style == null ? "Citations" : "Citations (" + style + ")";
  }

  /** "Report for this channel: November 24 – December 1, 2026". */
  public static String reportHeading(String period) {
    return "Report for this channel: " + period;
  }

  /** What {@code /help} says, on every platform; an adapter may add a line of its own. */
  public static final List<String> HELP =
      List.of(
          "Ask a question about the reading list and get back verbatim quotes, each linked to its source.",
          "/ask <question>: for example /ask why did russia invite the taliban to moscow?",
          "/sources: the articles this channel can ask about.",
          "/article <headline words>: one article's details and opening lines.",
          "/settings: this channel's reading list and how answers are shown; people who manage the channel can change them.",
          HELP_ADD,
          "/compare <question>: the best quote from each outlet that answers it, side by side.",
          "/timeline <topic>: quotes on a topic in date order across the reading list.",
          "/cite [apa | mla | chicago]: citations of your last answer's articles, ready to paste (or press Cite under an answer).",
          "/discuss [topic]: a passage from the reading list with an open question, for the class to take up.",
          "Reply in an answer's thread (mention me there) to ask a follow-up: the thread's question is kept in mind.",
          "/report [7d | 30d | since <date>]: for people who manage the channel, what was asked, what the reading list did not answer, the most cited articles and the feedback.",
          "/digest subscribe <HH:MM> <time zone> [topic]: a daily post of new articles, a passage to discuss and the most asked questions; /digest status, /digest preview, /digest unsubscribe.",
          "Every quote is the article's own words; when the reading list does not answer, the bot says so.");
}
