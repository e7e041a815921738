package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import readingroom.index.model.Span;

class MrkdwnTest {

  @Test
  void escapesTheThreeCharactersSlackReserves() {
    assertThat(Mrkdwn.escape("a & b < c > d")).isEqualTo("a &amp; b &lt; c &gt; d");
  }

  @Test
  void controlSequencesBecomeVisibleTextNotPings() {
    String escaped =
        Mrkdwn.escape("<!channel> <!here> <!everyone> <@U0123ABCD> <!subteam^S0123|@staff>");

    assertThat(escaped).doesNotContain("<").doesNotContain(">");
    assertThat(escaped).startsWith("&lt;!channel&gt; &lt;!here&gt;");
  }

  @Test
  void bareBroadcastWordsAreBrokenWithAnInvisibleJoiner() {
    assertThat(Mrkdwn.escape("cc @here and @Channel, not an@herebyname"))
        .isEqualTo("cc @\u2060here and @\u2060Channel, not an@herebyname");
  }

  @Test
  void linksEscapeTheirLabelAndKeepTheAddressIntact() {
    assertThat(Mrkdwn.link("https://example.org/a?x=1&y=2#:~:text=a%20b", "Tom & <Jerry> | Co"))
        .isEqualTo(
            "<https://example.org/a?x=1&amp;y=2#:~:text=a%20b|Tom &amp; &lt;Jerry&gt; ¦ Co>");
  }

  @Test
  void addressesThatAreNotHttpAreShownAsPlainLabels() {
    assertThat(Mrkdwn.link("javascript:alert(1)", "Title")).isEqualTo("Title");
    assertThat(Mrkdwn.link(null, "Title")).isEqualTo("Title");
  }

  @Test
  void highlightsOnWordBoundariesAreBoldOthersStayPlain() {
    String quote = "Russia's envoy met the Taliban in Moscow";
    // "Russia" (before 's), "Taliban" (a word), "osc" (inside Moscow: cannot be bold in Slack)
    List<Span> spans = List.of(new Span(0, 6), new Span(23, 30), new Span(35, 38));

    assertThat(Mrkdwn.bold(quote, spans)).isEqualTo("*Russia*'s envoy met the *Taliban* in Moscow");
  }

  @Test
  void boldEscapesTheTextAroundAndInsideHighlights() {
    assertThat(Mrkdwn.bold("a <b> & c", List.of(new Span(8, 9))))
        .isEqualTo("a &lt;b&gt; &amp; *c*");
  }

  @Test
  void blockQuoteMarksEveryLine() {
    assertThat(Mrkdwn.blockQuote("one\ntwo")).isEqualTo(">one\n>two");
  }

  @Test
  void shortenCutsAtAWordAndMarksTheCut() {
    assertThat(Mrkdwn.shorten("the quick brown fox jumps", 15)).isEqualTo("the quick …");
    assertThat(Mrkdwn.shorten("short", 15)).isEqualTo("short");
  }

  @Test
  void shortenNeverSplitsACharacter() {
    String text = "a".repeat(8) + "😀".repeat(10);

    String cut = Mrkdwn.shorten(text, 12);

    assertThat(cut.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isEmpty();
    assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(12);
  }
}
