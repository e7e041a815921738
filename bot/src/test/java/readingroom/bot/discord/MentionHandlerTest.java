package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionHandlerTest {

  @Test
  void theQuestionIsTheMessageWithoutTheBotsMentionWhereverItIs() {
    assertThat(MentionHandler.withoutMention("<@42> who is  kabulov?", "42"))
        .isEqualTo("who is kabulov?");
    assertThat(MentionHandler.withoutMention("who is kabulov, <@!42>?", "42"))
        .isEqualTo("who is kabulov, ?");
    assertThat(MentionHandler.withoutMention("<@42> ask <@7> about it", "42"))
        .isEqualTo("ask <@7> about it");
  }

  @Test
  void aThreadIsNamedAfterTheQuestionShortAndInert() {
    assertThat(MentionHandler.threadName("  who is\nkabulov?  ")).isEqualTo("who is kabulov?");
    assertThat(MentionHandler.threadName("@everyone look")).isEqualTo("@\u200Beveryone look");
    assertThat(MentionHandler.threadName("")).isEqualTo("Reading Room");
    String name = MentionHandler.threadName("why ".repeat(100));
    assertThat(name).hasSizeLessThanOrEqualTo(DiscordLimits.THREAD_NAME).endsWith("…");
  }
}
