package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static readingroom.bot.slack.SignedRequests.FORM;
import static readingroom.bot.slack.SignedRequests.JSON_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.library.Library;
import readingroom.bot.testing.Articles;
import readingroom.bot.testing.LocalWeb;
import readingroom.index.Engine;
import readingroom.index.fetch.Fetcher;

/**
 * Adding articles on Slack end to end, in HTTP mode: "@Reading Room add" on a message with files
 * (downloaded from the stand-in's {@code url_private} with the bot token) and {@code /readingroom
 * add <address>}, then the article answered in that channel and not in one scoped elsewhere.
 */
class SlackAddTest {

  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String ADMIN = "UADMIN";
  static final String CLASS = "C1WEEK3";
  static final String OTHER_CLASS = "C9WEEK1";

  @TempDir static Path folder;
  static Engine engine;
  static Library library;
  static SlackApiStandIn api;
  static ResponseUrlReceiver responses;
  static LocalWeb web;
  static SlackPlatform slack;
  static SignedRequests requests;
  static final AtomicInteger events = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    web = new LocalWeb();
    web.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
    web.serve("/ferry.html", "text/html", Articles.ferryPage(web.url("/ferry.html")));
    engine = readingroom.bot.testing.TestCorpus.openEngine(folder);
    Fetcher.Limits defaults = Fetcher.Limits.defaults();
    library =
        new Library(
            engine,
            folder.resolve("corpus"),
            new Fetcher(
                new Fetcher.Limits(
                    defaults.userAgent(), Duration.ofSeconds(5), 1 << 20, 3, Duration.ZERO)));
    api = new SlackApiStandIn();
    responses = new ResponseUrlReceiver();
    SlackSettings settings =
        new SlackSettings(
            SlackSettings.Mode.HTTP, 0, "/slack/events", api.url(), false, List.of(ADMIN));
    slack =
        new SlackPlatform(
            settings,
            "xoxb-test",
            null,
            SECRET,
            ChatCommands.builder(engine).library(library, 1 << 20).build(),
            new RecordingFeedback(),
            pause -> {},
            1);
    slack.start();
    requests = new SignedRequests("http://127.0.0.1:" + slack.httpPort() + "/slack/events", SECRET);
    command("/readingroom", "settings scope tags week-3", CLASS, ADMIN);
    command("/readingroom", "settings scope tags week-1", OTHER_CLASS, ADMIN);
  }

  @AfterAll
  static void stop() {
    if (slack != null) {
      slack.close();
    }
    if (api != null) {
      api.close();
    }
    if (responses != null) {
      responses.close();
    }
    if (library != null) {
      library.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (web != null) {
      web.close();
    }
  }

  @BeforeEach
  void forget() {
    api.clear();
    api.fileDownloadTokens.clear();
  }

  @Test
  void anAdminAddsAnAttachedReadingThatTheChannelCanThenAskAbout() throws Exception {
    byte[] markdown = Articles.orchardMarkdown().getBytes(StandardCharsets.UTF_8);
    mentionWithFile(ADMIN, "orchard.md", markdown, markdown.length);

    SlackApiStandIn.Call reply = api.await("chat.postEphemeral", 1).get(0);
    assertThat(reply.params()).containsEntry("channel", CLASS).containsEntry("user", ADMIN);
    assertThat(String.join(" ", SlackText.texts(reply.blocks())))
        .contains("Added to this channel's reading list")
        .contains(Articles.ORCHARD_TITLE);
    assertThat(api.fileDownloadTokens).containsExactly("xoxb-test");

    assertThat(String.join(" ", command("/ask", Articles.ORCHARD_QUESTION, CLASS, "U2")))
        .contains("smudge pots");
    assertThat(String.join(" ", command("/ask", Articles.ORCHARD_QUESTION, OTHER_CLASS, "U2")))
        .doesNotContain("smudge pots");
  }

  @Test
  void anAdminAddsAPageByItsAddressWithTheReadingroomCommand() throws Exception {
    List<String> reply =
        command("/readingroom", "add <" + web.url("/ferry.html") + ">", CLASS, ADMIN);

    assertThat(String.join(" ", reply))
        .contains("Added to this channel's reading list")
        .contains("The Tarvon Courier");
    assertThat(String.join(" ", command("/ask", Articles.FERRY_QUESTION, CLASS, "U2")))
        .contains("night-shift pay");
  }

  @Test
  void someoneWhoIsNoAdminIsRefusedAndTheFileIsNotDownloaded() throws Exception {
    byte[] markdown = Articles.orchardMarkdown().getBytes(StandardCharsets.UTF_8);
    mentionWithFile("U2", "notes.md", markdown, markdown.length);

    SlackApiStandIn.Call reply = api.await("chat.postEphemeral", 1).get(0);
    assertThat(String.join(" ", SlackText.texts(reply.blocks())))
        .contains("Only workspace admins and the admins named in the bot's configuration can add");
    assertThat(api.fileDownloadTokens).isEmpty();
  }

  @Test
  void aFileLargerThanAllowedIsRefusedWithoutDownloadingIt() throws Exception {
    mentionWithFile(ADMIN, "scan.pdf", new byte[10], 30L * 1024 * 1024);

    SlackApiStandIn.Call reply = api.await("chat.postEphemeral", 1).get(0);
    assertThat(String.join(" ", SlackText.texts(reply.blocks())))
        .contains("scan.pdf is 30 MB; files up to 1 MB can be added");
    assertThat(api.fileDownloadTokens).isEmpty();
  }

  @Test
  void aBrokenFileIsRefusedWithAClearMessage() throws Exception {
    byte[] broken = "%PDF-1.4 broken".getBytes(StandardCharsets.US_ASCII);
    mentionWithFile(ADMIN, "broken.pdf", broken, broken.length);

    SlackApiStandIn.Call reply = api.await("chat.postEphemeral", 1).get(0);
    assertThat(String.join(" ", SlackText.texts(reply.blocks())))
        .startsWith("Not added:")
        .doesNotContain("Exception");
  }

  /** "@Reading Room add" in the class channel, on a message with one file. */
  private static void mentionWithFile(String user, String name, byte[] content, long size)
      throws Exception {
    String url = api.uploadFile(name, content);
    ObjectNode mention =
        SignedRequests.mention(
            CLASS,
            user,
            "<@" + SlackApiStandIn.BOT_USER + "> add",
            "1700000000.00" + (1000 + events.incrementAndGet()));
    ObjectNode file = mention.putArray("files").addObject();
    file.put("id", "F" + events.get())
        .put("name", name)
        .put("title", name)
        .put("size", size)
        .put("url_private", url)
        .put("url_private_download", url);
    assertThat(
            requests
                .post(SignedRequests.eventCallback("EvADD" + events.get(), mention), JSON_TYPE)
                .statusCode())
        .isEqualTo(200);
  }

  /** Runs a slash command and returns the texts of its reply. */
  private static List<String> command(String command, String text, String channel, String user)
      throws Exception {
    String url = responses.newUrl();
    requests.post(SignedRequests.slashCommand(command, text, channel, user, url), FORM);
    JsonNode blocks = responses.await(url).body().get("blocks");
    return SlackText.allStrings(blocks);
  }
}
