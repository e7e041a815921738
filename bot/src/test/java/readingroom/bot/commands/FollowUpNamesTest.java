package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import readingroom.index.model.Source;

/** When a follow-up names an article of the reading list: by its outlet, or its headline. */
class FollowUpNamesTest {

  private static Source from(String outlet, String title) {
    return new Source("id", title, null, outlet, null, null, null, null, List.of());
  }

  @Test
  void aSeveralWordOutletIsNamedWithOrWithoutItsThe() {
    Source moscowTimes =
        from("The Moscow Times", "Why Russia Doesn't Think the Taliban Are Terrorists");
    assertThat(FollowUpCommand.names("what does the moscow times say about it", moscowTimes))
        .isTrue();
    assertThat(FollowUpCommand.names("and moscow times", moscowTimes)).isTrue();
    assertThat(FollowUpCommand.names("what do the times of moscow say", moscowTimes)).isFalse();
  }

  @Test
  void aOneWordOutletAfterTheIsNamedOnlyWithItsThe() {
    Source diplomat = from("The Diplomat", "Can Russia Help Bring Peace to Afghanistan?");
    assertThat(FollowUpCommand.names("what does the diplomat say", diplomat)).isTrue();
    assertThat(FollowUpCommand.names("which russian diplomat said that", diplomat)).isFalse();
  }

  @Test
  void anOutletWithoutTheIsNamedByItsWord() {
    assertThat(FollowUpCommand.names("what does stratfor think", from("Stratfor", "A Long War")))
        .isTrue();
  }

  @Test
  void mostOfTheHeadlinesLongerWordsNameTheArticle() {
    Source article = from("The Diplomat", "Can Russia Help Bring Peace to Afghanistan?");
    assertThat(FollowUpCommand.names("can russia bring peace to afghanistan", article)).isTrue();
    assertThat(FollowUpCommand.names("what about afghanistan", article)).isFalse();
  }
}
