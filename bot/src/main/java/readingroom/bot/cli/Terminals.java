package readingroom.bot.cli;

import java.io.Console;

/** Whether the process talks to a person at a terminal, for output that redraws itself. */
final class Terminals {

  private Terminals() {}

  /** True at a terminal; false in a pipe, a file, a CI log or a test. */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Since JDK 22 System.console() is there even when redirected, and isTerminal() tells.
      return (boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console at all means a terminal
    }
  }
}
