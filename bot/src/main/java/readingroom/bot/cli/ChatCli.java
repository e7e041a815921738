package readingroom.bot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.Main;
import readingroom.bot.chat.ChatCommands;
import readingroom.bot.console.ConsoleChat;
import readingroom.bot.console.PlainTextRenderer;
import readingroom.index.Engine;

/** The default command: a console chat on the configured corpus. */
@Command(name = "chat", description = "Chat with the reading list in this terminal.")
public final class ChatCli implements Callable<Integer> {

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    try (Engine engine = Engine.open(EngineOptions.of(main.settings()))) {
      ChatCommands commands = new ChatCommands(engine, main.settings().maxQuotes());
      boolean interactive = System.console() != null;
      new ConsoleChat(commands, new PlainTextRenderer(interactive))
          .run(
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
              System.out,
              interactive);
    }
    return 0;
  }
}
