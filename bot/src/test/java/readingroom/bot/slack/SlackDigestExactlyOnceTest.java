package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.DigestSchedule;
import readingroom.bot.digest.DigestSlot;
import readingroom.bot.digest.DigestStore;
import readingroom.bot.digest.SlotState;
import readingroom.bot.model.Platform;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.DigestBot;
import readingroom.bot.testing.MutableClock;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Engine;

/**
 * Each digest slot reaches Slack exactly once when the outcome of a post is unknown: a Slack that
 * answers after the client's timeout, and bot processes killed with SIGKILL before the post and
 * between the post and its record, then restarted. Every post carries its slot in the message
 * metadata, and a post in doubt is looked for in {@code conversations.history} before any second.
 */
class SlackDigestExactlyOnceTest {

  private static final String TEAM = SignedRequests.TEAM;

  @TempDir Path folder;

  @Test
  void aPostSlackAnswersAfterTheTimeoutIsFoundInTheHistoryAndNeverPostedTwice() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T06:00:00Z"));
    try (StateDatabase database = StateDatabase.open(folder.resolve("state.db"));
        SlackApiStandIn api = new SlackApiStandIn()) {
      api.clock(clock);
      DigestBot bot = DigestBot.open(SharedEngine.get(), database, clock);
      SlackPlatform slack = platform(api, bot).requestTimeout(Duration.ofMillis(500));
      slack.start();
      try {
        ChannelKey channel = new ChannelKey(Platform.SLACK, TEAM, "CSLOW");
        bot.digests()
            .subscriptions()
            .subscribe(channel, new DigestSchedule(LocalTime.of(8, 0), ZoneOffset.UTC), null, "t");
        DigestStore store = new DigestStore(database);
        for (int d = 0; d < 2; d++) {
          LocalDate day = LocalDate.parse("2026-03-03").plusDays(d);
          clock.set(day.atTime(8, 0).toInstant(ZoneOffset.UTC));
          // Slack takes three times the timeout to answer the post; later calls answer at once.
          api.answerLate("chat.postMessage", 1, Duration.ofMillis(1500));

          DigestRunner.Run timedOut = bot.digests().runner().runDue(slack.digestPosters());

          assertThat(timedOut.retried()).isEqualTo(1);
          assertThat(store.slot(channel, day)).contains(SlotState.CLAIMED);
          for (int run = 0; run < 5; run++) {
            clock.advance(Duration.ofMinutes(2));
            bot.digests().runner().runDue(slack.digestPosters());
          }
          assertThat(store.slot(channel, day)).contains(SlotState.POSTED);
          assertThat(api.messagesIn("CSLOW")).as("one message per day").hasSize(d + 1);
        }
        List<SlackApiStandIn.Posted> posted = api.messagesIn("CSLOW");
        assertThat(posted)
            .extracting(p -> p.metadata().at("/event_payload/slot").asText())
            .containsExactly(
                new DigestSlot(channel, LocalDate.parse("2026-03-03")).key(),
                new DigestSlot(channel, LocalDate.parse("2026-03-04")).key());
        assertThat(posted)
            .extracting(p -> p.metadata().path("event_type").asText())
            .containsOnly("readingroom_digest");
        assertThat(api.calls("chat.postMessage")).as("never sent twice").hasSize(2);
        assertThat(api.calls("conversations.history"))
            .isNotEmpty()
            .allSatisfy(c -> assertThat(c.params()).containsEntry("include_all_metadata", "1"));
      } finally {
        slack.close();
      }
    }
  }

  /**
   * Two channels over two days; each day the first process is killed before its post, the second
   * after its post and before the record, and a third runs clean, past the dead claims' lease. Each
   * process is a child JVM on this class path, killed with SIGKILL.
   */
  @Test
  void killedBeforeOrAfterThePostAndRestartedEverySlotIsPostedExactlyOnce() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T06:00:00Z"));
    List<ChannelKey> channels =
        List.of(
            new ChannelKey(Platform.SLACK, TEAM, "CKILL1"),
            new ChannelKey(Platform.SLACK, TEAM, "CKILL2"));
    try (SlackApiStandIn api = new SlackApiStandIn()) {
      api.clock(clock);
      TestCorpus.copyTo(folder);
      try (Engine engine = DigestChildProcess.openEngine(folder);
          StateDatabase database = StateDatabase.open(folder.resolve("state.db"))) {
        DigestBot bot = DigestBot.open(engine, database, clock);
        for (ChannelKey channel : channels) {
          bot.digests()
              .subscriptions()
              .subscribe(
                  channel, new DigestSchedule(LocalTime.of(8, 0), ZoneOffset.UTC), null, "t");
        }
      }
      Map<String, Integer> kills = new LinkedHashMap<>();
      List<String> order = List.of("before-post", "after-post", "none");
      for (int d = 0; d < 2; d++) {
        LocalDate day = LocalDate.parse("2026-03-03").plusDays(d);
        clock.set(day.atTime(8, 0).toInstant(ZoneOffset.UTC));
        List<String> steps = new ArrayList<>(order);
        if (d == 1) {
          steps = List.of("after-post", "before-post", "none");
        }
        for (String step : steps) {
          if (step.equals("none")) {
            clock.advance(DigestRunner.Options.DEFAULTS.lease().plusMinutes(1));
          }
          String stoppedAt = runChild(api, clock.instant(), step);
          if (!step.equals("none")) {
            assertThat(stoppedAt).as("the child reached %s", step).isNotNull();
            kills.merge(step, 1, Integer::sum);
          }
          clock.advance(Duration.ofMinutes(1));
        }
      }
      // One more process, later: nothing left to post.
      clock.advance(Duration.ofMinutes(30));
      runChild(api, clock.instant(), "none");

      Map<String, Integer> postsPerSlot = new LinkedHashMap<>();
      for (SlackApiStandIn.Posted p : api.messagesIn("CKILL1")) {
        postsPerSlot.merge(p.metadata().at("/event_payload/slot").asText(), 1, Integer::sum);
      }
      for (SlackApiStandIn.Posted p : api.messagesIn("CKILL2")) {
        postsPerSlot.merge(p.metadata().at("/event_payload/slot").asText(), 1, Integer::sum);
      }
      System.out.printf("Digest kill -9: %s kills, posts per slot %s%n", kills, postsPerSlot);
      List<String> slots = new ArrayList<>();
      for (ChannelKey channel : channels) {
        for (int d = 0; d < 2; d++) {
          slots.add(new DigestSlot(channel, LocalDate.parse("2026-03-03").plusDays(d)).key());
        }
      }
      assertThat(postsPerSlot)
          .containsOnlyKeys(slots)
          .allSatisfy((slot, n) -> assertThat(n).as(slot).isEqualTo(1));
      assertThat(kills).containsEntry("before-post", 2).containsEntry("after-post", 2);
      try (StateDatabase database = StateDatabase.open(folder.resolve("state.db"))) {
        DigestStore store = new DigestStore(database);
        for (ChannelKey channel : channels) {
          for (int d = 0; d < 2; d++) {
            assertThat(store.slot(channel, LocalDate.parse("2026-03-03").plusDays(d)))
                .contains(SlotState.POSTED);
          }
        }
      }
    }
  }

  /**
   * Runs one bot process at {@code now}; with a step, kills it (SIGKILL) once it stops there.
   *
   * @return the step it reported stopping at, or null
   */
  private String runChild(SlackApiStandIn api, Instant now, String step) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "--add-modules",
            "jdk.incubator.vector",
            "-cp",
            System.getProperty("java.class.path"),
            DigestChildProcess.class.getName(),
            folder.toString(),
            api.url(),
            now.toString(),
            step);
    Path out = Files.createTempFile(folder, "child", ".out");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        String text = read(out);
        int at = text.indexOf(DigestChildProcess.MARK);
        if (at >= 0) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
          return text.substring(at + DigestChildProcess.MARK.length())
              .lines()
              .findFirst()
              .orElse("");
        }
        if (!process.isAlive()) {
          assertThat(process.exitValue()).as("child output:\n%s", text).isZero();
          assertThat(step)
              .as("the child ended without reaching %s:\n%s", step, text)
              .isEqualTo("none");
          return null;
        }
        Thread.sleep(20);
      }
      throw new AssertionError("the child did not finish in 60 s:\n" + read(out));
    } finally {
      process.destroyForcibly();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static SlackPlatform platform(SlackApiStandIn api, DigestBot bot) {
    return new SlackPlatform(
        new SlackSettings(SlackSettings.Mode.HTTP, 0, "/slack/events", api.url(), false, List.of()),
        "xoxb-test",
        null,
        SlackHttpModeTest.SECRET,
        bot.commands(),
        bot.commands().feedbackSink(),
        pause -> {},
        1);
  }
}
