package readingroom.bot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The log's setup, in code rather than a {@code logback.xml}: reading the XML took about a third of
 * a second of every start (the parser and logback's model classes), a tenth of the time to a first
 * answer. Found by logback through {@code META-INF/services}. A {@code
 * -Dlogback.configurationFile=...} of the user's own still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    // java.util.logging (Lucene) is routed here; this keeps its levels in step, so records below
    // the level set here are dropped before they are built.
    LevelChangePropagator propagator = new LevelChangePropagator();
    propagator.setContext(context);
    propagator.setResetJUL(true);
    propagator.start();
    context.addListener(propagator);

    // Logs go to standard error, so the JSON answers on standard output stay clean JSON.
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n"));
    stderr.start();

    // ONNX Runtime helpers probe for a GPU and warn when there is none: not worth a line.
    context.getLogger("ai.djl").setLevel(Level.ERROR);
    context
        .getLogger("readingroom")
        .setLevel(Level.toLevel(System.getenv("READINGROOM_LOG_LEVEL"), Level.INFO));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** A started encoder of log lines in {@code pattern}. */
  static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }
}
