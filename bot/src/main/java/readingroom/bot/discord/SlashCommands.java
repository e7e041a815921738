package readingroom.bot.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
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
        guildOnly(Commands.slash(HELP, "What Reading Room does and how to ask it.")));
  }

  /** Servers only: the reading list belongs to a server's channels. */
  private static SlashCommandData guildOnly(SlashCommandData command) {
    command.setContexts(InteractionContextType.GUILD);
    return command;
  }
}
