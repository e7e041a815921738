package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;

/** The command line's JSON contract, run through {@link Main} as a user would. */
class AskCliTest {

  @TempDir static Path dir;
  private static Path config;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void config() {
    config = TestConfig.write(dir, "");
  }

  /** Runs the command line with the given standard input; returns exit code and standard output. */
  private static Run run(String stdin, String... args) {
    PrintStream out = System.out;
    InputStream in = System.in;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      int code = Main.run(args);
      return new Run(code, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setIn(in);
    }
  }

  private record Run(int code, String out) {}

  @Test
  void jsonAnswerHasTheDocumentedShape() throws Exception {
    Run run =
        run(
            "",
            "--config",
            config.toString(),
            "ask",
            "--json",
            "when did the soviets invade afghanistan?");
    assertThat(run.code()).isZero();
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.get("question").asText())
        .isEqualTo("when did the soviets invade afghanistan?");
    assertThat(answer.get("answered").asBoolean()).isTrue();
    assertThat(answer.get("took_ms").isIntegralNumber()).isTrue();
    JsonNode first = answer.get("results").get(0);
    assertThat(first.get("quote").asText())
        .contains("In 1979, the Soviet Union invaded Afghanistan");
    assertThat(first.get("link").asText())
        .startsWith("https://worldview.stratfor.com/")
        .contains("#:~:text=");
    assertThat(first.get("score").isNumber()).isTrue();
    JsonNode article = first.get("article");
    assertThat(article.get("id").asText())
        .isEqualTo("stratfor-2018-11-russia-attempts-to-end-longest-war");
    assertThat(article.get("published").asText()).isEqualTo("2018-11-09");
    assertThat(article.get("author").isNull()).isTrue();
    for (String field : List.of("title", "outlet", "url")) {
      assertThat(article.get(field).asText()).isNotBlank();
    }
    JsonNode span = first.get("highlights").get(0);
    String quote = first.get("quote").asText();
    assertThat(quote.substring(span.get(0).asInt(), span.get(1).asInt()).toLowerCase())
        .isIn("soviets", "soviet", "invade", "invaded", "afghanistan");
  }

  @Test
  void stdinGivesOneJsonLinePerQuestionInOrder() throws Exception {
    Run run =
        run(
            "who is zamir kabulov?\n\nhow do i make kabuli pulao at home?\n"
                + "x".repeat(100_000)
                + "\n",
            "--config",
            config.toString(),
            "ask",
            "--json",
            "--stdin");
    assertThat(run.code()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(JSON.readTree(lines.get(0)).get("results").size()).isPositive();
    assertThat(JSON.readTree(lines.get(1)).get("error").asText())
        .startsWith("Please type a question");
    assertThat(JSON.readTree(lines.get(2)).get("answered").asBoolean()).isFalse();
    assertThat(JSON.readTree(lines.get(3)).get("error").asText()).contains("too long");
  }

  @Test
  void aLoneCarriageReturnDoesNotSplitAQuestion() throws Exception {
    Run run =
        run(
            "who is zamir\rkabulov?\r\nwhen did the soviets invade afghanistan?\r\n\r\n"
                + "how do i make kabuli pulao at home?",
            "--config",
            config.toString(),
            "ask",
            "--json",
            "--stdin");

    assertThat(run.code()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).as("one answer per input line").hasSize(4);
    assertThat(JSON.readTree(lines.get(0)).get("question").asText())
        .isEqualTo("who is zamir kabulov?");
    assertThat(JSON.readTree(lines.get(1)).get("question").asText())
        .isEqualTo("when did the soviets invade afghanistan?");
    assertThat(JSON.readTree(lines.get(2)).get("error").asText())
        .startsWith("Please type a question");
    assertThat(JSON.readTree(lines.get(3)).get("question").asText())
        .isEqualTo("how do i make kabuli pulao at home?");
  }

  @Test
  void plainAnswerNamesTheSourceAndDate() {
    Run run =
        run(
            "",
            "--config",
            config.toString(),
            "ask",
            "what did karzai say about norway and germany?");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("Norway and Germany")
        .contains("The Washington Post")
        .contains("January 15, 2018");
  }

  @Test
  void aBadSettingIsOneClearLineNamingTheKeyAndFile() throws Exception {
    Path bad =
        TestConfig.write(
            dir.resolve("bad").toFile().mkdirs() ? dir.resolve("bad") : dir.resolve("bad"),
            "answers.max-quotes = 7");
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      assertThat(Main.run("--config", bad.toString(), "ask", "hello")).isEqualTo(2);
    } finally {
      System.setErr(err);
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("readingroom.answers.max-quotes")
        .contains("test.conf")
        .contains("must be from 1 to 3")
        .contains("7")
        .doesNotContain("Exception");
  }

  @Test
  void aQuestionOfOnlySpacesSaysHowToAskAndFails() throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      assertThat(Main.run("ask", "   ")).isEqualTo(2);
    } finally {
      System.setErr(err);
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("give a question");
  }
}
