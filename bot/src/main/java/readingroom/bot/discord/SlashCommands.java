package readingroom.bot.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import readingroom.index.Question;
import readingroom.index.QuestionText;

/** The slash commands Reading Room registers, with the descriptions Discord shows as you type. */
final class SlashCommands {
  private SlashCommands() {}

  static final String ASK = "ask";
  static final String QUESTION = "question";
  static final String PRIVATE = "private";
  static final String SOURCES = "sources";
  static final String ARTICLE = "article";
  static final String TITLE = "title";
  static final String HELP = "help";
  static final String SETTINGS = "settings";
  static final String SHOW = "show";
  static final String SCOPE = "scope";
  static final String LIST = "list";
  static final String VISIBILITY = "visibility";
  static final String ANSWERS = "answers";
  static final String QUOTES = "quotes";
  static final String COUNT = "count";
  static final String DIGEST = "digest";
  static final String SUBSCRIBE = "subscribe";
  static final String UNSUBSCRIBE = "unsubscribe";
  static final String STATUS = "status";
  static final String PREVIEW = "preview";
  static final String TIME = "time";
  static final String TIMEZONE = "timezone";
  static final String TOPIC = "topic";
  static final String CITE = "cite";
  static final String STYLE = "style";
  static final String COMPARE = "compare";
  static final String TIMELINE = "timeline";
  static final String DISCUSS = "discuss";
  static final String REPORT = "report";
  static final String PERIOD = "period";

  // /add (issue 12)
  static final String ADD = "add";
  static final String URL = "url";
  static final String FILE = "file";

