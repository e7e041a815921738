package readingroom.bot.slack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.commands.TextCommand;
import readingroom.bot.model.ErrorId;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Upload;
import readingroom.bot.model.Visibility;

/**
 * Does the slow part of every request after Bolt has acknowledged it: runs the command on a worker
 * thread, renders the reply and delivers it. A failure is logged with an id and goes no further,
 * since the request was acknowledged long ago.
 */
final class Responder {

  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  private final ChatCommands commands;
  private final BlockKitRenderer renderer;
  private final Delivery delivery;
  private final ExecutorService workers;
  private final boolean privateAnswers;
  private final Predicate<Origin> admins;

  /**
   * @param privateAnswers answers are private unless a channel's settings make them public
   * @param admins who may change a channel's settings and digest (the user, in that workspace)
   */
  Responder(
      ChatCommands commands,
      BlockKitRenderer renderer,
      Delivery delivery,
      ExecutorService workers,
      boolean privateAnswers,
      Predicate<Origin> admins) {
    this.commands = commands;
    this.renderer = renderer;
    this.delivery = delivery;
    this.workers = workers;
    this.privateAnswers = privateAnswers;
    this.admins = admins;
  }

  /**
   * Runs a typed command and delivers its reply.
   *
   * @param canBePrivate false where an ephemeral reply makes no sense (a direct message)
   */
  void command(Origin origin, TextCommand command, ReplyTarget target, boolean canBePrivate) {
    command(origin, null, command, target, canBePrivate);
  }

  /**
   * Runs a typed command in a thread ({@code thread} its ts, or null): a question there follows on
   * from the thread's earlier one.
   */
  void command(
      Origin origin, String thread, TextCommand command, ReplyTarget target, boolean canBePrivate) {
    if (command.kind() == TextCommand.Kind.ADD) {
      later(
          origin,
          canManage -> commands.addLater(origin, canManage, command.argument()),
          target,
          canBePrivate);
      return;
    }
    submit(
        origin,
        () -> commands.run(origin, thread, command, admins.test(origin)),
        target,
        message ->
            canBePrivate
                && (privateAnswers
                    || commands.audience(origin, command.kind(), command.privately())
                        == Visibility.PRIVATE
                    || message.privateByNature()));
  }

  /** A file attached under "add": added to the channel's reading list, the reply when indexed. */
  void upload(Origin origin, Upload upload, ReplyTarget target) {
    later(origin, canManage -> commands.addLater(origin, canManage, upload), target, true);
  }

  /**
   * An addition: who may add is asked on a worker (it can take a users.info call), the fetch and
   * the index update run on the library's threads, and the reply is delivered when they finish.
   */
  private void later(
      Origin origin,
      Function<Boolean, CompletableFuture<Reply>> addition,
      ReplyTarget target,
      boolean canBePrivate) {
    execute(
        origin,
        () ->
            addition
                .apply(admins.test(origin))
                .thenAccept(reply ->
                    execute(
                        origin,
                        () -> deliver(origin, renderer.render(reply), target, canBePrivate))));
  }

  /**
   * "More": the next quotes, shown as privately as the answer they follow; in a thread ({@code
   * thread} its ts), of the question as the thread asked it.
   */
  void more(
      Origin origin, String thread, Buttons.More more, ReplyTarget target, boolean privately) {
    submit(
        origin,
        () -> commands.more(origin, thread, more.question(), more.skip()),
        target,
        message -> privately || message.privateByNature());
  }

  /** "Cite": citations of the answer the button is under, for the clicker's eyes. */
  void cite(Origin origin, String thread, Buttons.More answer, ReplyTarget target) {
    submit(
        origin,
        () -> commands.citeAnswer(origin, thread, answer.question(), answer.skip()),
        target,
        message -> true);
  }

  /** Does {@code first} (e.g. record feedback), then sends a notice only the asker sees. */
  void notice(Origin origin, Runnable first, String text, ReplyTarget target) {
    execute(
        origin,
        () -> {
          try {
            first.run();
          } catch (RuntimeException e) {
            log.error("[{}] Slack action in {} failed", ErrorId.next(), origin.channel(), e);
          }
          deliver(origin, renderer.notice(text), target, true);
        });
  }

  private interface Privacy {
    boolean privately(SlackMessage message);
  }

  private void submit(Origin origin, Supplier<Reply> work, ReplyTarget target, Privacy privacy) {
    execute(
        origin,
        () -> {
          SlackMessage message;
          try {
            message = renderer.render(work.get());
          } catch (RuntimeException e) {
            // ChatCommands turns failures into notices; this is a rendering bug.
            String id = ErrorId.next();
            log.error("[{}] Slack reply for {} could not be rendered", id, origin.channel(), e);
            message = renderer.notice(Messages.apology(id));
          }
          deliver(origin, message, target, privacy.privately(message));
        });
  }

  private void execute(Origin origin, Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      log.warn("Slack request in {} dropped: shutting down", origin.channel());
    }
  }

  private void deliver(Origin origin, SlackMessage message, ReplyTarget target, boolean privately) {
    try {
      delivery.send(origin.workspace(), target, message, privately);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (WorkspaceTokens.NotInstalledException e) {
      log.info("Slack reply in {} not sent: {}", origin.channel(), e.getMessage());
    } catch (Exception e) {
      log.error(
          "[{}] Slack reply in {} could not be delivered: {}",
          ErrorId.next(),
          origin.channel(),
          e.getMessage(),
          e);
    }
  }
}
