package readingroom.bot.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.chat.ChatCommands;
import readingroom.bot.chat.Feedback;
import readingroom.bot.chat.Origin;
import readingroom.bot.chat.Platform;
import readingroom.bot.chat.Reply;
import readingroom.index.Source;

/**
 * Translates Discord events into {@link ChatCommands} calls and their replies into messages. Every
 * interaction is acknowledged at once on JDA's event thread (Discord allows 3 seconds), then
 * searched and answered on a worker thread, which edits the acknowledgement. A failure anywhere
 * ends in a short reply with an error id that is also in the log, never in a silent timeout.
 */
final class DiscordListener extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);

  private final ChatCommands commands;
  private final DiscordRenderer renderer;
  private final RecentQuestions questions;
  private final Executor workers;
  private final boolean mentionThreads;

  DiscordListener(
      ChatCommands commands,
      DiscordRenderer renderer,
      RecentQuestions questions,
      Executor workers,
      boolean mentionThreads) {
    this.commands = commands;
    this.renderer = renderer;
    this.questions = questions;
    this.workers = workers;
    this.mentionThreads = mentionThreads;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    Origin origin = origin(event);
    switch (event.getName()) {
      case SlashCommands.ASK -> {
        String question = event.getOption(SlashCommands.QUESTION, "", OptionMapping::getAsString);
        boolean isPrivate =
            event.getOption(SlashCommands.PRIVATE, false, OptionMapping::getAsBoolean);
        event.deferReply(isPrivate).queue(null, failure("defer /ask"));
        String answerId = event.getId();
        questions.remember(answerId, question);
        work(
            "/ask",
            event.getHook(),
            () -> {
              Reply reply = commands.ask(origin, question);
              edit(event.getHook(), withButtons(answerId, reply, isPrivate));
            });
      }
      case SlashCommands.SOURCES -> {
        event.deferReply(false).queue(null, failure("defer /sources"));
        work("/sources", event.getHook(), () -> edit(event.getHook(), sourcesPage(origin, 0)));
      }
      case SlashCommands.ARTICLE -> {
        String wanted = event.getOption(SlashCommands.TITLE, "", OptionMapping::getAsString);
        event.deferReply(false).queue(null, failure("defer /article"));
        work(
            "/article",
            event.getHook(),
            () -> edit(event.getHook(), renderer.render(commands.article(origin, wanted))));
      }
      case SlashCommands.HELP ->
          event
              .reply(renderer.render(commands.help()).toCreateData())
              .setEphemeral(true)
              .queue(null, failure("reply /help"));
      default -> {
        // A command from an older registration: say so rather than let it time out.
        log.warn("Unknown slash command /{}", event.getName());
        event
            .reply(
                DiscordMessage.text("This command is no longer offered: try /help.").toCreateData())
            .setEphemeral(true)
            .queue(null, failure("reply to unknown command"));
      }
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!event.getName().equals(SlashCommands.ARTICLE)
        || !event.getFocusedOption().getName().equals(SlashCommands.TITLE)) {
      event.replyChoices(List.of()).queue(null, failure("empty autocomplete"));
      return;
    }
    Origin origin = origin(event);
    String typed = event.getFocusedOption().getValue();
    work(
        "autocomplete",
        apology -> event.replyChoices(List.of()).queue(null, failure("empty autocomplete")),
        () ->
            event
                .replyChoices(
                    choices(commands.autocompleteArticles(origin, typed, DiscordLimits.CHOICES)))
                .queue(null, failure("autocomplete")));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    var parsed = ButtonId.parse(event.getComponentId());
    if (parsed.isEmpty()) {
      event
          .reply(
              DiscordMessage.text("This button is from an older version: ask again.")
                  .toCreateData())
          .setEphemeral(true)
          .queue(null, failure("reply to unknown button"));
      return;
    }
    ButtonId button = parsed.get();
    Origin origin = origin(event);
    InteractionHook hook = event.getHook();
    switch (button.action()) {
      case MORE -> {
        boolean isPrivate = event.getMessage().isEphemeral();
        event.deferEdit().queue(null, failure("defer More"));
        work(
            "More",
            hook,
            () -> {
              var question = questions.question(button.answerId());
              if (question.isEmpty()) {
                hook.sendMessage(forgotten().toCreateData())
                    .setEphemeral(true)
                    .queue(null, failure("send forgotten"));
                return;
              }
              Reply reply = commands.ask(origin, question.get(), button.number());
              edit(hook, withButtons(button.answerId(), reply, isPrivate));
            });
      }
      case HELPFUL, NOT_HELPFUL -> {
        event.deferReply(true).queue(null, failure("defer feedback"));
        Feedback.Verdict verdict =
            button.action() == ButtonId.Action.HELPFUL
                ? Feedback.Verdict.HELPFUL
                : Feedback.Verdict.NOT_HELPFUL;
        work(
            "feedback",
            hook,
            () -> {
              String question = questions.question(button.answerId()).orElse("");
              Reply reply =
                  commands.feedback(
                      new Feedback(origin, button.answerId(), question, button.number(), verdict));
              edit(hook, renderer.render(reply));
            });
      }
      case SHARE -> {
        event.deferReply(false).queue(null, failure("defer Share"));
        work(
            "Share",
            hook,
            () -> {
              var question = questions.question(button.answerId());
              if (question.isEmpty()) {
                edit(hook, forgotten());
                return;
              }
              Reply reply = commands.ask(origin, question.get(), button.number());
              edit(hook, withButtons(button.answerId(), reply, false));
            });
      }
      case SOURCES_PAGE -> {
        event.deferEdit().queue(null, failure("defer sources page"));
        work("sources page", hook, () -> edit(hook, sourcesPage(origin, button.number())));
      }
    }
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    User self = event.getJDA().getSelfUser();
    Message message = event.getMessage();
    if (event.getAuthor().isBot()
        || event.isWebhookMessage()
        || !event.isFromGuild()
        // USER only: @everyone, @here and role mentions are not questions for the bot.
        || !message.getMentions().isMentioned(self, Message.MentionType.USER)) {
      return;
    }
    String question = withoutMention(message.getContentRaw(), self.getId());
    Origin origin =
        new Origin(
            Platform.DISCORD,
            event.getGuild().getId(),
            event.getChannel().getId(),
            event.getAuthor().getId());
    String answerId = message.getId();
    questions.remember(answerId, question);
    work(
        "mention",
        apology -> replyTo(message, apology),
        () -> {
          Reply reply = question.isEmpty() ? commands.help() : commands.ask(origin, question);
          answerMention(message, question, withButtons(answerId, reply, false));
        });
  }

  /** In a new thread on the message where allowed, else as a reply to it. */
  private void answerMention(Message message, String question, DiscordMessage answer) {
    if (!mentionThreads || !threadsAllowed(message)) {
      replyTo(message, answer);
      return;
    }
    try {
      message
          .createThreadChannel(threadName(question))
          .queue(
              thread ->
                  thread
                      .sendMessage(answer.toCreateData())
                      .queue(null, failure("answer in thread")),
              error -> {
                log.info(
                    "Could not open a thread in {}: {}",
                    message.getChannelId(),
                    error.getMessage());
                replyTo(message, answer);
              });
    } catch (RuntimeException e) {
      // JDA checks permissions and channel type before sending: the cache may know better.
      log.info("Could not open a thread in {}: {}", message.getChannelId(), e.getMessage());
      replyTo(message, answer);
    }
  }

  private void replyTo(Message message, DiscordMessage answer) {
    try {
      message
          .reply(answer.toCreateData())
          .mentionRepliedUser(false)
          .failOnInvalidReply(false)
          .queue(null, failure("reply to mention"));
    } catch (RuntimeException e) {
      // Typically InsufficientPermissionException: nowhere to answer, so only the log hears of it.
      log.warn("Cannot answer in channel {}: {}", message.getChannelId(), e.getMessage());
    }
  }

  private static boolean threadsAllowed(Message message) {
    ChannelType type = message.getChannelType();
    if (type != ChannelType.TEXT && type != ChannelType.NEWS) {
      return false;
    }
    GuildChannel channel = message.getGuildChannel();
    return message
        .getGuild()
        .getSelfMember()
        .hasPermission(
            channel, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);
  }

  static String threadName(String question) {
    String name = MentionGuard.neutralise(question.strip().replaceAll("\\s+", " "));
    if (name.isEmpty()) {
      return "Reading Room";
    }
    return name.length() <= DiscordLimits.THREAD_NAME - 10
        ? name
        : name.substring(0, DiscordLimits.THREAD_NAME - 11).strip() + "…";
  }

  /** The message text without the bot's own mention(s). */
  static String withoutMention(String content, String selfId) {
    return content
        .replaceAll("<@!?" + Pattern.quote(selfId) + ">", " ")
        .strip()
        .replaceAll("\\s+", " ");
  }

  private DiscordMessage withButtons(String answerId, Reply reply, boolean isPrivate) {
    DiscordMessage message = renderer.render(reply);
    return reply instanceof Reply.AnswerReply answer
        ? message.withRows(ReplyButtons.forAnswer(answerId, answer, isPrivate))
        : message;
  }

  private DiscordMessage sourcesPage(Origin origin, int page) {
    Reply reply = commands.sources(origin);
    if (reply instanceof Reply.SourcesReply sources) {
      int pages = renderer.sourcePages(sources);
      int shown = Math.clamp(page, 0, pages - 1);
      return renderer.sources(sources, shown).withRows(ReplyButtons.forSources(shown, pages));
    }
    return renderer.render(reply);
  }

  private static List<Command.Choice> choices(List<Source> sources) {
    List<Command.Choice> choices = new ArrayList<>();
    for (Source source : sources) {
      if (choices.size() == DiscordLimits.CHOICES) {
        break;
      }
      String name = source.title().strip().replaceAll("\\s+", " ");
      if (source.outlet() != null && !source.outlet().isBlank()) {
        name += " · " + source.outlet().strip();
      }
      if (name.length() > DiscordLimits.CHOICE_NAME) {
        name = name.substring(0, DiscordLimits.CHOICE_NAME - 1).strip() + "…";
      }
      // The id finds the article exactly; a too-long id falls back to the headline's words.
      String value = source.id().length() <= DiscordLimits.CHOICE_VALUE ? source.id() : name;
      choices.add(new Command.Choice(name, value));
    }
    return choices;
  }

  private static DiscordMessage forgotten() {
    return DiscordMessage.text(
        "I no longer remember this answer (it is old, or I restarted): please ask again.");
  }

  private static Origin origin(Interaction interaction) {
    Guild guild = interaction.getGuild();
    return new Origin(
        Platform.DISCORD,
        guild == null ? "" : guild.getId(),
        interaction.getChannelId(),
        interaction.getUser().getId());
  }

  private static void edit(InteractionHook hook, DiscordMessage message) {
    hook.editOriginal(message.toEditData()).queue(null, failure("edit reply"));
  }

  /** Runs work on a worker thread, apologising in the deferred reply if it fails. */
  private void work(String what, InteractionHook hook, Runnable work) {
    work(what, hook == null ? null : apology -> edit(hook, apology), work);
  }

  /**
   * Runs work on a worker thread. If it fails, the log gets the detail with an id and the user gets
   * the id through {@code apologise}, when there is a way to reach them.
   */
  private void work(String what, Consumer<DiscordMessage> apologise, Runnable work) {
    try {
      workers.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          String id = errorId();
          log.error("[{}] Discord {} failed", id, what, e);
          if (apologise != null) {
            apologise.accept(
                DiscordMessage.text("Sorry, something went wrong on our side (error " + id + ")."));
          }
        }
      });
    } catch (RejectedExecutionException e) {
      log.info("Discord {} dropped: shutting down", what);
    }
  }

  /** Logs a failed REST call (Discord down, missing permission, expired interaction...). */
  private static Consumer<Throwable> failure(String what) {
    return error -> log.warn("[{}] Discord {} failed: {}", errorId(), what, error.getMessage());
  }

  private static String errorId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
