package readingroom.bot.discord;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import readingroom.bot.config.Settings;
import readingroom.bot.config.SettingsException;

/**
 * The {@code readingroom.discord} section of the configuration, validated once at start-up.
 *
 * @param restUrl Discord's REST API base URL, ending in "/"
 * @param gatewayUrl Discord's gateway WebSocket URL
 * @param guildId the server to register commands in, or 0 to register them globally
 * @param mentionThreads whether mentions are answered in a thread on the message
 * @param workers threads that search and answer
 * @param rememberedAnswers how many recent answers the buttons can continue
 * @param startTimeout how long start-up waits for the gateway
 */
public record DiscordSettings(
    String restUrl,
    String gatewayUrl,
    long guildId,
    boolean mentionThreads,
    int workers,
    int rememberedAnswers,
    Duration startTimeout) {

  static final String SECTION = "discord.";

  /** Reads and checks the section; every problem names the key and the value seen. */
  public static DiscordSettings from(Settings settings) {
    return from(settings.raw().getConfig(Settings.ROOT));
  }

  static DiscordSettings from(Config root) {
    String rest = url(root, "rest-url", "http");
    String gateway = url(root, "gateway-url", "ws");
    String guild = Settings.string(root, SECTION + "guild-id").strip();
    long guildId = 0;
    if (!guild.isEmpty()) {
      try {
        guildId = Long.parseUnsignedLong(guild);
      } catch (NumberFormatException e) {
        throw Settings.problem(
            root,
            SECTION + "guild-id",
            "must be a server id (a number like 1234567890123456789) or empty");
      }
    }
    return new DiscordSettings(
        rest.endsWith("/") ? rest : rest + "/",
        gateway,
        guildId,
        bool(root, "mention-threads"),
        Settings.intIn(root, SECTION + "workers", 1, 32),
        Settings.intIn(root, SECTION + "remembered-answers", 100, 1_000_000),
        duration(root, "start-timeout"));
  }

  /** Whether commands are registered in one server rather than globally. */
  public boolean registersInGuild() {
    return guildId != 0;
  }

  private static String url(Config root, String key, String scheme) {
    String value = Settings.string(root, SECTION + key).strip();
    String wanted =
        "must be an absolute " + scheme + ":// or " + scheme + "s:// URL, like the default";
    try {
      URI uri = new URI(value);
      String seen = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(seen.equals(scheme) || seen.equals(scheme + "s")) || uri.getHost() == null) {
        throw Settings.problem(root, SECTION + key, wanted);
      }
    } catch (URISyntaxException e) {
      throw Settings.problem(root, SECTION + key, wanted);
    }
    return value;
  }

  private static boolean bool(Config root, String key) {
    try {
      return root.getBoolean(SECTION + key);
    } catch (ConfigException.Missing e) {
      throw new SettingsException(
          "Setting " + Settings.ROOT + "." + SECTION + key + " is missing.");
    } catch (ConfigException.WrongType e) {
      throw Settings.problem(root, SECTION + key, "must be true or false");
    }
  }

  private static Duration duration(Config root, String key) {
    Duration value;
    try {
      value = root.getDuration(SECTION + key);
    } catch (ConfigException.Missing e) {
      throw new SettingsException(
          "Setting " + Settings.ROOT + "." + SECTION + key + " is missing.");
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      throw Settings.problem(root, SECTION + key, "must be a duration like 60s or 2m");
    }
    if (value.isNegative() || value.isZero()) {
      throw Settings.problem(root, SECTION + key, "must be longer than zero");
    }
    return value;
  }
}
