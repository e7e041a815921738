package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.DigestSchedule;
import readingroom.bot.digest.DigestSlot;
import readingroom.bot.digest.DigestStore;
import readingroom.bot.digest.Digests;
import readingroom.bot.digest.SlotState;
import readingroom.bot.model.Platform;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.DigestBot;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;

/**
 * A slow Discord: it accepts a digest but answers only after the client has given up. The real JDA
 * client against {@link LocalDiscord}; the post carries the slot's nonce with {@code
 * enforce_nonce}, and the next run finds the message in the channel instead of posting a copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordDigestExactlyOnceTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir static Path folder;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T06:00:00Z"));
  private StateDatabase database;
  private Digests digests;
  private LocalDiscord discord;
  private DiscordPlatform platform;

  @BeforeAll
  void start() throws Exception {
    database = StateDatabase.open(folder.resolve("state.db"));
    DigestBot bot = DigestBot.open(SharedEngine.get(), database, clock);
    digests = bot.digests();
    discord = new LocalDiscord();
    discord.clock(clock);
    platform =
        DiscordPlatform.create(
                DiscordTestSettings.of(discord),
                LocalDiscord.TOKEN,
                bot.commands(),
                bot.commands().feedbackSink())
            .requestTimeout(Duration.ofMillis(500));
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
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aPostAnsweredAfterTheTimeoutIsFoundInTheChannelAndNeverPostedTwice() throws Exception {
    ChannelKey channel = new ChannelKey(Platform.DISCORD, discord.guildId, discord.channelId);
    digests
        .subscriptions()
        .subscribe(channel, new DigestSchedule(LocalTime.of(8, 0), BERLIN), null, "teacher");
    DigestStore store = new DigestStore(database);
    for (int d = 0; d < 2; d++) {
      LocalDate day = LocalDate.parse("2026-03-03").plusDays(d);
      clock.set(day.atTime(8, 0).atZone(BERLIN).toInstant());
      discord.answerPostsLate(1, Duration.ofMillis(1500));

      DigestRunner.Run timedOut = digests.runner().runDue(platform.digestPosters());

      assertThat(timedOut.posted()).as("the answer never came").isZero();
      assertThat(timedOut.retried()).isEqualTo(1);
      assertThat(store.slot(channel, day))
          .as("still claimed, not released")
          .contains(SlotState.CLAIMED);
      for (int run = 0; run < 5; run++) {
        clock.advance(Duration.ofMinutes(2));
        digests.runner().runDue(platform.digestPosters());
      }
      assertThat(store.slot(channel, day)).contains(SlotState.POSTED);
      assertThat(discord.messagesIn(discord.channelId)).as("one message per day").hasSize(d + 1);
    }

    List<JsonNode> posts =
        discord.calls().stream()
            .filter(c -> c.method().equals("POST"))
            .filter(c -> c.path().equals("channels/" + discord.channelId + "/messages"))
            .map(LocalDiscord.Call::body)
            .toList();
    assertThat(posts).as("no post sent twice: the look-up found it").hasSize(2);
    String nonce = new DigestSlot(channel, LocalDate.parse("2026-03-03")).nonce();
    assertThat(posts.get(0).path("nonce").asText()).isEqualTo(nonce).hasSizeLessThanOrEqualTo(25);
    assertThat(posts.get(0).path("enforce_nonce").asBoolean()).isTrue();
    assertThat(posts.get(1).path("nonce").asText()).isNotEqualTo(nonce);
  }
}
