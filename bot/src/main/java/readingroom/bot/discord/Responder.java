package readingroom.bot.discord;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.commands.TextCommand;
import readingroom.bot.model.ErrorId;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Visibility;

/**
 * What the event handlers share: the commands, the feedback sink, the renderer, the remembered
 * questions, and the worker threads that search and answer off JDA's event thread. A failure on a
 * worker ends in a short apology with an error id that is also in the log, never in a silent
 * timeout.
 */
final class Responder {

  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  final ChatCommands commands;
  final FeedbackSink feedback;
  final DiscordRenderer renderer;
  final RecentQuestions questions;
  private final Executor workers;
  private final InFlightReplies replies;

  Responder(
      ChatCommands commands,
      FeedbackSink feedback,
      DiscordRenderer renderer,
      RecentQuestions questions,
      Executor workers,
      InFlightReplies replies) {
    this.commands = commands;
    this.feedback = feedback;
    this.renderer = renderer;
    this.questions = questions;
    this.workers = workers;
    this.replies = replies;
  }

  /** Runs work on a worker thread, apologising in the deferred reply if it fails. */
  void work(String what, InteractionHook hook, Runnable work) {
    work(what, apology -> edit(hook, apology), work);
  }

  /**
   * Runs work on a worker thread. If it fails, the log gets the detail with an id, and the user
   * gets the id through {@code apologise}.
   */
  void work(String what, Consumer<DiscordMessage> apologise, Runnable work) {
    try {
      workers.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          String id = ErrorId.next();
          log.error("[{}] Discord {} failed", id, what, e);
          apologise.accept(DiscordMessage.text(Messages.apology(id)));
        }
      });
    } catch (RejectedExecutionException e) {
      // Acknowledged but not answered: say so rather than leave "thinking..." to time out.
      log.info("Discord {} dropped: shutting down", what);
      apologise.accept(DiscordMessage.text(Messages.STOPPING));
    }
  }

  /** Replaces the deferred (or clicked) message. */
  void edit(InteractionHook hook, DiscordMessage message) {
    replies.send(hook.editOriginal(message.toEditData()), "edit reply");
  }

  /**
   * The reply rendered, with the buttons an answer gets.
   *
   * @param shareable whether to offer "Share to channel"
   */
  DiscordMessage withButtons(String answerId, Reply reply, boolean shareable) {
    DiscordMessage message = renderer.render(reply);
    return reply instanceof Reply.AnswerReply answer
        ? message.withRows(ReplyButtons.forAnswer(answerId, answer, shareable))
        : message;
  }

  /** Whether the channel's settings keep answers to the person who asked. */
  boolean privateChannel(Origin origin) {
    return commands.audience(origin, TextCommand.Kind.ASK, false) == Visibility.PRIVATE;
  }

  /** A page of {@code /sources}, with "Previous" / "Next" when there are several. */
  DiscordMessage sourcesPage(Origin origin, int page) {
    Reply reply = commands.sources(origin);
    if (reply instanceof Reply.SourcesReply sources) {
      int pages = renderer.sourcePages(sources);
      int shown = Math.clamp(page, 0, pages - 1);
      return renderer.sources(sources, shown).withRows(ReplyButtons.forSources(shown, pages));
    }
    return renderer.render(reply);
  }

  /**
   * Where an interaction happened: in a thread, the origin is the thread's parent channel (whose
   * reading list and settings apply) and {@code thread} the thread's id; elsewhere, the channel and
   * no thread.
   */
  record Place(Origin origin, String thread) {}

  static Place place(Interaction interaction) {
    Origin origin = origin(interaction);
    if (interaction.getChannel() instanceof ThreadChannel thread) {
      return new Place(
          new Origin(
              origin.platform(),
              origin.workspace(),
              thread.getParentChannel().getId(),
              origin.user()),
          thread.getId());
    }
    return new Place(origin, null);
  }

  static Origin origin(Interaction interaction) {
    Guild guild = interaction.getGuild();
    return new Origin(
        Platform.DISCORD,
        guild == null ? "" : guild.getId(),
        interaction.getChannelId(),
        interaction.getUser().getId());
  }

  /** Logs a failed REST call (Discord down, a missing permission, an expired interaction...). */
  static Consumer<Throwable> failure(String what) {
    return error ->
        log.warn("[{}] Discord {} failed: {}", ErrorId.next(), what, error.getMessage());
  }
}
