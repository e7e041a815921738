package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

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
import readingroom.bot.testing.SharedEngine;

/** A refusal is for the person refused: "faster than I can keep up" never goes to the channel. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordRateLimitTest {

  LocalDiscord discord;
  DiscordPlatform platform;

  @BeforeAll
  void start() throws Exception {
    discord = new LocalDiscord();
    ChatCommands commands =
        ChatCommands.builder(SharedEngine.get())
            .limiter(
                new RateLimiter(
                    new RateLimiter.Limit(1, Duration.ofMinutes(1)),
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

  @Test
  void aRateLimitedAskIsRefusedPrivatelyWhileAnsweredAsksStayPublic() throws Exception {
    Sent first = discord.slash("ask", Map.of("question", "who is zamir kabulov?"));
    assertThat(discord.callbackOf(first).body().at("/data/flags").asInt() & 64)
        .as("the answered question is public")
        .isZero();

    Sent second = discord.slash("ask", Map.of("question", "when did the soviets leave?"));
    Call refusal = discord.callbackOf(second);

    assertThat(refusal.body().at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    String text =
        refusal.body().at("/data/content").asText() + refusal.body().at("/data").toString();
    assertThat(text).contains("faster than I can keep up");
    assertThat(discord.calls())
        .as("nothing about the refusal is edited into a public message")
        .noneMatch(c ->
            c.path().contains(second.token())
                && c.method().equals("PATCH")
                && c.body().toString().contains("faster than"));
  }
}
