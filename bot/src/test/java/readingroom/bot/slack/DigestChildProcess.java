package readingroom.bot.slack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import readingroom.bot.digest.DigestPoster;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.DigestSlot;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.testing.DigestBot;
import readingroom.index.Engine;
import readingroom.index.model.Embedder;

/**
 * One bot process's digest run, for {@link SlackDigestExactlyOnceTest} to kill: the real engine,
 * state database file, Slack client and runner, with the clock at {@code now}. With a step named,
 * the first post stops there (before calling Slack, or after Slack answered and before the post is
 * recorded), prints {@code @@AT <step>} and waits to be killed.
 *
 * <p>Arguments: folder (corpus, index, state.db), Web API URL, now (ISO instant), step ({@code
 * none}, {@code before-post}, {@code after-post}).
 */
final class DigestChildProcess {

  static final String MARK = "@@AT ";

  private DigestChildProcess() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    String apiUrl = args[1];
    Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
    String step = args[3];
    try (Engine engine =
            Engine.builder()
                .corpus(folder.resolve("corpus"))
                .index(folder.resolve("index"))
                .open();
        StateDatabase database = StateDatabase.open(folder.resolve("state.db"))) {
      DigestBot bot = DigestBot.open(engine, database, clock);
      SlackPlatform slack =
          new SlackPlatform(
                  new SlackSettings(
                      SlackSettings.Mode.HTTP, 0, "/slack/events", apiUrl, false, List.of()),
                  "xoxb-test",
                  null,
                  "child-secret",
                  bot.commands(),
                  bot.commands().feedbackSink(),
                  pause -> {},
                  1)
              .requestTimeout(Duration.ofSeconds(2));
      slack.start();
      DigestPoster real = slack.digestPosters().get(Platform.SLACK);
      DigestPoster stopping =
          new DigestPoster() {
            @Override
            public void post(DigestSlot slot, Reply.DigestReply digest) throws Exception {
              if (step.equals("before-post")) {
                stop(step, slot);
              }
              real.post(slot, digest);
              if (step.equals("after-post")) {
                stop(step, slot);
              }
            }

            @Override
            public boolean wasPosted(DigestSlot slot, Reply.DigestReply digest, Instant since)
                throws Exception {
              return real.wasPosted(slot, digest, since);
            }
          };
      DigestRunner.Run run = bot.digests().runner().runDue(Map.of(Platform.SLACK, stopping));
      System.out.println("@@RUN " + run);
      System.out.flush();
    }
    System.exit(0);
  }

  /**
   * The real engine on the test corpus, embedding with a hashed bag of words instead of the model:
   * these processes test delivery, not answers, and each would otherwise load the model anew.
   */
  static Engine openEngine(Path folder) {
    return Engine.builder()
        .corpus(folder.resolve("corpus"))
        .index(folder.resolve("index"))
        .embedder(new WordHashEmbedder())
        .open();
  }

  /** A fast, deterministic embedding: each word adds one to a hashed dimension, normalised. */
  static final class WordHashEmbedder implements Embedder {
    @Override
    public String name() {
      return "word-hash-test";
    }

    @Override
    public int dimensions() {
      return 64;
    }

    @Override
    public float[] embedQuery(String question) {
      return vector(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      return passages.stream().map(WordHashEmbedder::vector).toList();
    }

    private static float[] vector(String text) {
      float[] v = new float[64];
      v[0] = 1e-3f;
      for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
        if (!word.isEmpty()) {
          v[Math.floorMod(word.hashCode(), v.length)] += 1;
        }
      }
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / Math.sqrt(norm));
      }
      return v;
    }
  }

  private static void stop(String step, DigestSlot slot) throws InterruptedException {
    System.out.println(MARK + step + " " + slot.key());
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(5));
    System.exit(3);
  }
}
