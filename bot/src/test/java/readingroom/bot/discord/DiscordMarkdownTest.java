package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordMarkdownTest {

  @Test
  void emphasisCodeSpoilersAndLinksAreEscapedAnywhere() {
    assertThat(DiscordMarkdown.escape("a *b* _c_ ~~d~~ `e` ||f|| [g](h) \\"))
        .isEqualTo("a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\` \\|\\|f\\|\\| \\[g\\](h) \\\\");
  }

  @Test
  void headingsQuotesAndListsAreEscapedOnlyAtALineStart() {
    assertThat(DiscordMarkdown.escape("# Title\n> quote\n- item\n12. item\n  + item"))
        .isEqualTo("\\# Title\n\\> quote\n\\- item\n12\\. item\n  \\+ item");
    assertThat(DiscordMarkdown.escape("well-known, 3 > 2, C# and 1.5 million"))
        .isEqualTo("well-known, 3 > 2, C# and 1.5 million");
  }

  @Test
  void escapingAlsoMakesMentionsInert() {
    assertThat(DiscordMarkdown.escape("@everyone_now")).isEqualTo("@\u200Beveryone\\_now");
  }

  @Test
  void truncationEndsWithAnEllipsisAndNeverWithALoneEscape() {
    String escaped = DiscordMarkdown.escape("abcd*efgh");
    assertThat(escaped).isEqualTo("abcd\\*efgh");
    // A cut at 6 would end in "abcd\": the backslash goes too.
    assertThat(DiscordMarkdown.truncate(escaped, 6)).isEqualTo("abcd…");
    assertThat(DiscordMarkdown.truncate(escaped, 7)).isEqualTo("abcd\\*…");
    assertThat(DiscordMarkdown.truncate(escaped, 100)).isSameAs(escaped);
  }
}
