package readingroom.bot.commands;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.InvalidSettingException;
import readingroom.bot.metrics.ChatMetrics;
import readingroom.bot.metrics.ChatMetrics.ErrorKind;
import readingroom.bot.model.ErrorId;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.state.StateException;
import readingroom.index.EngineException;
import readingroom.index.InvalidQuestionException;

/**
 * What every command shares around its work: bad input becomes a short notice, and a failure
 * becomes an apology with an id that is also in the log, never a stack trace in chat. Each failure
 * is counted by kind.
 */
final class Guard {

  // Logged as the commands: one logger for what the commands did, whichever part did it.
  private static final Logger log = LoggerFactory.getLogger(ChatCommands.class);

  private final ChatMetrics metrics;

  Guard(ChatMetrics metrics) {
    this.metrics = metrics;
  }

  Reply run(Origin origin, Supplier<Reply> work) {
    try {
      return work.get();
    } catch (InvalidQuestionException | InvalidSettingException e) {
      metrics.error(ErrorKind.INVALID_INPUT);
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, e.getMessage());
    } catch (EngineException e) {
      metrics.error(ErrorKind.ENGINE);
      String id = ErrorId.next();
      log.error(
          "[{}] engine error for {} in {}: {}",
          id,
          origin.platform(),
          origin.channel(),
          e.getMessage(),
          e);
      return new NoticeReply(NoticeReply.Kind.ERROR, Messages.engineUnavailable(id));
    } catch (StateException e) {
      metrics.error(ErrorKind.DATABASE);
      String id = ErrorId.next();
      log.error(
          "[{}] state database error for {} in {}", id, origin.platform(), origin.channel(), e);
      return new NoticeReply(NoticeReply.Kind.ERROR, Messages.settingsUnavailable(id));
    } catch (RuntimeException e) {
      metrics.error(ErrorKind.INTERNAL);
      String id = ErrorId.next();
      log.error("[{}] failed for {} in {}", id, origin.platform(), origin.channel(), e);
      return new NoticeReply(NoticeReply.Kind.ERROR, Messages.apology(id));
    }
  }
}
