package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import readingroom.bot.channel.RateLimiter;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.discord.LocalDiscord.Call;
import readingroom.bot.discord.LocalDiscord.Sent;
import readingroom.bot.model.Messages;
import readingroom.bot.testing.SharedEngine;

/**
 * "More" that has nothing to show (no more quotes, or the clicker is asking too fast) says so to
 * the clicker alone, and the answer everyone sees stays as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordMoreRefusalTest {

  LocalDiscord discord;
  DiscordPlatform platform;

  @BeforeAll
  void start() throws Exception {
    discord = new LocalDiscord();
    ChatCommands commands =
        ChatCommands.builder(SharedEngine.get())
            .limiter(
                new RateLimiter(
                    new RateLimiter.Limit(2, Duration.ofMinutes(1)),
                    RateLimiter.Limit.none(),
                    Clock.systemUTC()))
            .build();
    platform =
        DiscordPlatform.create(
            DiscordTestSettings.of(discord), LocalDiscord.TOKEN, commands, (o, q, h) -> {});
    platform.start();
  }

  @AfterAll
  void stop() throws Exception {
    platform.close();
    discord.close();
  }

  /** The follow-up message the bot sent for a click, once it arrives. */
  private Call followUpOf(Sent click) throws InterruptedException {
    return discord.await(c ->
        c.method().equals("POST")
            && c.path().equals("webhooks/" + discord.applicationId + "/" + click.token()));
  }

  @Test
  void moreWithNothingToShowOrTooFastTellsTheClickerAloneAndLeavesTheAnswer() throws Exception {
    Sent ask = discord.slash("ask", Map.of("question", "who is zamir kabulov?"));
    JsonNode answer = discord.editOf(ask).body();
    String more = DiscordEndToEndTest.customId(answer, "More");
    // The same answer's button, as if its last page were showing.
    String pastTheEnd = more.substring(0, more.lastIndexOf(':') + 1) + "99";

    Sent nothingMore = discord.click(pastTheEnd, discord.original(ask));
    Call noMore = followUpOf(nothingMore);
    Sent tooFast = discord.click(more, discord.original(ask));
    Call limited = followUpOf(tooFast);

    assertThat(noMore.body().path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    assertThat(noMore.body().toString()).contains(Messages.NO_MORE_QUOTES);
    assertThat(limited.body().path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    assertThat(limited.body().toString()).contains("faster than I can keep up");
    assertThat(discord.calls())
        .as("the public answer is not replaced")
        .noneMatch(c ->
            c.method().equals("PATCH")
                && (c.path().contains(nothingMore.token()) || c.path().contains(tooFast.token())));
  }
}
