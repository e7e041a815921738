package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Standard help on every command, a help command and shell completion, run through {@link Main}.
 */
class CommandLineHelpTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          code,
          outBuffer.toString(StandardCharsets.UTF_8),
          errBuffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** Every command Main lists, so a new one is held to this too. */
  static Stream<String> commands() {
    return new CommandLine(new Main())
        .getSubcommands().keySet().stream()
            .filter(name -> !name.equals("help") && !name.equals("generate-completion"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandPrintsItsUsageForHelpAndExitsZero(String command) {
    for (String flag : new String[] {"--help", "-h"}) {
      Run run = run(command, flag);

      assertThat(run.code()).as(command + " " + flag).isZero();
      assertThat(run.out()).contains("Usage: readingroom " + command).contains("--help");
      assertThat(run.err()).doesNotContain("Unknown option").doesNotContain("Missing required");
    }
  }

  @Test
  void evalHelpDoesNotDemandTheFile() {
    Run run = run("eval", "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("FILE");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theHelpCommandExplainsACommand() {
    Run run = run("help", "ask");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: readingroom ask").contains("--stdin").contains("--json");
  }

  @Test
  void topLevelHelpListsEveryCommandIncludingHelpAndCompletion() {
    Run run = run("--help");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("ask", "index", "eval", "chat", "bench", "help", "generate-completion");
  }

  @Test
  void completionScriptCompletesTheCommands() {
    Run run = run("generate-completion");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("complete -F").contains("readingroom").contains("ask");
  }

  @Test
  void anUnknownOptionIsStillAUsageError() {
    Run run = run("ask", "--colour");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option").contains("--colour");
  }
}
