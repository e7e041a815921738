package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.discord.LocalDiscord.Call;
import readingroom.bot.discord.LocalDiscord.Sent;
import readingroom.bot.testing.TestCorpus;
import readingroom.index.Engine;

/** The engine fails under the bot: users get a polite reply with an id, the log the detail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordEngineFailureTest {

  private static final Pattern ERROR_ID = Pattern.compile("\\(error ([0-9a-f]{8})\\)");

  LocalDiscord discord;
  DiscordPlatform platform;
  LogCapture log;

  @BeforeAll
  void start(@TempDir Path temp) throws Exception {
    // A real engine, closed: every search now fails inside Lucene.
    Engine engine = TestCorpus.openEngine(temp);
    engine.close();
    discord = new LocalDiscord();
    platform =
        DiscordPlatform.create(
            DiscordTestSettings.of(discord),
            LocalDiscord.TOKEN,
            new ChatCommands(engine, 3),
            (origin, question, helpful) -> {});
    platform.start();
    log = new LogCapture(ChatCommands.class);
  }

  @AfterAll
  void stop() throws Exception {
    log.close();
    platform.close();
    discord.close();
  }

  @Test
  void askAnswersWithAPoliteErrorWhoseIdIsInTheLog() throws Exception {
    Sent sent = discord.slash("ask", Map.of("question", "who is zamir kabulov?"));
    JsonNode edit = discord.editOf(sent).body();

    String content = edit.path("content").asText();
    assertThat(content).startsWith("Sorry, something went wrong on our side");
    assertThat(edit.path("embeds").size()).isZero();
    assertThat(edit.path("components").size()).as("no buttons under an error").isZero();
    String id = errorId(content);
    assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("[" + id + "]"));
  }

  @Test
  void aMentionIsAnsweredWithThePoliteErrorToo() throws Exception {
    String message = discord.post(discord.channelId, "<@" + discord.botId + "> who is kabulov?");
    String thread = awaitThread(message);
    Call answer =
        discord.await(
            c -> c.method().equals("POST") && c.path().equals("channels/" + thread + "/messages"));

    String id = errorId(answer.body().path("content").asText());
    assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("[" + id + "]"));
  }

  private String awaitThread(String message) throws InterruptedException {
    discord.await(c -> c.path().endsWith("/messages/" + message + "/threads"));
    return discord.threadOn(message);
  }

  private static String errorId(String content) {
    Matcher matcher = ERROR_ID.matcher(content);
    assertThat(matcher.find()).as("an error id in: " + content).isTrue();
    return matcher.group(1);
  }
}
