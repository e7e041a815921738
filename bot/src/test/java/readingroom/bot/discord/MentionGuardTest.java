package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionGuardTest {

  @Test
  void everyMentionFormIsBrokenAfterItsAtSign() {
    assertThat(MentionGuard.neutralise("hi @everyone and @here"))
        .isEqualTo("hi @\u200Beveryone and @\u200Bhere");
    assertThat(MentionGuard.neutralise("<@123> <@!456> <@&789>"))
        .isEqualTo("<@\u200B123> <@\u200B!456> <@\u200B&789>");
  }

  @Test
  void mentionsAreFoundWhateverTheirCase() {
    assertThat(MentionGuard.neutralise("@Everyone @HERE")).isEqualTo("@\u200BEveryone @\u200BHERE");
  }

  @Test
  void textThatIsNoMentionIsLeftAlone() {
    String text = "write to press@example.org, see <#123> or <@name> and @everyonehood";
    // "@everyonehood" still starts with @everyone, which Discord would ping: it is broken too.
    assertThat(MentionGuard.neutralise(text))
        .isEqualTo("write to press@example.org, see <#123> or <@name> and @\u200Beveryonehood");
  }

  @Test
  void neutralisingTwiceChangesNothingMore() {
    String once = MentionGuard.neutralise("@everyone <@1>");
    assertThat(MentionGuard.neutralise(once)).isEqualTo(once);
  }
}
