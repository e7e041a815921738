package readingroom.bot.discord;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * @param shards which gateway shards this process runs
 */
public record DiscordSettings(
    String restUrl,
    String gatewayUrl,
    long guildId,
    boolean mentionThreads,
    int workers,
    int rememberedAnswers,
    Duration startTimeout,
    Shards shards) {

  static final String SECTION = "discord.";

  /**
   * How the bot's gateway connections are split: Discord sends each server's events to one shard,
   * shard {@code (server id >> 22) % total}, so replicas running different shards share the servers
   * between them.
   *
   * @param total how many shards the bot has in all, or 0 for Discord's recommendation
   * @param ids the shards this process runs; empty for all of them
   */
  public record Shards(int total, List<Integer> ids) {
    public static final Shards ONE = new Shards(1, List.of());

    public Shards {
      ids = List.copyOf(ids);
    }

    /** Whether this process runs every shard, so that it sees every server the bot is in. */
    public boolean runsAll() {
      return ids.isEmpty();
    }

    /** Whether this process registers the global slash commands: the one running shard 0. */
    public boolean registersGlobally() {
      return ids.isEmpty() || ids.contains(0);
    }
  }

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
        duration(root, "start-timeout"),
        shards(root));
  }

  private static Shards shards(Config root) {
    String totalKey = SECTION + "shards.total";
    String totalText = Settings.string(root, totalKey).strip();
    int total;
    if (totalText.equalsIgnoreCase("auto")) {
      total = 0;
    } else {
      try {
        total = Integer.parseInt(totalText);
      } catch (NumberFormatException e) {
        total = -1;
      }
      if (total < 1 || total > 100_000) {
        throw Settings.problem(
            root, totalKey, "must be auto or a whole number of shards, 1 or more");
      }
    }
    String idsKey = SECTION + "shards.ids";
    List<Integer> ids = new ArrayList<>();
    try {
      // A list in a file, or "0,1" from the environment.
      List<? extends Object> values =
          root.getValue(idsKey).valueType() == ConfigValueType.STRING
              ? idsText(root, idsKey)
              : root.getList(idsKey).unwrapped();
      for (Object id : values) {
        if (!(id instanceof Number number) || number.intValue() < 0) {
          throw Settings.problem(root, idsKey, "must be a list of shard numbers, like [0, 1]");
        }
        ids.add(number.intValue());
      }
    } catch (ConfigException.Missing e) {
      throw new SettingsException("Setting " + Settings.ROOT + "." + idsKey + " is missing.");
    } catch (ConfigException.WrongType e) {
      throw Settings.problem(root, idsKey, "must be a list of shard numbers, like [0, 1]");
    }
    if (!ids.isEmpty() && total == 0) {
      throw Settings.problem(
          root,
          idsKey,
          "needs a fixed shards.total: replicas can only split shards whose number they agree on");
    }
    for (int id : ids) {
      if (id >= total && total > 0) {
        throw Settings.problem(
            root,
            idsKey,
            "must hold shard numbers from 0 to " + (total - 1) + " (shards.total - 1)");
      }
    }
    return new Shards(total, ids);
  }

  private static List<Integer> idsText(Config root, String key) {
    List<Integer> ids = new ArrayList<>();
    for (String part : root.getString(key).split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        ids.add(Integer.parseInt(part.strip()));
      } catch (NumberFormatException e) {
        throw Settings.problem(
            root, key, "must be a list of shard numbers, like [0, 1] or \"0,1\"");
      }
    }
    return ids;
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
