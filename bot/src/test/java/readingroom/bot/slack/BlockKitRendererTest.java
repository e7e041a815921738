package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import readingroom.bot.model.Reply;
import readingroom.index.Answer;
import readingroom.index.Result;
import readingroom.index.model.PublishedDate;
import readingroom.index.model.Source;
import readingroom.index.model.Span;

class BlockKitRendererTest {

  private final BlockKitRenderer renderer = new BlockKitRenderer();

  @Test
  void aLongReadingListStaysWithinFiftyBlocksAndSaysHowManyAreLeftOut() throws Exception {
    List<Source> sources =
        IntStream.range(0, 2000)
            .mapToObj(
                i -> source("a" + i, "A rather long headline number " + i + " & more".repeat(4)))
            .toList();

    JsonNode blocks = json(renderer.render(new Reply.SourcesReply(sources)));

    assertThat(blocks.size()).isLessThanOrEqualTo(BlockKitRenderer.MAX_BLOCKS);
    assertThat(SlackText.texts(blocks)).allMatch(t -> t.length() <= Mrkdwn.MAX_SECTION_CHARS);
    int listed = SlackText.links(blocks).size();
    String last = SlackText.texts(blocks).get(SlackText.texts(blocks).size() - 1);
    assertThat(last).contains("…and " + (2000 - listed) + " more");
    assertThat(listed).isGreaterThan(100);
  }

  @Test
  void aQuoteTooLongForOneSectionIsCutAtAWordAndStaysVerbatimUpToTheCut() throws Exception {
    String quote = "Bread & salt <for> all. ".repeat(400); // escaping makes it longer still
    Result result = result(source("a", "Title"), quote.strip(), List.of(new Span(0, 5)));

    JsonNode blocks = json(renderer.render(answer(true, List.of(result), false)));

    String section = SlackText.texts(blocks).get(0);
    assertThat(section.length()).isLessThanOrEqualTo(Mrkdwn.MAX_SECTION_CHARS);
    String shown = SlackText.quotes(blocks).get(0);
    assertThat(shown).endsWith(" …");
    assertThat(quote).startsWith(SlackText.withoutEllipses(shown));
    assertThat(section).startsWith(">*Bread* &amp; salt &lt;for&gt; all.");
  }

  @Test
  void whenTheReadingListDoesNotAnswerItSaysSoAndNamesEachClosestArticleOnce() throws Exception {
    Source one = source("one", "First");
    Source two = source("two", "Second");
    Reply reply =
        answer(
            false,
            List.of(
                result(one, "alpha", List.of()),
                result(two, "beta", List.of()),
                result(one, "gamma", List.of())),
            true);

    JsonNode blocks = json(renderer.render(reply));

    assertThat(SlackText.texts(blocks).get(0)).contains("does not seem to answer");
    assertThat(SlackText.links(blocks)).containsExactly(one.url(), two.url());
    assertThat(SlackText.quotes(blocks)).isEmpty();
    assertThat(blocks.findValues("action_id")).isEmpty();
  }

  @Test
  void moreIsOfferedOnlyWhenThereAreMoreQuotes() throws Exception {
    Result result = result(source("a", "Title"), "A quote.", List.of());

    JsonNode withMore = json(renderer.render(answer(true, List.of(result), true)));
    JsonNode without = json(renderer.render(answer(true, List.of(result), false)));

    assertThat(withMore.findValuesAsText("action_id"))
        .containsExactly(Buttons.MORE, Buttons.CITE, Buttons.HELPFUL, Buttons.NOT_HELPFUL);
    assertThat(without.findValuesAsText("action_id"))
        .containsExactly(Buttons.CITE, Buttons.HELPFUL, Buttons.NOT_HELPFUL);
  }

  @Test
  void buttonValuesCarryTheQuestionWithoutControlSequences() throws Exception {
    Answer answer =
        new Answer(
            "<!channel> @here why <@U0123> now?",
            true,
            List.of(result(source("a", "T"), "A quote.", List.of())),
            1);

    JsonNode blocks = json(renderer.render(new Reply.AnswerReply(answer, 0, true)));

    assertThat(blocks.findValuesAsText("value"))
        .containsExactly("1:why now?", "0:why now?", "why now?", "why now?");
  }

