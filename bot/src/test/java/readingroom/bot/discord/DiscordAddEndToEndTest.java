package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.commands.CountingFeedbackSink;
import readingroom.bot.discord.LocalDiscord.Sent;
import readingroom.bot.library.Library;
import readingroom.bot.testing.Articles;
import readingroom.bot.testing.LocalWeb;
import readingroom.bot.testing.TestCorpus;
import readingroom.index.Engine;
import readingroom.index.fetch.Fetcher;

/**
 * {@code /add} on Discord end to end: the real JDA client against {@link LocalDiscord}, which also
 * serves the attached files as Discord's CDN does, a real engine on a copy of the test corpus, and
 * pages from a web server on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAddEndToEndTest {

  @TempDir static Path dir;
  Engine engine;
  Library library;
  LocalDiscord discord;
  LocalWeb web;
  DiscordPlatform platform;

  @BeforeAll
  void start() throws Exception {
    web = new LocalWeb();
    web.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
    web.serve("/ferry.html", "text/html", Articles.ferryPage(web.url("/ferry.html")));
    engine = TestCorpus.openEngine(dir);
    Fetcher.Limits defaults = Fetcher.Limits.defaults();
    library =
        new Library(
            engine,
            dir.resolve("corpus"),
            new Fetcher(
                new Fetcher.Limits(
                    defaults.userAgent(), Duration.ofSeconds(5), 1 << 20, 3, Duration.ZERO)));
    ChatCommands commands = ChatCommands.builder(engine).library(library, 1 << 20).build();
    discord = new LocalDiscord();
    platform =
        DiscordPlatform.create(
            DiscordTestSettings.of(discord),
            LocalDiscord.TOKEN,
            commands,
            new CountingFeedbackSink((origin, question, helpful) -> {}));
    platform.start();
    // This class reads week 3; the quiet channel's reads week 1.
    discord.editOf(discord.slash("settings", "scope", Map.of("list", "tags week-3"), true));
    discord.editOf(
        discord.slashIn(
            discord.noThreadsChannelId, "settings", "scope", Map.of("list", "tags week-1"), true));
  }

  @AfterAll
  void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
    if (discord != null) {
      discord.close();
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

  @Test
  void addIsRegisteredWithAnAddressAndAFileOption() throws Exception {
    JsonNode put =
        discord
            .await(c ->
                c.method().equals("PUT")
                    && c.path().endsWith("/guilds/" + discord.guildId + "/commands"))
            .body();
    JsonNode add = null;
    for (JsonNode command : put) {
      if (command.path("name").asText().equals("add")) {
        add = command;
      }
    }
    assertThat(add).as("/add registered").isNotNull();
    assertThat(add.at("/options/0/name").asText()).isEqualTo("url");
    assertThat(add.at("/options/1/name").asText()).isEqualTo("file");
    assertThat(add.at("/options/1/type").asInt()).as("attachment").isEqualTo(11);
  }

  @Test
  void aModeratorAttachesAReadingAndTheClassCanAskAboutItButNotTheOtherClass() throws Exception {
    byte[] markdown = Articles.orchardMarkdown().getBytes(StandardCharsets.UTF_8);
    Sent add =
        discord.slashWithFile(
            discord.channelId, "add", "file", "orchard.md", markdown, markdown.length, true);

    assertThat(discord.callbackOf(add).body().at("/data/flags").asInt() & 64)
        .as("the reply is for the moderator only")
        .isEqualTo(64);
    String reply = discord.editOf(add).body().path("content").asText();
    assertThat(reply).startsWith("Added to this channel").contains("orchard that survived");
    assertThat(discord.attachmentDownloads).anyMatch(p -> p.endsWith("/orchard.md"));

    assertThat(titles(discord.slash("ask", Map.of("question", Articles.ORCHARD_QUESTION))))
        .first()
        .asString()
        .contains("orchard that survived");
    assertThat(
            titles(
                discord.slashIn(
                    discord.noThreadsChannelId,
                    "ask",
                    Map.of("question", Articles.ORCHARD_QUESTION),
                    false)))
        .noneMatch(t -> t.contains("orchard"));
  }

  @Test
  void aModeratorAddsAPageByItsAddress() throws Exception {
    Sent add =
        discord.slashIn(discord.channelId, "add", Map.of("url", web.url("/ferry.html")), true);

    String reply = discord.editOf(add).body().path("content").asText();
    assertThat(reply).startsWith("Added to this channel").contains("Tarvon Courier");
    assertThat(web.requests).contains("/robots.txt", "/ferry.html");
    assertThat(titles(discord.slash("ask", Map.of("question", Articles.FERRY_QUESTION))))
        .first()
        .asString()
        .contains("Lake Tarvon");
  }

  @Test
  void aMemberWithoutManageChannelsIsRefusedAndTheFileIsNotDownloaded() throws Exception {
    byte[] markdown = Articles.orchardMarkdown().getBytes(StandardCharsets.UTF_8);
    Sent add =
        discord.slashWithFile(
            discord.channelId, "add", "file", "member-notes.md", markdown, markdown.length, false);

    assertThat(discord.editOf(add).body().path("content").asText())
        .startsWith("Only members with the Manage Channels permission can add articles");
    assertThat(discord.attachmentDownloads).noneMatch(p -> p.endsWith("/member-notes.md"));
  }

  @Test
  void aFileLargerThanAllowedIsRefusedWithoutDownloadingIt() throws Exception {
    Sent add =
        discord.slashWithFile(
            discord.channelId, "add", "file", "scan.pdf", new byte[16], 25L * 1024 * 1024, true);

    assertThat(discord.editOf(add).body().path("content").asText())
        .contains("scan.pdf is 25 MB; files up to 1 MB can be added");
    assertThat(discord.attachmentDownloads).noneMatch(p -> p.endsWith("/scan.pdf"));
  }

  @Test
  void aBrokenFileIsRefusedWithAClearMessage() throws Exception {
    byte[] broken = "%PDF-1.7 not a pdf at all".getBytes(StandardCharsets.US_ASCII);
    Sent add =
        discord.slashWithFile(
            discord.channelId, "add", "file", "broken.pdf", broken, broken.length, true);

    String reply = discord.editOf(add).body().path("content").asText();
    assertThat(reply).startsWith("Not added:").doesNotContain("Exception").doesNotContain("error ");
  }

  /** The headlines of the quote embeds that answer an {@code /ask}. */
  private List<String> titles(Sent ask) throws InterruptedException {
    List<String> titles = new ArrayList<>();
    for (JsonNode embed : discord.editOf(ask).body().path("embeds")) {
      titles.add(embed.path("title").asText());
    }
    return titles;
  }
}