  static List<SlashCommandData> all() {
    return List.of(
        guildOnly(
            Commands.slash(
                    ASK, "Ask the reading list; the answer quotes the articles word for word.")
                .addOptions(
                    new OptionData(
                            OptionType.STRING,
                            QUESTION,
                            "Your question, e.g. why did russia invite the taliban to moscow?",
                            true)
                        .setMaxLength(QuestionText.MAX_CHARS),
                    new OptionData(
                        OptionType.BOOLEAN,
                        PRIVATE,
                        "Only you see the answer, and you can share it (default: everyone sees it).",
                        false))),
        guildOnly(Commands.slash(SOURCES, "The articles this channel can ask about, with links.")),
        guildOnly(
            Commands.slash(ARTICLE, "One article: headline, outlet, date, link and opening lines.")
                .addOptions(
                    new OptionData(
                            OptionType.STRING,
                            TITLE,
                            "Words of the headline or outlet; pick a suggestion.",
                            true,
                            true)
                        .setMaxLength(200))),
        guildOnly(Commands.slash(HELP, "What Reading Room does and how to ask it.")),
        guildOnly(
            Commands.slash(
                    COMPARE,
                    "The best quote from each outlet that answers a question, side by side.")
                .addOptions(
                    new OptionData(
                            OptionType.STRING,
                            QUESTION,
                            "Your question, e.g. why did russia invite the taliban to moscow?",
                            true)
                        .setMaxLength(QuestionText.MAX_CHARS),
                    privateOption())),
        guildOnly(
            Commands.slash(TIMELINE, "Quotes on a topic across the reading list, in date order.")
                .addOptions(
                    new OptionData(
                            OptionType.STRING,
                            TOPIC,
                            "The topic, e.g. taliban terrorist designation",
                            true)
                        .setMaxLength(QuestionText.MAX_CHARS),
                    privateOption())),
        guildOnly(
            Commands.slash(
                    CITE, "Citations of your last answer's articles (in a thread: its answer).")
                .addOptions(
                    new OptionData(OptionType.STRING, STYLE, "Citation style (default: all three).")
                        .addChoice("APA", "apa")
                        .addChoice("MLA", "mla")
                        .addChoice("Chicago", "chicago"),
                    privateOption())),
        guildOnly(
            Commands.slash(
                    DISCUSS,
                    "A passage from the reading list with an open question, for the class.")
                .addOptions(
                    new OptionData(
                            OptionType.STRING,
                            TOPIC,
                            "Words to match the passage to (optional)",
                            false)
                        .setMaxLength(200))),
        guildOnly(
            Commands.slash(
                    REPORT,
                    "What this channel asked, what went unanswered, the most cited articles"
                        + " (Manage Channels).")
                .addOptions(
                    new OptionData(
                            OptionType.STRING,
                            PERIOD,
                            "7d (default), 30d, since 2026-11-01, or 2026-11-01..2026-11-30",
                            false)
                        .setMaxLength(40))),
        guildOnly(
            Commands.slash(SETTINGS, "This channel's reading list and how answers are shown.")
                .addSubcommands(
                    new SubcommandData(SHOW, "Show this channel's settings."),
                    new SubcommandData(
                            SCOPE, "Set the reading list (needs the Manage Channels permission).")
                        .addOptions(
                            new OptionData(
                                    OptionType.STRING,
                                    LIST,
                                    "all | articles <ids> | tags <tags> | dates <from>..<to>",
                                    true)
                                .setMaxLength(1000)),
                    new SubcommandData(
                            VISIBILITY,
                            "Show answers to the channel or only to the asker (Manage Channels).")
                        .addOptions(
                            new OptionData(
                                    OptionType.STRING, ANSWERS, "Who sees the answers.", true)
                                .addChoice("public: the whole channel", "public")
                                .addChoice("private: only the person who asked", "private")),
                    new SubcommandData(
                            QUOTES, "Set how many quotes an answer shows (Manage Channels).")
                        .addOptions(
                            new OptionData(
                                    OptionType.INTEGER, COUNT, "Quotes per answer, 1 to 3.", true)
                                .setRequiredRange(1, Question.MAX_QUOTES)))),
        guildOnly(
            Commands.slash(
                    DIGEST, "A daily post of new articles, a passage to discuss and top questions.")
                .addSubcommands(
                    new SubcommandData(
                            SUBSCRIBE, "Post a digest here every day (needs Manage Channels).")
                        .addOptions(
                            new OptionData(
                                    OptionType.STRING, TIME, "Local time, HH:MM, e.g. 08:00", true)
                                .setMaxLength(5),
                            new OptionData(
                                    OptionType.STRING,
                                    TIMEZONE,
                                    "Time zone, e.g. Europe/Berlin or America/New_York",
                                    true)
                                .setMaxLength(64),
                            new OptionData(
                                    OptionType.STRING,
                                    TOPIC,
                                    "Words to match the passage for discussion to (optional)",
                                    false)
                                .setMaxLength(200)),
                    new SubcommandData(
                        UNSUBSCRIBE, "Stop the daily digest here (needs Manage Channels)."),
                    new SubcommandData(STATUS, "This channel's digest and when the next comes."),
                    new SubcommandData(
                        PREVIEW, "See the next digest, privately; nothing is used up."))),
        add());
  }

  /** {@code /add url:} or {@code /add file:}, for channel managers. */
  private static SlashCommandData add() {
    return guildOnly(
        Commands.slash(
                ADD, "Add an article to this channel's reading list (needs Manage Channels).")
            .addOptions(
                new OptionData(
                        OptionType.STRING,
                        URL,
                        "The article's web address (a page or a PDF).",
                        false)
                    .setMaxLength(2000),
                new OptionData(
                    OptionType.ATTACHMENT,
                    FILE,
                    "Or the article as a file: HTML, PDF, Markdown or text.",
                    false)));
  }

  private static OptionData privateOption() {
    return new OptionData(
        OptionType.BOOLEAN,
        PRIVATE,
        "Only you see the reply (default: as the channel shows answers).",
        false);
  }

  /** Servers only: the reading list belongs to a server's channels. */
  private static SlashCommandData guildOnly(SlashCommandData command) {
    command.setContexts(InteractionContextType.GUILD);
    return command;
  }
}
