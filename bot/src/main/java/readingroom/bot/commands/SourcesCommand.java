package readingroom.bot.commands;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.channel.ChannelKey;
import readingroom.bot.channel.Channels;
import readingroom.bot.model.Origin;
import readingroom.bot.model.Reply;
import readingroom.index.Engine;
import readingroom.index.Scope;
import readingroom.index.model.Source;

/**
 * {@code /sources}, and the headlines {@code /article}'s autocomplete offers: the channel's own.
 */
record SourcesCommand(Engine engine, Channels channels) {

  private static final Logger log = LoggerFactory.getLogger(SourcesCommand.class);

  Reply sources(Origin origin) {
    return new Reply.SourcesReply(engine.sources(scopeOf(origin)));
  }

  /** Best effort: a failure means no suggestions, never an error while someone types. */
  List<Source> autocomplete(Origin origin, String typed, int limit) {
    try {
      return engine.findSources(typed, scopeOf(origin), limit);
    } catch (RuntimeException e) {
      log.warn("Autocomplete failed in {}", origin.channel(), e);
      return List.of();
    }
  }

  private Scope scopeOf(Origin origin) {
    return channels.effective(ChannelKey.of(origin)).scope();
  }
}
