package readingroom.bot.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import readingroom.bot.config.Settings;
import readingroom.bot.config.SettingsException;
import readingroom.bot.state.StateException;
import readingroom.index.Engine;
import readingroom.index.EngineException;

/** The {@code readingroom} command. With no sub-command: serve chat, or a console chat. */
@Command(
    name = "readingroom",
    mixinStandardHelpOptions = true,
    version = "Reading Room 0.1.0",
    description = "Answers questions about a reading list with verbatim, linked quotes.",
    footer = {
      "",
      "Help on a command: readingroom help COMMAND (or readingroom COMMAND --help).",
      "Tab completion in bash or zsh: source <(readingroom generate-completion)"
    },
    subcommands = {
      AskCli.class,
      IndexCli.class,
      AddCli.class,
      FeedsCli.class,
      EvalCli.class,
      ChatCli.class,
      TrainCli.class,
      BenchCli.class,
      CommandLine.HelpCommand.class,
      ReportCli.class,
      AutoComplete.GenerateCompletion.class
    })
public final class Main implements Runnable {

  @Option(
      names = {"-c", "--config"},
      description =
          "A configuration file overriding config/readingroom.conf (env READINGROOM_CONFIG).",
      scope = CommandLine.ScopeType.INHERIT)
  Path config;

  private Settings settings;

  /** The settings, loaded once on first use. */
  public Settings settings() {
    if (settings == null) {
      settings = Settings.load(config);
    }
    return settings;
  }

  @Override
  public void run() {
    // Main.run(args) always dispatches to a sub-command; "chat" is the default.
    throw new CommandLine.ParameterException(new CommandLine(this), "Missing sub-command");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Arguments that only print something: the command will not open the engine. */
  private static final Set<String> PRINT_ONLY =
      Set.of("-h", "--help", "-V", "--version", "help", "generate-completion");

  /** Whether the command may open the engine: anything but help, the version and completion. */
  private static boolean mayAnswer(String... args) {
    return Arrays.stream(args).noneMatch(PRINT_ONLY::contains);
  }

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    try {
      return execute(args);
    } finally {
      // A command that failed early must not exit under a half-loaded model.
      Engine.awaitModelLoad();
    }
  }

  private static int execute(String... args) {
    if (mayAnswer(args)) {
      Engine.startLoadingModel(); // its second overlaps the logging, settings and index setup
    }
    Logging.routeJavaUtilLogging();
    Main main = new Main();
    CommandLine commandLine = new CommandLine(main);
    // picocli hides its completion command; it is how users get tab completion, so list it.
    commandLine
        .getSubcommands()
        .get("generate-completion")
        .getCommandSpec()
        .usageMessage()
        .hidden(false);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof SettingsException
          || e instanceof EngineException
          || e instanceof StateException) {
        cmd.getErr().println("readingroom: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    if (args.length == 0
        || (args.length == 2 && ("-c".equals(args[0]) || "--config".equals(args[0])))) {
      String[] withChat = new String[args.length + 1];
      System.arraycopy(args, 0, withChat, 0, args.length);
      withChat[args.length] = "chat";
      return commandLine.execute(withChat);
    }
    return commandLine.execute(args);
  }
}
