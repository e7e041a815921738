package readingroom.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Visibility;
import readingroom.bot.testing.SharedEngine;
import readingroom.index.Result;

/**
 * The follow-up questions of {@code follow-ups.jsonl}: each a first question asked in a thread and
 * a follow-up that leans on it ("how many people died?"), with phrases of the sentence that answers
 * the follow-up. A follow-up is answered correctly when a quote holds one of them; the same
 * follow-up asked on its own, outside the thread, is the baseline. Prints both figures.
 */
class FollowUpQuestionsTest {

  record Case(String first, String followUp, List<String> expect) {}

  @Test
  void followUpsInAThreadAreAnsweredBetterThanTheSameWordsAlone() throws IOException {
    List<Case> cases = cases();
    ChatCommands commands =
        ChatCommands.builder(SharedEngine.get())
            .channels(
                readingroom.bot.channel.ChannelSettingsRepository.inMemory(),
                new ChannelDefaults(Visibility.PUBLIC, 3))
            .build();
    int topInThread = 0;
    int anyInThread = 0;
    int topAlone = 0;
    int anyAlone = 0;
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Origin origin = new Origin(Platform.SLACK, "T1", "C1", "U" + i);
      String thread = "thread-" + i;
      commands.ask(origin, thread, c.first());
      List<Result> inThread = quotes(commands.ask(origin, thread, c.followUp()));
      List<Result> alone = quotes(commands.ask(origin, null, c.followUp()));
      topInThread += holds(inThread.subList(0, Math.min(1, inThread.size())), c) ? 1 : 0;
      anyInThread += holds(inThread, c) ? 1 : 0;
      topAlone += holds(alone.subList(0, Math.min(1, alone.size())), c) ? 1 : 0;
      anyAlone += holds(alone, c) ? 1 : 0;
      if (!holds(inThread, c)) {
        misses.add(c.first() + " → " + c.followUp());
      }
    }
    System.out.printf(
        "Follow-ups (%d): in a thread, first quote right %d, any of 3 right %d;"
            + " the same words alone, first quote right %d, any of 3 right %d%n",
        cases.size(), topInThread, anyInThread, topAlone, anyAlone);
    misses.forEach(m -> System.out.println("  missed: " + m));

    assertThat(anyInThread).isGreaterThan(anyAlone);
    assertThat(topInThread).isGreaterThan(topAlone);
    // Most follow-ups find their answer with the thread's question in mind.
    assertThat(anyInThread * 3).isGreaterThanOrEqualTo(cases.size() * 2);
  }

  private static boolean holds(List<Result> quotes, Case c) {
    return quotes.stream().anyMatch(q -> c.expect().stream().anyMatch(q.verbatim()::contains));
  }

  private static List<Result> quotes(Reply reply) {
    return reply instanceof Reply.AnswerReply a ? a.answer().results() : List.of();
  }

  static List<Case> cases() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                FollowUpQuestionsTest.class.getResourceAsStream("/follow-ups.jsonl"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        List<String> expect = new ArrayList<>();
        node.get("expect").forEach(e -> expect.add(e.asText()));
        cases.add(new Case(node.get("first").asText(), node.get("followUp").asText(), expect));
      }
    }
    return cases;
  }
}
