package readingroom.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import readingroom.bot.commands.TextCommand;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;

/**
 * The slash commands: {@code /ask}, {@code /sources}, {@code /article}, {@code /compare}, {@code
 * /timeline}, {@code /cite}, {@code /discuss} and {@code /readingroom} (help, settings, digest,
 * report, or any of the others as a sub-command, for workspaces where the short names are taken).
 * Each is acknowledged at once with an empty body and answered through its {@code response_url}.
 */
final class SlashCommands {

  static final String ASK = "/ask";
  static final String SOURCES = "/sources";
  static final String ARTICLE = "/article";
  static final String COMPARE = "/compare";
  static final String TIMELINE = "/timeline";
  static final String CITE = "/cite";
  static final String DISCUSS = "/discuss";
  static final String READINGROOM = "/readingroom";

  private final Responder responder;

  SlashCommands(Responder responder) {
    this.responder = responder;
  }

  void register(App app) {
    app.command(
        ASK,
        (req, ctx) -> {
          run(req.getPayload(), TextCommand.question(req.getPayload().getText()));
          return ctx.ack();
        });
    app.command(
        SOURCES,
        (req, ctx) -> {
          run(req.getPayload(), new TextCommand(TextCommand.Kind.SOURCES, "", false));
          return ctx.ack();
        });
    app.command(
        ARTICLE,
        (req, ctx) -> {
          String words = req.getPayload().getText() == null ? "" : req.getPayload().getText();
          run(req.getPayload(), new TextCommand(TextCommand.Kind.ARTICLE, words.strip(), false));
          return ctx.ack();
        });
    command(app, COMPARE, TextCommand.Kind.COMPARE);
    command(app, TIMELINE, TextCommand.Kind.TIMELINE);
    command(app, CITE, TextCommand.Kind.CITE);
    command(app, DISCUSS, TextCommand.Kind.DISCUSS);
    app.command(
        READINGROOM,
        (req, ctx) -> {
          run(req.getPayload(), TextCommand.parse(req.getPayload().getText()));
          return ctx.ack();
        });
  }

  /** A command whose text, after an optional "private", is its one argument. */
  private void command(App app, String name, TextCommand.Kind kind) {
    app.command(
        name,
        (req, ctx) -> {
          TextCommand typed = TextCommand.question(req.getPayload().getText());
          run(req.getPayload(), new TextCommand(kind, typed.argument(), typed.privately()));
          return ctx.ack();
        });
  }

  private void run(SlashCommandPayload payload, TextCommand command) {
    Origin origin =
        new Origin(
            Platform.SLACK, payload.getTeamId(), payload.getChannelId(), payload.getUserId());
    responder.command(
        origin, command, new ReplyTarget.ResponseUrl(payload.getResponseUrl(), null), true);
  }
}
