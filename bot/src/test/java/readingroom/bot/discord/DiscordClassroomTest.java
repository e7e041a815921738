package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.discord.DiscordEndToEndTest.assertNoPings;
import static readingroom.bot.discord.DiscordEndToEndTest.buttonLabels;
import static readingroom.bot.discord.DiscordEndToEndTest.descriptions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.discord.LocalDiscord.Call;
import readingroom.bot.discord.LocalDiscord.Sent;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;

/**
 * {@code /compare}, {@code /timeline}, {@code /cite} and its button, {@code /discuss}, {@code
 * /report} and follow-ups in a thread, through the real JDA client against {@link LocalDiscord}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordClassroomTest {

  Engine engine;
  LocalDiscord discord;
  DiscordPlatform platform;

  @BeforeAll
  void start() throws Exception {
    engine = SharedEngine.get();
    discord = new LocalDiscord();
    platform =
        DiscordPlatform.create(
            DiscordTestSettings.of(discord),
            LocalDiscord.TOKEN,
            new ChatCommands(engine, 3),
            (origin, question, helpful) -> {});
    platform.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void compareIsDeferredThenShowsOneEmbedPerOutletWithItsLabel() throws Exception {
    Sent sent = discord.slash("compare", Map.of("question", "who is zamir kabulov?"));

    Call defer = discord.callbackOf(sent);
    Call edit = discord.editOf(sent);

    assertThat(defer.body().path("type").asInt()).isEqualTo(5);
    assertThat(discord.indexOf(defer)).isLessThan(discord.indexOf(edit));
    assertThat(edit.body().path("content").asText()).startsWith("**Compare:");
    JsonNode embeds = edit.body().path("embeds");
    assertThat(embeds.size()).isGreaterThanOrEqualTo(2);
    for (JsonNode embed : embeds) {
      String footer = embed.at("/footer/text").asText();
      String outlet = footer.split(" · ")[0];
      assertThat(embed.path("description").asText()).startsWith("**" + outlet);
      assertThat(embed.path("url").asText()).contains("#:~:text=");
    }
    assertNoPings(edit.body());
  }

  @Test
  void timelineShowsTheMonthOnlyDateAsTheMonth() throws Exception {
    Sent sent = discord.slash("timeline", Map.of("topic", "russia and the taliban"));

    List<String> labels =
        descriptions(discord.editOf(sent).body()).stream()
            .map(d -> d.substring(2, d.indexOf("**", 2)))
            .toList();

    assertThat(labels).isNotEmpty();
    assertThat(labels).allMatch(l -> l.matches("[A-Z][a-z]+ (\\d{1,2}, )?\\d{4}"));
    assertThat(labels).contains("July 2018");
  }

  @Test
  void theCiteButtonGivesTheClickerCitationsOfTheQuotesPrivately() throws Exception {
    Sent ask =
        discord.slash("ask", Map.of("question", "when did the crocus city hall attack happen?"));
    JsonNode answer = discord.editOf(ask).body();
    assertThat(buttonLabels(answer)).contains("Cite");
    String citeId = DiscordEndToEndTest.customId(answer, "Cite");

    Sent click = discord.click(citeId, discord.original(ask));
    Call defer = discord.callbackOf(click);
    Call citations = discord.editOf(click);

    assertThat(defer.body().at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    String description = citations.body().at("/embeds/0/description").asText();
    assertThat(description).startsWith("```").contains("APA").contains("MLA").contains("Chicago");
    String link = answer.at("/embeds/0/url").asText();
    assertThat(description).contains(link);
    assertNoPings(citations.body());
  }

  @Test
  void citeWithAStyleCitesTheAskersLastAnswer() throws Exception {
    discord.editOf(discord.slash("ask", Map.of("question", "what is the moscow format?")));

    Call edit = discord.editOf(discord.slash("cite", Map.of("style", "mla")));

    String description = edit.body().at("/embeds/0/description").asText();
    assertThat(edit.body().at("/embeds/0/title").asText()).isEqualTo("Citations (MLA)");
    assertThat(description).contains("“").contains("#:~:text=").doesNotContain("APA");
  }

  @Test
  void discussPostsAPassageWithAnOpenQuestionForTheChannel() throws Exception {
    Sent sent = discord.slash("discuss", Map.of());

    Call defer = discord.callbackOf(sent);
    Call edit = discord.editOf(sent);

    assertThat(defer.body().at("/data/flags").asInt() & 64).as("public").isZero();
    assertThat(edit.body().path("content").asText()).contains("For discussion");
    assertThat(edit.body().at("/embeds/0/description").asText()).contains("?");
    assertNoPings(edit.body());
  }

  @Test
  void reportIsRefusedToMembersWhoCannotManageTheChannel() throws Exception {
    Sent sent = discord.slash("report", Map.of());

    Call defer = discord.callbackOf(sent);
    Call edit = discord.editOf(sent);

    assertThat(defer.body().at("/data/flags").asInt() & 64).as("private").isEqualTo(64);
    assertThat(edit.body().path("content").asText()).contains("Only people who manage");
  }

  @Test
  void aMentionInTheAnswersThreadIsAFollowUpAnsweredInTheThread() throws Exception {
    String message =
        discord.post(
            discord.channelId,
            "<@" + discord.botId + "> who claimed responsibility for the crocus city hall attack?");
    discord.await(c -> c.path().endsWith("/messages/" + message + "/threads"));
    String thread = discord.threadOn(message);
    discord.await(
        c -> c.method().equals("POST") && c.path().equals("channels/" + thread + "/messages"));

    // Only what the thread receives after the follow-up: the first answer may mention 145 too.
    long followedUp = System.nanoTime();
    discord.postInThread(
        thread, discord.channelId, "<@" + discord.botId + "> how many people died?");

    Call followUp =
        discord.await(c ->
            c.nanos() > followedUp
                && c.method().equals("POST")
                && c.path().equals("channels/" + thread + "/messages"));
    assertThat(descriptions(followUp.body()).get(0)).contains("145 civilian deaths");
    assertNoPings(followUp.body());
  }
}