  @Test
  void emptyAnswersAreShortNotices() {
    Answer none = new Answer("q", false, List.of(), 1);

    assertThat(renderer.render(new Reply.AnswerReply(none, 0, false)).text())
        .isEqualTo("Nothing in the reading list matches this question.");
    assertThat(renderer.render(new Reply.AnswerReply(none, 3, false)).text())
        .isEqualTo("No more quotes for this question.");
  }

  @Test
  void everyMrkdwnTextIsVerbatimSoSlackParsesNoMentions() throws Exception {
    List<Reply> replies =
        List.of(
            answer(true, List.of(result(source("a", "T"), "q", List.of())), true),
            new Reply.SourcesReply(List.of(source("a", "T"))),
            new Reply.ArticleReply(
                source("a", "T"), List.of(result(source("a", "T"), "q", List.of()))),
            new Reply.ArticleChoicesReply("w", List.of(source("a", "T"), source("b", "U"))),
            new Reply.HelpReply(List.of("line")),
            new Reply.NoticeReply(Reply.NoticeReply.Kind.ERROR, "oops"));

    List<JsonNode> texts = new ArrayList<>();
    for (Reply reply : replies) {
      JsonNode blocks = json(renderer.render(reply));
      blocks.findParents("type").stream()
          .filter(node -> node.get("type").asText().equals("mrkdwn"))
          .forEach(texts::add);
    }

    assertThat(texts).hasSizeGreaterThan(replies.size());
    assertThat(texts).allMatch(node -> node.path("verbatim").asBoolean());
  }

  @Test
  void listsHelpAndNoticesAreForTheAskerAnswersAndArticlesForTheChannel() {
    Source source = source("a", "T");
    Result result = result(source, "q", List.of());

    assertThat(renderer.render(answer(true, List.of(result), false)).privateByNature()).isFalse();
    assertThat(renderer.render(new Reply.ArticleReply(source, List.of())).privateByNature())
        .isFalse();
    assertThat(renderer.render(new Reply.SourcesReply(List.of(source))).privateByNature()).isTrue();
    assertThat(renderer.render(new Reply.HelpReply(List.of("x"))).privateByNature()).isTrue();
    assertThat(
            renderer
                .render(new Reply.NoticeReply(Reply.NoticeReply.Kind.NOT_FOUND, "x"))
                .privateByNature())
        .isTrue();
  }

  @Test
  void commandsTheCoreNamesShortAreSpelledAsSlackKnowsThem() throws Exception {
    SlackMessage refusal =
        renderer.render(
            new Reply.NoticeReply(
                Reply.NoticeReply.Kind.FORBIDDEN,
                "Only admins can change this. Anyone can view them with /settings."));
    assertThat(refusal.text()).endsWith("Anyone can view them with /readingroom settings.");
    SlackMessage help =
        renderer.render(
            new Reply.HelpReply(List.of("/ask a question", "/digest status, /digest preview")));
    assertThat(SlackText.texts(json(help)).get(0))
        .contains("/ask a question", "/readingroom digest status, /readingroom digest preview")
        .doesNotContain("/readingroom ask");
  }

  private static JsonNode json(SlackMessage message) throws Exception {
    return new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(message.blocks()));
  }

  private static Reply.AnswerReply answer(boolean answered, List<Result> results, boolean more) {
    return new Reply.AnswerReply(new Answer("why?", answered, results, 1), 0, more);
  }

  private static Source source(String id, String title) {
    return new Source(
        id,
        title,
        null,
        "The Outlet",
        null,
        "An Author",
        PublishedDate.parse("2018-07"),
        "https://example.org/" + id,
        List.of());
  }

  private static Result result(Source source, String quote, List<Span> highlights) {
    return new Result(
        source,
        quote,
        highlights,
        source.url() + "#:~:text=" + quote.length(),
        1.0,
        0,
        quote.length());
  }
}
