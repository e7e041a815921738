package readingroom.bot.cli;

import java.util.ArrayList;
import java.util.List;
import readingroom.bot.commands.ChatCommands;
import readingroom.bot.commands.CountingFeedbackSink;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.Settings;
import readingroom.bot.discord.DiscordPlatform;
import readingroom.bot.discord.DiscordSettings;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.platform.ChatPlatform;
import readingroom.bot.slack.SlackPlatform;
import readingroom.bot.slack.SlackSettings;
import readingroom.bot.slack.SlackTokenCheck;
import readingroom.bot.state.StateDatabase;

/**
 * The chat platforms this process should serve, from the secrets that are set: each adapter is
 * started only when its tokens are present (for Slack, or its OAuth install flow configured). None
 * configured means a console chat.
 */
public final class Platforms {
  private Platforms() {}

  /**
   * Whether any chat platform is configured (a token set, or Slack's OAuth install flow), so {@link
   * #configured} serves at least one.
   */
  public static boolean anyConfigured(Settings settings, Secrets secrets) {
    return secrets.has(Secrets.DISCORD_TOKEN)
        || SlackPlatform.configured(SlackSettings.from(settings), secrets);
  }

  /**
   * Asks each configured platform whether it accepts its tokens, in a second or two and before the
   * engine loads, so that a refused token or an unreachable platform is reported at once.
   *
   * @throws readingroom.bot.config.SettingsException with one line saying which token was refused,
   *     or that the platform cannot be reached
   */
  public static void checkCredentials(Settings settings, Secrets secrets) {
    var discordToken = secrets.get(Secrets.DISCORD_TOKEN);
    if (discordToken.isPresent()) {
      DiscordPlatform.checkToken(DiscordSettings.from(settings), discordToken.get());
    }
    SlackSettings slack = SlackSettings.from(settings);
    if (SlackPlatform.configured(slack, secrets)) {
      SlackTokenCheck.check(slack, secrets);
    }
  }

  /** As {@link #configured(Settings, Secrets, StateDatabase, ChatCommands)}, with no database. */
  public static List<ChatPlatform> configured(
      Settings settings, Secrets secrets, ChatCommands commands) {
    return configured(settings, secrets, null, commands);
  }

  /**
   * The platforms to serve.
   *
   * @param database where Slack keeps the request signatures it has seen (shared by replicas) and
   *     the OAuth install flow its installations; {@code null} keeps the signatures in memory and
   *     leaves the install flow off
   */
  public static List<ChatPlatform> configured(
      Settings settings, Secrets secrets, StateDatabase database, ChatCommands commands) {
    List<ChatPlatform> platforms = new ArrayList<>();
    // Button votes go to the question log, next to the question they judge; every platform's
    // votes are also counted and logged as they come.
    FeedbackSink feedback = new CountingFeedbackSink(commands.feedbackSink());
    var discordToken = secrets.get(Secrets.DISCORD_TOKEN);
    if (discordToken.isPresent()) {
      platforms.add(
          DiscordPlatform.create(
              DiscordSettings.from(settings), discordToken.get(), commands, feedback));
    }
    SlackSettings slack = SlackSettings.from(settings);
    if (database != null && SlackPlatform.configured(slack, secrets)) {
      platforms.add(SlackPlatform.create(slack, secrets, database, commands, feedback));
    } else if (secrets.has(Secrets.SLACK_BOT_TOKEN)) {
      platforms.add(SlackPlatform.create(slack, secrets, commands, feedback));
    }
    return platforms;
  }
}
