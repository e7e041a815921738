package readingroom.bot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.commands.ChannelReport;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.ServingSettings;
import readingroom.bot.model.Platform;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.state.UserHasher;
import readingroom.index.Engine;

/**
 * {@code readingroom report --channel slack:T123:C456 --since 30d [--csv]}: a channel's report from
 * the question log, as {@code /report} shows it, or every row as CSV for a spreadsheet.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "report",
    description =
        "A channel's questions, coverage gaps, most cited articles and feedback, from the log.")
public final class ReportCli implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(
      names = "--channel",
      required = true,
      description =
          "PLATFORM:WORKSPACE:CHANNEL, e.g. slack:T123:C456 or discord:<server id>:<channel id>;"
              + " \"console\" for the console chat.")
  String channel;

  @Option(
      names = "--since",
      defaultValue = "",
      description = "7d (default), 30d, 24h, a day (2026-11-01), or 2026-11-01..2026-11-30.")
  String since;

  @Option(names = "--csv", description = "Print every row as CSV: section,text,article,count.")
  boolean csv;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Optional<ChannelKey> key = channel(channel);
    if (key.isEmpty()) {
      System.err.println(
          "readingroom report: --channel is PLATFORM:WORKSPACE:CHANNEL (e.g. slack:T123:C456)"
              + " or console, not \""
              + channel
              + "\".");
      return 2;
    }
    Clock clock = Clock.systemUTC();
    Optional<ChannelReport.Period> period = ChannelReport.period(since, clock.instant());
    if (period.isEmpty()) {
      System.err.println(
          "readingroom report: --since is 7d, 30d, 24h, a day (2026-11-01) or"
              + " 2026-11-01..2026-11-30, not \""
              + since
              + "\".");
      return 2;
    }
    ServingSettings serving = main.settings().serving();
    try (StateDatabase database =
            StateDatabase.open(
                serving.database(),
                serving.busyTimeout(),
                Secrets.fromEnvironment().get(Secrets.DB_PASSWORD));
        Engine engine = EngineOptions.of(main.settings()).updates(Engine.Updates.NEVER).open()) {
      QuestionLog log =
          new QuestionLog(
              database,
              UserHasher.of(Secrets.fromEnvironment().get(Secrets.STATE_SALT), database),
              serving.logRetention(),
              clock);
      ChannelReport report =
          ChannelReport.of(
              log.between(key.get(), period.get().from(), period.get().to()),
              period.get().from(),
              period.get().to(),
              engine);
      if (csv) {
        report.csv().forEach(out::println);
      } else {
        out.println(
            "Report for "
                + channel
                + ", "
                + period.get().from()
                + " to "
                + period.get().to()
                + "\n");
        ChannelReport.lines(report).forEach(out::println);
      }
      return 0;
    }
  }

  static Optional<ChannelKey> channel(String text) {
    if (text.equalsIgnoreCase("console")) {
      return Optional.of(new ChannelKey(Platform.CONSOLE, "", "console"));
    }
    String[] parts = text.split(":", 3);
    if (parts.length != 3 || parts[2].isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ChannelKey(
              Platform.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)), parts[1], parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
