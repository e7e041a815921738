package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import readingroom.bot.commands.TextCommand.Kind;

class TextCommandTest {

  @Test
  void aMentionIsAQuestionWithoutTheBotsName() {
    assertThat(TextCommand.parse("<@UBOT> why did russia invite the taliban?"))
        .isEqualTo(new TextCommand(Kind.ASK, "why did russia invite the taliban?", false));
  }

  @Test
  void keywordsAloneSelectCommands() {
    assertThat(TextCommand.parse("help").kind()).isEqualTo(Kind.HELP);
    assertThat(TextCommand.parse("<@UBOT> Sources?").kind()).isEqualTo(Kind.SOURCES);
    assertThat(TextCommand.parse("").kind()).isEqualTo(Kind.HELP);
    assertThat(TextCommand.parse("article moscow times"))
        .isEqualTo(new TextCommand(Kind.ARTICLE, "moscow times", false));
    assertThat(TextCommand.parse("ask why now?"))
        .isEqualTo(new TextCommand(Kind.ASK, "why now?", false));
  }

  @Test
  void aSentenceStartingWithAKeywordIsStillAQuestion() {
    assertThat(TextCommand.parse("help me understand the moscow format"))
        .isEqualTo(new TextCommand(Kind.ASK, "help me understand the moscow format", false));
    assertThat(TextCommand.parse("sources say russia armed the taliban").kind())
        .isEqualTo(Kind.ASK);
  }

  @Test
  void leadingPrivateAsksForAReplyOnlyTheAskerSees() {
    assertThat(TextCommand.parse("<@UBOT> private why now?"))
        .isEqualTo(new TextCommand(Kind.ASK, "why now?", true));
    assertThat(TextCommand.question("Private why now?"))
        .isEqualTo(new TextCommand(Kind.ASK, "why now?", true));
    assertThat(TextCommand.question("privateers in the gulf?"))
        .isEqualTo(new TextCommand(Kind.ASK, "privateers in the gulf?", false));
  }

  @Test
  void askTakesEveryWordAsTheQuestion() {
    assertThat(TextCommand.question("help")).isEqualTo(new TextCommand(Kind.ASK, "help", false));
  }

  @Test
  void aConsoleLineWithASlashParsesAsTheSameCommand() {
    assertThat(TextCommand.parse("/sources").kind()).isEqualTo(Kind.SOURCES);
    assertThat(TextCommand.parse("/article moscow times"))
        .isEqualTo(new TextCommand(Kind.ARTICLE, "moscow times", false));
    assertThat(TextCommand.parse("/settings scope all"))
        .isEqualTo(new TextCommand(Kind.SETTINGS, "scope all", true));
    assertThat(TextCommand.parse("/nonsense here").kind()).isEqualTo(Kind.HELP);
    assertThat(TextCommand.parse("<@!123456> sources").kind())
        .as("a Discord mention")
        .isEqualTo(Kind.SOURCES);
  }

  @Test
  void theClassroomCommandsParseAndSentencesStartingWithTheirWordsStayQuestions() {
    assertThat(TextCommand.parse("compare why did russia invite the taliban?"))
        .isEqualTo(new TextCommand(Kind.COMPARE, "why did russia invite the taliban?", false));
    assertThat(TextCommand.parse("private timeline the moscow format"))
        .isEqualTo(new TextCommand(Kind.TIMELINE, "the moscow format", true));
    assertThat(TextCommand.parse("cite")).isEqualTo(new TextCommand(Kind.CITE, "", false));
    assertThat(TextCommand.parse("cite MLA")).isEqualTo(new TextCommand(Kind.CITE, "MLA", false));
    assertThat(TextCommand.parse("cite the sources of the sanctions").kind()).isEqualTo(Kind.ASK);
    assertThat(TextCommand.parse("/discuss sanctions"))
        .isEqualTo(new TextCommand(Kind.DISCUSS, "sanctions", false));
    assertThat(TextCommand.parse("discuss how russia sees the taliban").kind()).isEqualTo(Kind.ASK);
    assertThat(TextCommand.parse("report 30d"))
        .isEqualTo(new TextCommand(Kind.REPORT, "30d", true));
  }
}
