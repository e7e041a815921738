package readingroom.bot.commands;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.InvalidSettingException;
import readingroom.bot.digest.DigestComposer;
import readingroom.bot.digest.DigestSchedule;
import readingroom.bot.digest.Subscription;
import readingroom.bot.digest.Subscriptions;
import readingroom.bot.model.ChannelManagers;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.text.Texts;

/**
 * {@code /digest}: anyone may see a channel's digest status and preview the next digest; only
 * people who may change the channel's settings may subscribe or unsubscribe it.
 */
final class DigestCommand {

  /** Longest topic kept: a few words to match passages to, not an essay. */
  static final int MAX_TOPIC_CHARS = 200;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' HH:mm zzz", Locale.ENGLISH);

  private final Subscriptions subscriptions;
  private final DigestComposer composer;
  private final Function<Origin, String> who;

  /**
   * @param who what to record as the person who changed a subscription (a salted hash)
   */
  DigestCommand(
      Subscriptions subscriptions, DigestComposer composer, Function<Origin, String> who) {
    this.subscriptions = subscriptions;
    this.composer = composer;
    this.who = who;
  }

  /**
   * The text form, for Slack and the console: {@code subscribe <HH:MM> <zone> [topic words]},
   * {@code unsubscribe}, {@code status} (also empty), {@code preview}. Discord-style {@code time:},
   * {@code timezone:} and {@code topic:} prefixes are accepted too.
   */
  Reply run(Origin origin, boolean canManage, String text) {
    String command = text == null ? "" : text.strip();
    String[] parts = command.split("\\s+", 2);
    String argument = parts.length > 1 ? parts[1] : "";
    DigestRequest request =
        switch (parts[0].toLowerCase(Locale.ROOT)) {
          case "", "status" -> new DigestRequest.Status();
          case "preview" -> new DigestRequest.Preview();
          case "unsubscribe", "stop" -> new DigestRequest.Unsubscribe();
          case "subscribe", "start" -> {
            String[] words = argument.isBlank() ? new String[0] : argument.strip().split("\\s+", 3);
            if (words.length < 2) {
              yield null;
            }
            yield new DigestRequest.Subscribe(
                unprefixed(words[0], "time:"),
                unprefixed(words[1], "timezone:"),
                words.length > 2 ? unprefixed(words[2], "topic:") : null);
          }
          default -> null;
        };
    if (request == null
        && !parts[0].equalsIgnoreCase("subscribe")
        && !parts[0].equalsIgnoreCase("start")) {
      return new NoticeReply(
          NoticeReply.Kind.INVALID_INPUT,
          "\"" + Texts.cut(parts[0], 40) + "\" is not a digest command. " + usage());
    }
    if (request == null) {
      return new NoticeReply(
          NoticeReply.Kind.INVALID_INPUT,
          "Give a time and a time zone, e.g. " + PREFIX + " subscribe 08:00 Europe/Berlin.");
    }
    return run(origin, canManage, request);
  }

  /** Does what was asked; subscribing and unsubscribing need {@code canManage}. */
  Reply run(Origin origin, boolean canManage, DigestRequest request) {
    return switch (request) {
      case DigestRequest.Subscribe s -> subscribe(origin, canManage, s.time(), s.zone(), s.topic());
      case DigestRequest.Unsubscribe u -> unsubscribe(origin, canManage);
      case DigestRequest.Status st -> status(origin);
      case DigestRequest.Preview p -> preview(origin);
    };
  }

  /**
   * Subscribes the channel to a daily digest at {@code time} in {@code zone}, about {@code topic}.
   */
  private Reply subscribe(
      Origin origin, boolean canManage, String time, String zone, String topic) {
    if (!canManage) {
      return refused(origin);
    }
    DigestSchedule schedule = DigestSchedule.parse(time, zone);
    String cleanTopic = topic == null || topic.isBlank() ? null : topic.strip();
    if (cleanTopic != null && cleanTopic.length() > MAX_TOPIC_CHARS) {
      throw new InvalidSettingException(
          "A topic is a few words, at most " + MAX_TOPIC_CHARS + " characters.");
    }
    Subscription s =
        subscriptions.subscribe(ChannelKey.of(origin), schedule, cleanTopic, who.apply(origin));
    return new NoticeReply(
        NoticeReply.Kind.INFO,
        "Saved: this channel gets a digest every day at "
            + schedule.timeText()
            + " "
            + schedule.zone().getId()
            + (cleanTopic == null ? "" : ", with passages about \"" + cleanTopic + "\"")
            + ". The first comes "
            + when(subscriptions.nextPost(s), s)
            + ".");
  }

  private Reply unsubscribe(Origin origin, boolean canManage) {
    if (!canManage) {
      return refused(origin);
    }
    boolean had = subscriptions.unsubscribe(ChannelKey.of(origin));
    return new NoticeReply(
        NoticeReply.Kind.INFO,
        had
            ? "Saved: this channel no longer gets a daily digest."
            : "This channel had no daily digest; nothing changed.");
  }

  private Reply status(Origin origin) {
    var found = subscriptions.find(ChannelKey.of(origin));
    if (found.isEmpty()) {
      return new NoticeReply(NoticeReply.Kind.INFO, "This channel has no daily digest. " + usage());
    }
    Subscription s = found.get();
    List<String> lines = new ArrayList<>();
    lines.add(
        "Daily digest at "
            + s.schedule().timeText()
            + " "
            + s.schedule().zone().getId()
            + (s.topic() == null ? "" : ", with passages about \"" + s.topic() + "\"")
            + ".");
    if (s.paused()) {
      lines.add(
          "Paused: the bot could not post here ("
              + s.pausedReason()
              + "). Subscribe again to resume.");
    } else {
      lines.add("Next digest: " + when(subscriptions.nextPost(s), s) + ".");
    }
    lines.add(usage());
    return new NoticeReply(NoticeReply.Kind.INFO, String.join("\n", lines));
  }

  /** The next digest, for the person who asked only; nothing is recorded. */
  private Reply preview(Origin origin) {
    Reply.DigestReply digest = composer.preview(ChannelKey.of(origin));
    if (digest.isEmpty()) {
      return new NoticeReply(
          NoticeReply.Kind.NOT_FOUND,
          "The next digest would be empty (no new articles, no passage, no questions), so it would"
              + " not be posted.");
    }
    return digest;
  }

  private String when(Instant at, Subscription s) {
    if (!at.isAfter(subscriptions.clock().instant())) {
      return "now (due within the next minute)";
    }
    return "on " + WHEN.format(ZonedDateTime.ofInstant(at, s.schedule().zone()));
  }

  static NoticeReply refused(Origin origin) {
    return ChannelManagers.refusal(
        origin,
        "subscribe or unsubscribe this channel",
        "Anyone can see the status with "
            + PREFIX
            + " status, or preview the next digest with "
            + PREFIX
            + " preview.");
  }

  private static String usage() {
    String p = PREFIX;
    return "Commands: "
        + p
        + " subscribe <HH:MM> <time zone> [topic], "
        + p
        + " unsubscribe, "
        + p
        + " status, "
        + p
        + " preview.";
  }

  /** The command in its short form; an adapter that spells it otherwise rewrites it. */
  private static final String PREFIX = "/digest";

  private static String unprefixed(String word, String prefix) {
    return word.regionMatches(true, 0, prefix, 0, prefix.length())
        ? word.substring(prefix.length())
        : word;
  }
}
