package readingroom.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.File;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import readingroom.bot.commands.TextCommand;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Platform;
import readingroom.bot.model.Upload;
import readingroom.bot.platform.FileDownload;

/**
 * Mentions and direct messages; a mention saying "add" on a message with files attached adds each
 * file to the channel's reading list. A mention is answered in a thread on the message that
 * mentions the bot, and a mention in that thread is a follow-up to its question; a direct message
 * is answered in the direct message (a reply in a thread there is a follow-up too). Events are
 * acknowledged at once; an event Slack sends again (same event id) is answered only once.
 */
final class Conversations {

  /** Enough to cover Slack's retries (three, within minutes) at any realistic rate. */
  private static final int REMEMBERED_EVENTS = 2048;

  private final Responder responder;
  private final WorkspaceTokens tokens;
  private final Set<String> seenEvents =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED_EVENTS;
                }
              }));

  /**
   * @param tokens the workspaces' bot tokens, which download the files attached under "add" from
   *     their {@code url_private}
   */
  Conversations(Responder responder, WorkspaceTokens tokens) {
    this.responder = responder;
    this.tokens = tokens;
  }

  void register(App app) {
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          AppMentionEvent event = payload.getEvent();
          if (firstTime(payload.getEventId()) && event.getBotId() == null) {
            // The answer goes in a thread on the message: a mention there later is a follow-up.
            String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
            Origin origin =
                new Origin(
                    Platform.SLACK, payload.getTeamId(), event.getChannel(), event.getUser());
            TextCommand command = TextCommand.parse(event.getText());
            ReplyTarget target =
                new ReplyTarget.Conversation(event.getChannel(), thread, event.getUser());
            List<File> files = event.getFiles() == null ? List.of() : event.getFiles();
            if (command.kind() == TextCommand.Kind.ADD && !files.isEmpty()) {
              // "@Reading Room add" on a message with files: each file is an article to add.
              files.forEach(file -> responder.upload(origin, upload(origin, file), target));
            } else {
              responder.command(origin, thread, command, target, true);
            }
          }
          return ctx.ack();
        });
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          MessageEvent event = payload.getEvent();
          // Only what a person types to the bot directly: not channel chatter (mentions have
          // their own event), not edits or joins (subtypes), not other bots.
          boolean direct = "im".equals(event.getChannelType());
          if (direct
              && event.getSubtype() == null
              && event.getBotId() == null
              && firstTime(payload.getEventId())) {
            responder.command(
                new Origin(
                    Platform.SLACK, payload.getTeamId(), event.getChannel(), event.getUser()),
                event.getThreadTs(),
                TextCommand.parse(event.getText()),
                new ReplyTarget.Conversation(
                    event.getChannel(), event.getThreadTs(), event.getUser()),
                false);
          }
          return ctx.ack();
        });
  }

  /**
   * A Slack file, downloaded with its workspace's bot token (files:read) when the core asks for it.
   */
  private Upload upload(Origin origin, File file) {
    String name = file.getName() != null ? file.getName() : file.getTitle();
    String url =
        file.getUrlPrivateDownload() != null ? file.getUrlPrivateDownload() : file.getUrlPrivate();
    long size = file.getSize() == null ? -1 : file.getSize();
    return new Upload(
        name,
        size,
        max -> {
          if (url == null) {
            throw new java.io.IOException("Slack gave no address for the file");
          }
          String token =
              tokens
                  .botToken(origin.workspace())
                  .orElseThrow(() -> new java.io.IOException("the app is no longer installed"));
          return FileDownload.get(url, token, max);
        });
  }

  private boolean firstTime(String eventId) {
    return eventId == null || seenEvents.add(eventId);
  }
}
