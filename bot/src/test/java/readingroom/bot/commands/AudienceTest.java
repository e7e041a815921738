package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import readingroom.bot.commands.TextCommand.Kind;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Visibility;
import readingroom.index.Answer;

class AudienceTest {

  @Test
  void answersFollowTheChannelUnlessTheAskerAsksPrivately() {
    assertThat(Audience.of(Kind.ASK, false, Visibility.PUBLIC)).isEqualTo(Visibility.PUBLIC);
    assertThat(Audience.of(Kind.ASK, false, Visibility.PRIVATE)).isEqualTo(Visibility.PRIVATE);
    assertThat(Audience.of(Kind.ASK, true, Visibility.PUBLIC)).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void settingsDigestAndHelpAreAlwaysForTheAskerListsAndArticlesForTheChannel() {
    for (Kind kind : List.of(Kind.SETTINGS, Kind.DIGEST, Kind.HELP)) {
      assertThat(Audience.of(kind, false, Visibility.PUBLIC))
          .as(kind.name())
          .isEqualTo(Visibility.PRIVATE);
    }
    for (Kind kind : List.of(Kind.SOURCES, Kind.ARTICLE)) {
      assertThat(Audience.of(kind, false, Visibility.PRIVATE))
          .as(kind.name())
          .isEqualTo(Visibility.PUBLIC);
      assertThat(Audience.of(kind, true, Visibility.PUBLIC))
          .as(kind.name())
          .isEqualTo(Visibility.PRIVATE);
    }
  }

  @Test
  void noticesAndEmptyAnswersConcernOnlyTheAskerQuotesDoNot() {
    Answer none = new Answer("q", false, List.of(), 1);
    assertThat(Audience.concernsOnlyTheAsker(new Reply.AnswerReply(none, 0, false))).isTrue();
    assertThat(
            Audience.concernsOnlyTheAsker(new Reply.NoticeReply(Reply.NoticeReply.Kind.ERROR, "x")))
        .isTrue();
    assertThat(Audience.concernsOnlyTheAsker(new Reply.HelpReply(List.of("x")))).isTrue();
  }
}
