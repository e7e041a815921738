package readingroom.bot.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.Channels;
import readingroom.bot.library.Library;
import readingroom.bot.model.ChannelManagers;
import readingroom.bot.model.Messages;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Reply;
import readingroom.bot.model.Reply.NoticeReply;
import readingroom.bot.model.Upload;
import readingroom.index.Scope;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.model.Source;

/**
 * {@code /add}: a channel manager adds an article by its web address (fetched politely) or as an
 * attached file. It joins the channel's own tag ({@link #tagOf}), and the channel's reading list is
 * widened to that tag when it is narrower, so the article is answerable here and in no other
 * channel scoped elsewhere. The reply says what was added (title, outlet, date) or why not.
 *
 * @param maxUploadBytes the largest attached file taken
 */
record AddCommand(
    Channels channels, Library library, long maxUploadBytes, Function<Origin, String> who) {

  private static final Logger log = LoggerFactory.getLogger(AddCommand.class);

  /**
   * A web address, as typed or as Slack wraps it ({@code <https://…>} or {@code <https://…|…>}).
   */
  static boolean isAddress(String text) {
    return text.strip().matches("(?i)<?https?://\\S+");
  }

  /** The tag, and corpus folder, of what a channel's managers add: one per channel. */
  static String tagOf(Origin origin) {
    String channel = origin.channel().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return switch (origin.platform()) {
      case CONSOLE -> "console";
      case DISCORD -> "discord-" + channel;
      case SLACK -> "slack-" + channel;
    };
  }

  Reply addAddress(Origin origin, boolean canManage, String text) {
    if (!canManage) {
      return refused(origin);
    }
    String address = unwrap(text);
    if (address.isEmpty()) {
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.ADD_HOW);
    }
    if (address.contains(" ")) {
      return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.ADD_ONE_AT_A_TIME);
    }
    if (isAddress(address)) {
      return joined(origin, library.addAddress(tagOf(origin), address));
    }
    // The console's operator may also name a file on this machine.
    if (origin.platform() == Platform.CONSOLE && Files.isRegularFile(Path.of(address))) {
      return joined(origin, library.addFile(tagOf(origin), Path.of(address)));
    }
    return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.ADD_HOW);
  }

  Reply addUpload(Origin origin, boolean canManage, Upload upload) {
    if (!canManage) {
      return refused(origin);
    }
    String name = safeName(upload.name());
    if (!CorpusReader.isArticleFile(Path.of(name))) {
      return notAdded(Messages.uploadNotAnArticle(upload.name()));
    }
    if (upload.declaredSize() > maxUploadBytes) {
      return notAdded(
          Messages.uploadTooLarge(
              upload.name(), megabytes(upload.declaredSize()), megabytes(maxUploadBytes)));
    }
    byte[] bytes;
    try {
      bytes = upload.content().read(maxUploadBytes);
    } catch (Upload.TooLarge e) {
      return notAdded(Messages.uploadTooLarge(upload.name(), "larger", megabytes(maxUploadBytes)));
    } catch (IOException e) {
      log.warn("Download of {} in {} failed: {}", upload.name(), origin.channel(), e.getMessage());
      return notAdded(Messages.uploadUnreadable(upload.name(), e.getMessage()));
    }
    Path folder = null;
    try {
      folder = Files.createTempDirectory("readingroom-upload");
      Path file = Files.write(folder.resolve(name), bytes);
      return joined(origin, library.addFile(tagOf(origin), file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      deleteQuietly(folder);
    }
  }

  /** Widens the channel's reading list to the new article if needed, and says what was added. */
  private Reply joined(Origin origin, Library.Outcome outcome) {
    if (outcome instanceof Library.Outcome.Refused refused) {
      return notAdded(refused.reason());
    }
    Library.Outcome.Added added = (Library.Outcome.Added) outcome;
    Source source = added.source();
    ChannelKey key = ChannelKey.of(origin);
    Scope scope = channels.effective(key).scope();
    if (!scope.admits(source)) {
      channels.update(
          key,
          chosen -> chosen.withScope(widened(chosen.scope(), source, tagOf(origin))),
          who.apply(origin));
      scope = channels.effective(key).scope();
    }
    StringBuilder text = new StringBuilder(Messages.added(describe(source)));
    if (!scope.admits(source)) {
      text.append(' ').append(Messages.ADDED_OUTSIDE_DATES);
    }
    if (source.published() == null || source.outlet() == null) {
      text.append(' ')
          .append(
              Messages.addMissing(
                  source.published() == null && source.outlet() == null
                      ? "no outlet and no date"
                      : source.published() == null ? "no date" : "no outlet"));
    }
    return new NoticeReply(NoticeReply.Kind.INFO, text.toString());
  }

  /**
   * The scope with the new article let in: its tag joins the tags, its id the ids, whichever the
   * channel narrowed by; dates are the channel's choice and stay.
   */
  static Scope widened(Scope scope, Source source, String tag) {
    Set<String> ids = new HashSet<>(scope.articleIds());
    Set<String> tags = new HashSet<>(scope.tags());
    if (!ids.isEmpty()) {
      ids.add(source.id());
    }
    if (!tags.isEmpty()) {
      tags.add(tag);
    }
    return new Scope(ids, tags, scope.from(), scope.to());
  }

  /** ""Title" — Outlet, 5 March 2024". */
  static String describe(Source source) {
    StringBuilder line = new StringBuilder("\"").append(source.title().strip()).append('"');
    if (source.outlet() != null && !source.outlet().isBlank()) {
      line.append(" — ").append(source.outlet().strip());
    }
    if (source.published() != null) {
      line.append(", ").append(source.published().display());
    }
    return line.toString();
  }

  private static Reply refused(Origin origin) {
    return ChannelManagers.refusal(origin, Messages.ADD_ACTION, Messages.ADD_INSTEAD);
  }

  private static Reply notAdded(String reason) {
    return new NoticeReply(NoticeReply.Kind.INVALID_INPUT, Messages.notAdded(reason));
  }

  private static String unwrap(String text) {
    String t = text == null ? "" : text.strip();
    if (t.startsWith("<") && t.endsWith(">")) {
      t = t.substring(1, t.length() - 1);
      int bar = t.indexOf('|');
      t = bar >= 0 ? t.substring(0, bar) : t;
    }
    return t;
  }

  /** The uploaded name as one safe file name: no folders, no leading dot. */
  static String safeName(String name) {
    String last = name == null ? "" : name.replace('\\', '/');
    last = last.substring(last.lastIndexOf('/') + 1);
    String safe = last.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return safe.isEmpty() ? "upload" : safe;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace(".0 MB", " MB");
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("Temporary upload folder {} left behind", folder, e);
    }
  }
}
