package readingroom.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackFileTest {

  @TempDir Path folder;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void eachClickIsOneJsonLineWithTheUserOnlyAsASaltedHash() throws Exception {
    Path file = folder.resolve("data/feedback.jsonl");
    FeedbackFile feedback = new FeedbackFile(file, "salt", clock);

    feedback.record(new Origin(Platform.SLACK, "T1", "C1", "U12345"), "why now?", true);
    feedback.record(new Origin(Platform.SLACK, "T1", "C1", "U12345"), "and then?", false);

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("time").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(first.get("platform").asText()).isEqualTo("slack");
    assertThat(first.get("question").asText()).isEqualTo("why now?");
    assertThat(first.get("helpful").asBoolean()).isTrue();
    assertThat(lines.get(0)).doesNotContain("U12345");
    String user = first.get("user").asText();
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("user").asText()).isEqualTo(user);
    assertThat(user).isNotEqualTo(hashWithOtherSalt());
  }

  private String hashWithOtherSalt() throws Exception {
    Path other = folder.resolve("other.jsonl");
    new FeedbackFile(other, "pepper", clock)
        .record(new Origin(Platform.SLACK, "T1", "C1", "U12345"), "q", true);
    return new ObjectMapper().readTree(Files.readAllLines(other).get(0)).get("user").asText();
  }
}
