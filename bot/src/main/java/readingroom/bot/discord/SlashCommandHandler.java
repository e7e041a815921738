package readingroom.bot.discord;

import static readingroom.bot.discord.Responder.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.commands.DigestRequest;
import readingroom.bot.commands.SettingChange;
import readingroom.bot.commands.TextCommand;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Upload;
import readingroom.bot.model.Visibility;
import readingroom.bot.platform.FileDownload;
import readingroom.bot.text.Texts;
import readingroom.index.model.Source;

/**
 * {@code /ask}, {@code /sources}, {@code /article} (with its autocomplete), {@code /settings},
 * {@code /digest}, {@code /add}, {@code /compare}, {@code /timeline}, {@code /cite}, {@code
 * /discuss}, {@code /report} and {@code /help}. In a thread, {@code /ask} is a follow-up and {@code
 * /cite} cites the thread's answer; the parent channel's reading list applies. All but help are
 * deferred at once and answered by a worker; help needs no search and is answered directly.
 * Settings replies are seen only by the person who asked; changing them needs Discord's Manage
 * Channels permission in the channel.
 */
final class SlashCommandHandler {

  private static final Logger log = LoggerFactory.getLogger(SlashCommandHandler.class);

  private final Responder responder;
  private final InteractionPermissions permissions;

  SlashCommandHandler(Responder responder, InteractionPermissions permissions) {
    this.responder = responder;
    this.permissions = permissions;
  }

