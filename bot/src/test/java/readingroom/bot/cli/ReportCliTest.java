package readingroom.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.bot.TestConfig;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.ChannelSettingsRepository;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.config.Settings;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.state.UserHasher;
import readingroom.index.Engine;

/** {@code readingroom report}: a channel's report from the question log, as text or CSV. */
class ReportCliTest {

  @TempDir Path dir;

  @Test
  void reportPrintsTheChannelsQuestionsAsCsvWithoutUsers() throws Exception {
    Path config = TestConfig.write(dir, "");
    Settings settings = Settings.load(config);
    try (StateDatabase database = StateDatabase.open(settings.serving().database().file());
        Engine engine = EngineOptions.of(settings).open()) {
      UserHasher hasher = UserHasher.of(Optional.empty(), database);
      ChatCommands commands =
          ChatCommands.builder(engine)
              .channels(
                  ChannelSettingsRepository.inMemory(), new ChannelDefaults(Visibility.PUBLIC, 3))
              .questionLog(
                  new QuestionLog(database, hasher, Duration.ofDays(90), Clock.systemUTC()), hasher)
              .build();
      Origin origin = new Origin(Platform.SLACK, "T1", "C1", "U_SECRET");
      commands.ask(origin, "What is the Moscow Format?");
      commands.ask(origin, "=how do I make kabuli pulao, at home?");
      commands.ask(new Origin(Platform.SLACK, "T1", "OTHER", "U2"), "Who is Zamir Kabulov?");
    }

    Run csv = run("--config", config.toString(), "report", "--channel", "slack:T1:C1", "--csv");
    Run text = run("--config", config.toString(), "report", "--channel", "slack:T1:C1");
    Run bad = run("--config", config.toString(), "report", "--channel", "C1");

    assertThat(csv.code()).isZero();
    assertThat(csv.out().lines())
        .startsWith("section,text,article,count", "asked,,,2", "answered,,,1")
        .contains("not_answered,\"'=how do I make kabuli pulao, at home?\",,1")
        .anyMatch(l -> l.startsWith("cited_article,"))
        .anyMatch(l -> l.startsWith("cited_passage,"))
        .noneMatch(l -> l.contains("Kabulov") || l.contains("U_SECRET"));
    assertThat(text.out()).contains("Questions asked: 2 (1 answered, 1 not answered");
    assertThat(bad.code()).isEqualTo(2);
  }

  @Test
  void aChannelIsPlatformWorkspaceAndChannelOrTheConsole() {
    assertThat(ReportCli.channel("slack:T1:C2"))
        .contains(new ChannelKey(Platform.SLACK, "T1", "C2"));
    assertThat(ReportCli.channel("DISCORD:123:456"))
        .contains(new ChannelKey(Platform.DISCORD, "123", "456"));
    assertThat(ReportCli.channel("console"))
        .contains(new ChannelKey(Platform.CONSOLE, "", "console"));
    assertThat(ReportCli.channel("C2")).isEmpty();
    assertThat(ReportCli.channel("irc:a:b")).isEmpty();
  }

  private record Run(int code, String out) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
    }
  }
}
