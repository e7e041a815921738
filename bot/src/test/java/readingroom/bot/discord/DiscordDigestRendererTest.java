package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;
import readingroom.bot.model.Reply.DigestReply;
import readingroom.bot.model.Reply.DigestReply.AskedQuestion;
import readingroom.bot.model.Reply.DigestReply.Discussion;
import readingroom.bot.model.Reply.DigestReply.NewArticle;
import readingroom.index.QuestionText;
import readingroom.index.Result;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;
import readingroom.index.model.Span;

/**
 * Digests rendered as embeds on made-up digests far longer than the five-article corpus gives, so
 * every part meets Discord's limits at once: a message Discord refuses is a digest nobody gets.
 */
class DiscordDigestRendererTest {

  private final DiscordRenderer renderer = new DiscordRenderer();

  @Test
  void aVeryLongDigestStaysWithinDiscordsEmbedLimits() {
    List<NewArticle> added =
        IntStream.range(0, 5)
            .mapToObj(i -> new NewArticle(source("new" + i), quote(source("new" + i))))
            .toList();
    Discussion discussion =
        new Discussion(
            quote(source("discuss")),
            "Which word or phrase here would you question first, and why?",
            "topic words ".repeat(16).strip());
    List<AskedQuestion> asked =
        IntStream.range(0, 3)
            .mapToObj(i ->
                new AskedQuestion(
                    ("why did the long question number " + i + " come up so often ")
                        .repeat(30)
                        .substring(0, QuestionText.MAX_CHARS),
                    7,
                    quote(source("asked" + i))))
            .toList();
    DigestReply digest =
        new DigestReply(
            "Reading Room digest · Monday, January 12", added, 40, discussion, asked, false);

    DiscordMessage message = renderer.render(digest);

    assertWithinLimits(message);
    assertThat(message.embeds()).as("5 new + 1 discussion + 3 asked").hasSize(9);
  }

  @Test
  void moreQuotedPartsThanDiscordAllowsEmbedsAreCutToTen() {
    List<NewArticle> added =
        IntStream.range(0, 14)
            .mapToObj(i -> new NewArticle(source("new" + i), quote(source("new" + i))))
            .toList();
    DigestReply digest = new DigestReply("Digest", added, 0, null, List.of(), true);

    DiscordMessage message = renderer.render(digest);

    assertWithinLimits(message);
    assertThat(message.embeds()).hasSize(DiscordLimits.EMBEDS);
  }

  @Test
  void aShortDigestKeepsItsQuotesWholeAndLinked() {
    Source source = source("short");
    Result quote =
        new Result(
            source,
            "Moscow hosted the talks.",
            List.of(new Span(0, 6)),
            source.url() + "#:~:text=Moscow%20hosted",
            1.0,
            0,
            24);
    DigestReply digest =
        new DigestReply(
            "Digest",
            List.of(),
            0,
            new Discussion(quote, "What do you make of this passage?", null),
            List.of(),
            false);

    MessageEmbed embed = renderer.render(digest).embeds().get(0);

    assertThat(embed.getDescription())
        .isEqualTo("> **Moscow** hosted the talks.\n\nWhat do you make of this passage?");
    assertThat(embed.getUrl()).isEqualTo(source.url() + "#:~:text=Moscow%20hosted");
  }

  private static void assertWithinLimits(DiscordMessage message) {
    assertThat(message.content()).hasSizeLessThanOrEqualTo(DiscordLimits.CONTENT);
    assertThat(message.embeds()).hasSizeLessThanOrEqualTo(DiscordLimits.EMBEDS);
    for (MessageEmbed embed : message.embeds()) {
      assertThat(embed.getTitle()).hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_TITLE);
      assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_DESCRIPTION);
      assertThat(embed.getFooter().getText()).hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_FOOTER);
      assertThat(embed.getDescription()).as("each embed still shows a quote").startsWith("> ");
    }
    List<Integer> lengths = new ArrayList<>();
    message.embeds().forEach(e -> lengths.add(e.getLength()));
    assertThat(lengths.stream().mapToInt(Integer::intValue).sum())
        .as("all embeds together, each: %s", lengths)
        .isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
    // JDA checks Discord's limits when building the request: this must not throw.
    assertThat(message.toCreateData().getEmbeds()).hasSameSizeAs(message.embeds());
  }

  /** An article whose headline, outlet and author are each longer than any limit. */
  private static Source source(String id) {
    return new Source(
        id,
        ("A very long headline about " + id + " and the talks in Moscow ").repeat(12),
        null,
        "The Outlet With A Name Longer Than Any Footer Should Hold ".repeat(8),
        null,
        "Ann Author ".repeat(40),
        PublishedDate.parse("2018-07"),
        "https://example.org/" + id,
        List.of());
  }

  /** A passage far over the description limit, highlighted throughout. */
  private static Result quote(Source source) {
    StringBuilder text = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    while (text.length() < 12_000) {
      spans.add(new Span(text.length(), text.length() + 6));
      text.append("Russia and *the* Taliban met in Moscow again. ");
    }
    return new Result(
        source,
        text.toString(),
        spans,
        source.url() + "#:~:text=Russia%20and",
        1.0,
        0,
        text.length());
  }
}