  void handle(SlashCommandInteractionEvent event) {
    Origin origin = Responder.origin(event);
    switch (event.getName()) {
      case SlashCommands.ASK -> {
        String question = event.getOption(SlashCommands.QUESTION, "", OptionMapping::getAsString);
        boolean askedPrivately =
            event.getOption(SlashCommands.PRIVATE, false, OptionMapping::getAsBoolean);
        // Asked before acknowledging: the acknowledgement decides who sees the answer.
        Origin asker = Responder.place(event).origin();
        boolean channelPrivate = responder.privateChannel(asker);
        boolean isPrivate =
            responder.commands.audience(asker, TextCommand.Kind.ASK, askedPrivately)
                == Visibility.PRIVATE;
        // In a thread, a follow-up to the thread's question, on the parent channel's reading list.
        Responder.Place place = Responder.place(event);
        boolean followUp = place.thread() != null;
        // Known before acknowledging too: a refusal is for the asker alone. (A follow-up takes its
        // turn as it is asked, since it may search more than once.)
        Optional<Reply> refusal =
            followUp ? Optional.empty() : responder.commands.admit(origin, question);
        if (refusal.isPresent()) {
          event
              .reply(responder.renderer.render(refusal.get()).toCreateData())
              .setEphemeral(true)
              .queue(null, failure("refuse /ask"));
          return;
        }
        // The interaction id names the answer for its buttons.
        String answerId = event.getId();
        responder.questions.remember(answerId, question);
        // The answer is in flight before Discord hears "thinking...": a stop that comes just after
        // the acknowledgement finishes it (the reply waits in JDA for the acknowledgement).
        responder.work(
            "/ask",
            event.getHook(),
            () -> {
              Reply reply =
                  followUp
                      ? responder.commands.ask(place.origin(), place.thread(), question)
                      : responder.commands.answerAdmitted(origin, question);
              responder.edit(
                  event.getHook(),
                  responder.withButtons(answerId, reply, isPrivate && !channelPrivate));
            });
        event.deferReply(isPrivate).queue(null, failure("defer /ask"));
      }
      case SlashCommands.SOURCES -> {
        event.deferReply(false).queue(null, failure("defer /sources"));
        responder.work(
            "/sources",
            event.getHook(),
            () -> responder.edit(event.getHook(), responder.sourcesPage(origin, 0)));
      }
      case SlashCommands.ARTICLE -> {
        String wanted = event.getOption(SlashCommands.TITLE, "", OptionMapping::getAsString);
        event.deferReply(false).queue(null, failure("defer /article"));
        responder.work(
            "/article",
            event.getHook(),
            () ->
                responder.edit(
                    event.getHook(),
                    responder.renderer.render(responder.commands.article(origin, wanted))));
      }
      case SlashCommands.SETTINGS -> {
        event.deferReply(true).queue(null, failure("defer /settings"));
        String subcommand = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        String list = event.getOption(SlashCommands.LIST, "", OptionMapping::getAsString);
        String answers = event.getOption(SlashCommands.ANSWERS, "", OptionMapping::getAsString);
        long count = event.getOption(SlashCommands.COUNT, 0L, OptionMapping::getAsLong);
        // Typed options go in typed; the reading list is words by nature.
        SettingChange change =
            switch (subcommand) {
              case SlashCommands.SCOPE -> new SettingChange.ReadingList(list);
              case SlashCommands.VISIBILITY ->
                  Visibility.parse(answers).map(SettingChange.Answers::new).orElse(null);
              case SlashCommands.QUOTES -> new SettingChange.Quotes(count);
              default -> null;
            };
        boolean show = subcommand.isEmpty() || subcommand.equals(SlashCommands.SHOW);
        responder.work(
            "/settings",
            event.getHook(),
            () ->
                responder.edit(
                    event.getHook(),
                    responder.renderer.render(
                        change != null
                            ? responder.commands.changeSettings(origin, canManage(event), change)
                            : show
                                ? responder.commands.settings(origin)
                                // A choice Discord should not have let through: the text form
                                // says what is wrong with it.
                                : responder.commands.settings(
                                    origin, canManage(event), "visibility " + answers))));
      }
      case SlashCommands.DIGEST -> {
        event.deferReply(true).queue(null, failure("defer /digest"));
        String subcommand = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        String time = event.getOption(SlashCommands.TIME, "", OptionMapping::getAsString);
        String zone = event.getOption(SlashCommands.TIMEZONE, "", OptionMapping::getAsString);
        String topic = event.getOption(SlashCommands.TOPIC, null, OptionMapping::getAsString);
        DigestRequest request =
            switch (subcommand) {
              case SlashCommands.SUBSCRIBE -> new DigestRequest.Subscribe(time, zone, topic);
              case SlashCommands.UNSUBSCRIBE -> new DigestRequest.Unsubscribe();
              case SlashCommands.PREVIEW -> new DigestRequest.Preview();
              default -> new DigestRequest.Status();
            };
        responder.work(
            "/digest",
            event.getHook(),
            () ->
                responder.edit(
                    event.getHook(),
                    responder.renderer.render(
                        responder.commands.digest(origin, canManage(event), request))));
      }
      case SlashCommands.ADD -> add(event, origin);
      case SlashCommands.COMPARE, SlashCommands.TIMELINE, SlashCommands.CITE -> {
        TextCommand.Kind kind =
            switch (event.getName()) {
              case SlashCommands.COMPARE -> TextCommand.Kind.COMPARE;
              case SlashCommands.TIMELINE -> TextCommand.Kind.TIMELINE;
              default -> TextCommand.Kind.CITE;
            };
        String argument =
            event.getOption(
                kind == TextCommand.Kind.COMPARE
                    ? SlashCommands.QUESTION
                    : kind == TextCommand.Kind.TIMELINE ? SlashCommands.TOPIC : SlashCommands.STYLE,
                "",
                OptionMapping::getAsString);
        boolean askedPrivately =
            event.getOption(SlashCommands.PRIVATE, false, OptionMapping::getAsBoolean);
        Responder.Place place = Responder.place(event);
        boolean isPrivate =
            responder.commands.audience(place.origin(), kind, askedPrivately) == Visibility.PRIVATE;
        event.deferReply(isPrivate).queue(null, failure("defer /" + event.getName()));
        responder.work(
            "/" + event.getName(),
            event.getHook(),
            () ->
                responder.edit(
                    event.getHook(),
                    responder.renderer.render(
                        responder.commands.run(
                            place.origin(),
                            place.thread(),
                            new TextCommand(kind, argument, askedPrivately),
                            false))));
      }
      case SlashCommands.DISCUSS -> {
        String topic = event.getOption(SlashCommands.TOPIC, "", OptionMapping::getAsString);
        Responder.Place place = Responder.place(event);
        boolean isPrivate =
            responder.commands.audience(place.origin(), TextCommand.Kind.DISCUSS, false)
                == Visibility.PRIVATE;
        event.deferReply(isPrivate).queue(null, failure("defer /discuss"));
        responder.work(
            "/discuss",
            event.getHook(),
            () ->
                responder.edit(
                    event.getHook(),
                    responder.renderer.render(responder.commands.discuss(place.origin(), topic))));
      }
      case SlashCommands.REPORT -> {
        event.deferReply(true).queue(null, failure("defer /report"));
        String period = event.getOption(SlashCommands.PERIOD, "", OptionMapping::getAsString);
        Responder.Place place = Responder.place(event);
        // On the worker: who may manage the channel comes with the interaction's raw event.
        responder.work(
            "/report",
            event.getHook(),
            () ->
                responder.edit(
                    event.getHook(),
                    responder.renderer.render(
                        responder.commands.report(place.origin(), canManage(event), period))));
      }
      case SlashCommands.HELP ->
          event
              .reply(responder.renderer.render(responder.commands.help()).toCreateData())
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

  /**
   * {@code /add}: deferred privately, then fetched, indexed and answered by a worker; the attached
   * file is downloaded from Discord's CDN by the core's limits, never before the size is checked.
   */
  private void add(SlashCommandInteractionEvent event, Origin origin) {
    event.deferReply(true).queue(null, failure("defer /add"));
    String url = event.getOption(SlashCommands.URL, "", OptionMapping::getAsString);
    Message.Attachment file =
        event.getOption(SlashCommands.FILE, null, OptionMapping::getAsAttachment);
    // On a worker: who may manage the channel comes with the interaction's raw event.
    responder.work(
        "/add",
        event.getHook(),
        () -> {
          boolean canManage = canManage(event);
          CompletableFuture<Reply> reply;
          if (file == null) {
            reply = responder.commands.addLater(origin, canManage, url);
          } else if (!url.isBlank()) {
            // Both given: the core says to give one.
            reply = responder.commands.addLater(origin, canManage, url + " " + file.getFileName());
          } else {
            Upload upload =
                new Upload(
                    file.getFileName(),
                    file.getSize(),
                    max -> FileDownload.get(file.getUrl(), null, max));
            reply = responder.commands.addLater(origin, canManage, upload);
          }
          reply.thenAccept(done ->
              responder.work(
                  "/add",
                  event.getHook(),
                  () -> responder.edit(event.getHook(), responder.renderer.render(done))));
        });
  }

  /** Headlines matching what the user has typed so far into {@code /article title:}. */
  void autocomplete(CommandAutoCompleteInteractionEvent event) {
    if (!event.getName().equals(SlashCommands.ARTICLE)
        || !event.getFocusedOption().getName().equals(SlashCommands.TITLE)) {
      event.replyChoices(List.of()).queue(null, failure("empty autocomplete"));
      return;
    }
    Origin origin = Responder.origin(event);
    String typed = event.getFocusedOption().getValue();
    responder.work(
        "autocomplete",
        apology -> event.replyChoices(List.of()).queue(null, failure("empty autocomplete")),
        () ->
            event
                .replyChoices(
                    choices(
                        responder.commands.autocompleteArticles(
                            origin, typed, DiscordLimits.CHOICES)))
                .queue(null, failure("autocomplete")));
  }

  /** "Headline · Outlet" shown, the article id sent back. */
  static List<Command.Choice> choices(List<Source> sources) {
    List<Command.Choice> choices = new ArrayList<>();
    for (Source source : sources) {
      if (choices.size() == DiscordLimits.CHOICES) {
        break;
      }
      String name = Texts.oneLine(source.title());
      if (source.outlet() != null && !source.outlet().isBlank()) {
        name += " · " + source.outlet().strip();
      }
      name = Texts.cut(name, DiscordLimits.CHOICE_NAME);
      // The id finds the article exactly; a too-long id falls back to the headline's words.
      String value = source.id().length() <= DiscordLimits.CHOICE_VALUE ? source.id() : name;
      choices.add(new Command.Choice(name, value));
    }
    return choices;
  }

  /**
   * Whether the member may change this channel's settings and digest: Manage Channels as Discord
   * resolved it for this interaction (overwrites for the member included), checked here whatever
   * the commands' default member permissions say. On a worker: it waits for the raw event.
   */
  private boolean canManage(SlashCommandInteractionEvent event) {
    return event.getMember() != null && permissions.allows(event, Permission.MANAGE_CHANNEL);
  }
}
