package readingroom.bot.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Where the process's log goes. Everything logs through SLF4J to standard error ({@link LogSetup}),
 * including libraries that use {@code java.util.logging} (Lucene: "Java vector incubator API
 * enabled"), which are routed here instead of printing to the terminal on their own. A console chat
 * moves the log to a file, so the person chatting sees only the chat.
 */
final class Logging {

  static final String FILE_NAME = "readingroom.log";

  private Logging() {}

  /** Routes {@code java.util.logging} through SLF4J; call before any library logs. */
  static void routeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /**
   * Sends the log to {@code dataFolder}/readingroom.log instead of standard error, appending.
   *
   * @return the log file
   */
  static Path toFile(Path dataFolder) {
    Path file = dataFolder.resolve(FILE_NAME);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return file;
    }
    PatternLayoutEncoder encoder =
        LogSetup.encoder(
            context, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n");
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("FILE");
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    root.detachAppender("STDERR");
    return file;
  }
}
