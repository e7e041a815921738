package readingroom.bot.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.Channels;
import readingroom.bot.channel.InvalidSettingException;
import readingroom.bot.channel.ScopeText;
import readingroom.bot.model.ChannelManagers;
import readingroom.bot.model.ChannelSettings;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Visibility;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * {@code /settings}: anyone may view a channel's settings; only people the adapter says may manage
 * the channel may change them, and a refused or impossible change says why.
 */
final class SettingsCommand {

  private final Engine engine;
  private final Channels channels;
  private final Function<Origin, String> who;

  SettingsCommand(Engine engine, Channels channels, Function<Origin, String> who) {
    this.engine = engine;
    this.channels = channels;
    this.who = who;
  }

  Reply show(Origin origin) {
    return reply(origin, "");
  }

  /** The text form, for Slack and the console: {@code scope ...}, {@code visibility ...}, ... */
  Reply run(Origin origin, boolean canManage, String text) {
    String command = text == null ? "" : text.strip();
    if (command.isEmpty() || command.equalsIgnoreCase("show")) {
      return show(origin);
    }
    String[] parts = command.split("\\s+", 2);
    String argument = parts.length > 1 ? parts[1] : "";
    String setting = parts[0].toLowerCase(Locale.ROOT);
    if (!SETTINGS.contains(setting)) {
      return new NoticeReply(
          NoticeReply.Kind.INVALID_INPUT, "\"" + parts[0] + "\" is not a setting. " + usage());
    }
    // Refused before the value is checked: someone who may not change it needs no correction.
    if (!canManage) {
      return refused(origin);
    }
    SettingChange change =
        switch (setting) {
          case "visibility" ->
              new SettingChange.Answers(
                  Visibility.parse(argument)
                      .orElseThrow(() ->
                          new InvalidSettingException(
                              "Answers can be public or private, e.g. "
                                  + PREFIX
                                  + " visibility private.")));
          case "quotes", "max-quotes" -> new SettingChange.Quotes(quoteCount(argument));
          default -> new SettingChange.ReadingList(argument);
        };
    return change(origin, true, change);
  }

  private static final Set<String> SETTINGS =
      Set.of("scope", "reading-list", "list", "visibility", "quotes", "max-quotes");

  /** Checks and saves one change, or says why it was refused. */
  Reply change(Origin origin, boolean canManage, SettingChange change) {
    if (!canManage) {
      return refused(origin);
    }
    return switch (change) {
      case SettingChange.ReadingList list -> setScope(origin, ScopeText.parse(list.text()));
      case SettingChange.Answers answers -> setVisibility(origin, answers.visibility());
      case SettingChange.Quotes quotes -> setMaxQuotes(origin, quotes.count());
    };
  }

  private Reply setScope(Origin origin, Scope scope) {
    check(scope);
    return change(
        origin,
        s -> s.withScope(scope),
        "Saved: this channel's reading list is now " + ScopeText.describe(scope) + ".");
  }

  private Reply setVisibility(Origin origin, Visibility visibility) {
    Objects.requireNonNull(visibility, "visibility");
    return change(
        origin,
        s -> s.withVisibility(visibility),
        "Saved: answers are now " + visibilityWords(visibility) + ".");
  }

  private Reply setMaxQuotes(Origin origin, long maxQuotes) {
    if (maxQuotes < 1 || maxQuotes > Question.MAX_QUOTES) {
      throw new InvalidSettingException(
          "An answer can show 1 to " + Question.MAX_QUOTES + " quotes, not " + maxQuotes + ".");
    }
    return change(
        origin,
        s -> s.withMaxQuotes((int) maxQuotes),
        "Saved: answers now show up to " + maxQuotes + (maxQuotes == 1 ? " quote." : " quotes."));
  }

  private Reply change(Origin origin, UnaryOperator<ChannelSettings> change, String saved) {
    channels.update(ChannelKey.of(origin), change, who.apply(origin));
    return reply(origin, saved);
  }

  /** Refuses a reading list that names unknown articles or tags, or admits no article at all. */
  private void check(Scope scope) {
    for (String id : new TreeSet<>(scope.articleIds())) {
      if (engine.source(id).isEmpty()) {
        throw new InvalidSettingException(
            "No article has the id \""
                + id
                + "\". Article ids are shown by /article <headline words>.");
      }
    }
    if (!scope.tags().isEmpty()) {
      Set<String> known = new TreeSet<>();
      engine.sources(Scope.all()).forEach(s -> known.addAll(s.tags()));
      for (String tag : new TreeSet<>(scope.tags())) {
        if (!known.contains(tag)) {
          throw new InvalidSettingException(
              "No article is tagged \""
                  + tag
                  + "\". "
                  + (known.isEmpty()
                      ? "No article has tags yet."
                      : "The tags are: " + String.join(", ", known) + "."));
        }
      }
    }
    if (engine.sources(scope).isEmpty()) {
      throw new InvalidSettingException(
          "That reading list would hold no article ("
              + ScopeText.describe(scope)
              + "), so nothing could be asked. Nothing was changed.");
    }
  }

  private Reply reply(Origin origin, String change) {
    ChannelSettings.Effective settings = channels.effective(ChannelKey.of(origin));
    List<Source> admitted = engine.sources(settings.scope());
    List<String> lines = new ArrayList<>();
    lines.add(
        "Reading list: "
            + ScopeText.describe(settings.scope())
            + " ("
            + admitted.size()
            + (admitted.size() == 1 ? " article)" : " articles)"));
    lines.add(
        "Answers: "
            + visibilityWords(settings.visibility())
            + (settings.visibilityIsDefault() ? " (default)" : ""));
    lines.add(
        "Quotes per answer: "
            + settings.maxQuotes()
            + (settings.maxQuotesIsDefault() ? " (default)" : ""));
    lines.add(usage());
    return new Reply.SettingsReply(settings, change, lines);
  }

  static NoticeReply refused(Origin origin) {
    return ChannelManagers.refusal(
        origin, "change this channel's settings", "Anyone can view them with " + PREFIX + ".");
  }

  private static String usage() {
    String p = PREFIX;
    return "To change them, if you manage this channel: "
        + p
        + " scope <all | articles <ids> | tags <tags> | dates <from>..<to>>, "
        + p
        + " visibility <public | private>, "
        + p
        + " quotes <1-3>.";
  }

  /** The command in its short form; an adapter that spells it otherwise rewrites it. */
  private static final String PREFIX = "/settings";

  private static String visibilityWords(Visibility visibility) {
    return visibility == Visibility.PUBLIC
        ? "public (shown to the whole channel)"
        : "private (shown only to the person who asked)";
  }

  private static int quoteCount(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(
          "Give the number of quotes per answer, 1 to " + Question.MAX_QUOTES + ".");
    }
  }
}
