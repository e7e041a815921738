package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;
import readingroom.bot.model.Reply;
import readingroom.index.Answer;
import readingroom.index.Result;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;
import readingroom.index.model.Span;

/**
 * Rendering on made-up replies, to reach Discord's limits that the five-article corpus never does.
 */
class DiscordRendererTest {

  private final DiscordRenderer renderer = new DiscordRenderer();

  @Test
  void aQuoteIsABlockQuoteWithQueryTermsInBoldAndTheArticlesMarkdownEscaped() {
    String quote = "Kabulov said *nothing* about_it to Moscow.";
    int moscow = quote.indexOf("Moscow");
    Result result = result(source("a", "A *bold* headline"), quote, new Span(moscow, moscow + 6));

    MessageEmbed embed = renderer.render(answer(true, 0, result)).embeds().get(0);

    assertThat(embed.getDescription())
        .isEqualTo("> Kabulov said \\*nothing\\* about\\_it to **Moscow**.");
    assertThat(embed.getTitle()).isEqualTo("A \\*bold\\* headline");
    assertThat(embed.getUrl()).isEqualTo(result.link());
    assertThat(embed.getFooter().getText()).isEqualTo("The Outlet · Ann Author · July 2018");
  }

  @Test
  void mentionsInsideArticleTextAndHeadlinesPingNoOne() {
    String quote = "He wrote @everyone and <@&42> in the memo.";
    int everyone = quote.indexOf("everyone");
    Result result =
        result(
            source("a", "@here: news"), quote, new Span(everyone, everyone + "everyone".length()));

    DiscordMessage message = renderer.render(answer(true, 0, result));

    Pattern ping = Pattern.compile("@(everyone|here)|<@[!&]?\\d+>");
    String data = message.toCreateData().toData().toString();
    assertThat(data).doesNotContainPattern(ping);
    assertThat(message.toCreateData().getAllowedMentions()).isEmpty();
  }

  @Test
  void aHugeQuoteIsCutInsideTheDescriptionLimitWithBoldPairsIntact() {
    StringBuilder text = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    while (text.length() < 12_000) {
      spans.add(new Span(text.length(), text.length() + 6));
      text.append("Russia and *the* Taliban met again. ");
    }
    Result result = result(source("a", "Long"), text.toString(), spans.toArray(Span[]::new));

    MessageEmbed embed = renderer.render(answer(true, 0, result)).embeds().get(0);

    String description = embed.getDescription();
    assertThat(description).hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_DESCRIPTION).endsWith("…");
    assertThat(description.replace("\\*", "").split("\\*\\*", -1).length % 2)
        .as("an even number of ** markers")
        .isEqualTo(1);
  }

  @Test
  void manyLongQuotesStayWithinTenEmbedsAndSixThousandCharacters() {
    String longTitle = "Headline ".repeat(60);
    Result[] results =
        IntStream.range(0, 14)
            .mapToObj(i -> result(source("a" + i, longTitle), "Quote text. ".repeat(500)))
            .toArray(Result[]::new);

    DiscordMessage message = renderer.render(answer(true, 0, results));

    assertThat(message.embeds()).hasSize(DiscordLimits.EMBEDS);
    assertThat(message.embeds().stream().mapToInt(MessageEmbed::getLength).sum())
        .isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
    assertThat(message.embeds())
        .allSatisfy(
            e -> assertThat(e.getTitle()).hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_TITLE));
    // JDA checks Discord's limits when building: this must not throw.
    assertThat(message.toEditData().getEmbeds()).hasSize(DiscordLimits.EMBEDS);
  }

  @Test
  void anUnansweredQuestionIsAPlainMessageWithTheClosestArticlesAsLinks() {
    Source first = source("a", "First (article)");
    Source second = source("b", "Second");
    DiscordMessage message =
        renderer.render(
            answer(
                false, 0, result(first, "One."), result(first, "Two."), result(second, "Three.")));

    assertThat(message.content()).contains("does not seem to answer this");
    assertThat(message.embeds()).hasSize(1);
    assertThat(message.embeds().get(0).getDescription())
        .isEqualTo(
            "• [First (article)](https://example.org/a) · The Outlet · July 2018\n"
                + "• [Second](https://example.org/b) · The Outlet · July 2018");
  }

  @Test
  void aUrlWithParenthesesStaysOneMaskedLink() {
    Source source =
        new Source(
            "w",
            "Wiki",
            null,
            "Wikipedia",
            null,
            null,
            null,
            "https://en.wikipedia.org/wiki/Doha_Agreement_(2020)",
            List.of());
    assertThat(DiscordRenderer.sourceLines(List.of(source)))
        .containsExactly(
            "• [Wiki](https://en.wikipedia.org/wiki/Doha_Agreement_%282020%29) · Wikipedia");
  }

  @Test
  void sourcesArePagedTenArticlesToAPage() {
    List<Source> sources =
        IntStream.range(0, 27).mapToObj(i -> source("s" + i, "Article " + i)).toList();
    Reply.SourcesReply reply = new Reply.SourcesReply(sources);

    assertThat(renderer.sourcePages(reply)).isEqualTo(3);
    MessageEmbed last = renderer.sources(reply, 2).embeds().get(0);
    assertThat(last.getDescription().lines()).hasSize(7);
    assertThat(last.getFooter().getText()).isEqualTo("Page 3 of 3");
    assertThat(last.getTitle()).isEqualTo("Reading list: 27 articles");
    assertThat(ReplyButtons.forSources(2, 3).get(0).getButtons())
        .extracting(b -> b.getLabel() + (b.isDisabled() ? " (off)" : ""))
        .containsExactly("Previous", "Next (off)");
  }

  @Test
  void answerButtonsFollowTheReply() {
    Result result = result(source("a", "A"), "Quote.");
    Reply.AnswerReply withMore =
        new Reply.AnswerReply(new Answer("q", true, List.of(result), 1), 0, true);
    Reply.AnswerReply last =
        new Reply.AnswerReply(new Answer("q", true, List.of(result), 1), 3, false);
    Reply.AnswerReply empty = new Reply.AnswerReply(new Answer("q", true, List.of(), 1), 3, false);

    assertThat(labels(ReplyButtons.forAnswer("1", withMore, false)))
        .containsExactly("More", "Cite", "Helpful", "Not helpful");
    assertThat(labels(ReplyButtons.forAnswer("1", last, true)))
        .containsExactly("Cite", "Helpful", "Not helpful", "Share to channel");
    assertThat(ReplyButtons.forAnswer("1", empty, true)).isEmpty();
    assertThat(renderer.render(empty).content()).endsWith("No more quotes for this question.");
  }

  private static List<String> labels(
      List<net.dv8tion.jda.api.components.actionrow.ActionRow> rows) {
    return rows.stream().flatMap(r -> r.getButtons().stream()).map(b -> b.getLabel()).toList();
  }

  private static Reply.AnswerReply answer(boolean answered, int skip, Result... results) {
    return new Reply.AnswerReply(
        new Answer("the question", answered, List.of(results), 5), skip, false);
  }

  private static Source source(String id, String title) {
    return new Source(
        id,
        title,
        null,
        "The Outlet",
        null,
        "Ann Author",
        PublishedDate.parse("2018-07"),
        "https://example.org/" + id,
        List.of());
  }

  private static Result result(Source source, String quote, Span... highlights) {
    return new Result(
        source, quote, List.of(highlights), source.url() + "#:~:text=x", 1.0, 0, quote.length());
  }
}
