package readingroom.bot.testing;

import java.time.Clock;
import java.time.Duration;
import readingroom.bot.channel.Channels;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.digest.DigestRunner;
import readingroom.bot.digest.Digests;
import readingroom.bot.model.ChannelDefaults;
import readingroom.bot.model.Visibility;
import readingroom.bot.state.QuestionLog;
import readingroom.bot.state.SqliteChannelSettings;
import readingroom.bot.state.StateDatabase;
import readingroom.bot.state.UserHasher;
import readingroom.index.Engine;
import readingroom.index.Question;

/**
 * Commands with digests, wired as {@code readingroom.bot.cli.ChatLayer} wires them (one set of
 * channel settings for both, the question log feeding "most asked"), for the digest tests.
 */
public record DigestBot(ChatCommands commands, Digests digests) {

  public static DigestBot open(Engine engine, StateDatabase database, Clock clock) {
    UserHasher hasher = new UserHasher(new byte[32]);
    QuestionLog questionLog = new QuestionLog(database, hasher, Duration.ofDays(90), clock);
    Channels channels =
        new Channels(
            new SqliteChannelSettings(database, clock),
            new ChannelDefaults(Visibility.PUBLIC, Question.MAX_QUOTES));
    Digests digests =
        Digests.create(
            engine,
            database,
            key -> channels.effective(key).scope(),
            questionLog::mostAsked,
            DigestRunner.Options.DEFAULTS,
            clock);
    ChatCommands commands =
        ChatCommands.builder(engine)
            .channels(channels)
            .questionLog(questionLog, hasher)
            .digests(digests)
            .build();
    return new DigestBot(commands, digests);
  }
}
