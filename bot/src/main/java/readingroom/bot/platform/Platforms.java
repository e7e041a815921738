package readingroom.bot.platform;

import java.util.ArrayList;
import java.util.List;
import readingroom.bot.chat.ChatCommands;
import readingroom.bot.chat.FeedbackSink;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.Settings;
import readingroom.bot.slack.SlackPlatform;
import readingroom.bot.slack.SlackSettings;

/**
 * The chat platforms this process should serve, from the secrets that are set: each adapter is
 * started only when its tokens are present. None configured means a console chat.
 */
public final class Platforms {
  private Platforms() {}

  public static List<ChatPlatform> configured(
      Settings settings, Secrets secrets, ChatCommands commands) {
    List<ChatPlatform> platforms = new ArrayList<>();
    // Button votes go to the question log, next to the question they judge.
    FeedbackSink feedback = commands.feedbackSink();
    if (secrets.has(Secrets.SLACK_BOT_TOKEN)) {
      platforms.add(
          SlackPlatform.create(SlackSettings.from(settings), secrets, commands, feedback));
    }
    return platforms;
  }
}
