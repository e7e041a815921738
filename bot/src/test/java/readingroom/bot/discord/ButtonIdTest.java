package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ButtonIdTest {

  @Test
  void everyActionSurvivesTheRoundTripWithinDiscordsLength() {
    for (ButtonId.Action action : ButtonId.Action.values()) {
      ButtonId id = new ButtonId(action, "1573901408950812688", 6);
      assertThat(id.encode()).hasSizeLessThanOrEqualTo(DiscordLimits.CUSTOM_ID);
      assertThat(ButtonId.parse(id.encode())).contains(id);
    }
  }

  @Test
  void foreignOrBrokenIdsAreNotReadingRooms() {
    assertThat(ButtonId.parse("other:more:1:2")).isEmpty();
    assertThat(ButtonId.parse("rr:dance:1:2")).isEmpty();
    assertThat(ButtonId.parse("rr:more:1:many")).isEmpty();
    assertThat(ButtonId.parse("rr:more:1")).isEmpty();
  }
}
