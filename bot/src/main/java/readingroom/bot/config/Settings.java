package readingroom.bot.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every setting of Reading Room, typed and validated once at start-up. Layers, last wins: the
 * commented default {@code readingroom.conf} bundled in the jar (a copy of {@code
 * config/readingroom.conf}), the user's file, then environment variables named in the default.
 *
 * @param raw the merged configuration, for settings other modules read (chat adapters)
 * @param serving channel defaults, state database, cache, limits, question log and metrics
 */
public record Settings(
    Path corpus,
    Path data,
    Path index,
    Path synonyms,
    List<Pattern> extraDropPatterns,
    int maxQuotes,
    Config raw,
    ServingSettings serving) {

  /** Settings whose serving part is read from {@code raw}. */
  public Settings(
      Path corpus,
      Path data,
      Path index,
      Path synonyms,
      List<Pattern> extraDropPatterns,
      int maxQuotes,
      Config raw) {
    this(
        corpus,
        data,
        index,
        synonyms,
        extraDropPatterns,
        maxQuotes,
        raw,
        ServingSettings.from(raw.getConfig(ROOT), maxQuotes));
  }

  static final String DEFAULTS = "readingroom.conf";

  /** The root of every key: adapters read {@code raw().getConfig(Settings.ROOT)}. */
  public static final String ROOT = "readingroom";

  /**
   * Loads the settings.
   *
   * @param userFile the user's file, or {@code null} for READINGROOM_CONFIG or none
   * @throws SettingsException naming the key, file and value when something is wrong
   */
  public static Settings load(Path userFile) {
    Path file = userFile;
    if (file == null && System.getenv("READINGROOM_CONFIG") != null) {
      file = Path.of(System.getenv("READINGROOM_CONFIG"));
    }
    Config config;
    try {
      Config defaults =
          ConfigFactory.parseResources(
              Settings.class.getClassLoader(),
              DEFAULTS,
              ConfigParseOptions.defaults().setAllowMissing(false));
      Config user = ConfigFactory.empty();
      if (file != null) {
        if (!Files.isRegularFile(file)) {
          throw new SettingsException("The configuration file " + file + " does not exist.");
        }
        user =
            ConfigFactory.parseFile(
                file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      }
      config = user.withFallback(defaults).resolve();
    } catch (ConfigException.Parse e) {
      throw new SettingsException("The configuration cannot be read: " + e.getMessage());
    } catch (ConfigException e) {
      throw new SettingsException("Configuration problem: " + e.getMessage());
    }
    return from(config);
  }

  static Settings from(Config config) {
    Config root = config.getConfig(ROOT);
    int maxQuotes = intIn(root, "answers.max-quotes", 1, 3);
    List<Pattern> patterns = new ArrayList<>();
    for (ConfigValue value : list(root, "cleaning.extra-drop-patterns")) {
      String regex = String.valueOf(value.unwrapped());
      try {
        patterns.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw problem(
            root,
            "cleaning.extra-drop-patterns",
            "'" + regex + "' is not a valid regular expression: " + e.getDescription());
      }
    }
    return new Settings(
        path(root, "corpus"),
        path(root, "data"),
        path(root, "index"),
        optionalPath(root, "synonyms"),
        patterns,
        maxQuotes,
        config,
        ServingSettings.from(root, maxQuotes));
  }

  private static List<ConfigValue> list(Config root, String key) {
    try {
      return root.getList(key);
    } catch (ConfigException.WrongType e) {
      throw problem(root, key, "must be a list, like [\"pattern one\", \"pattern two\"]");
    }
  }

  /** A path that may be left empty: {@code null} then. */
  private static Path optionalPath(Config root, String key) {
    String value = string(root, key);
    return value.isBlank() ? null : Path.of(value);
  }

  private static Path path(Config root, String key) {
    String value = string(root, key);
    if (value.isBlank()) {
      throw problem(root, key, "must not be empty");
    }
    return Path.of(value);
  }

  /**
   * The text value at {@code key} under {@code readingroom}; public so that adapters read their own
   * section with the same messages.
   */
  public static String string(Config root, String key) {
    try {
      return root.getString(key);
    } catch (ConfigException.Missing e) {
      throw new SettingsException("Setting " + ROOT + "." + key + " is missing.");
    } catch (ConfigException.WrongType e) {
      throw problem(root, key, "must be a text value");
    }
  }

  /** A whole number at {@code key} from {@code min} to {@code max}, or a message saying so. */
  public static int intIn(Config root, String key, int min, int max) {
    int value;
    try {
      value = root.getInt(key);
    } catch (ConfigException.Missing e) {
      throw new SettingsException("Setting " + ROOT + "." + key + " is missing.");
    } catch (ConfigException.WrongType e) {
      throw problem(root, key, "must be a whole number from " + min + " to " + max);
    }
    if (value < min || value > max) {
      throw problem(root, key, "must be from " + min + " to " + max);
    }
    return value;
  }

  /** A message naming the key, where it was set, the value seen and what is wanted. */
  public static SettingsException problem(Config root, String key, String wanted) {
    String where = "";
    String seen = "";
    if (root.hasPath(key)) {
      ConfigValue value = root.getValue(key);
      where = " (set in " + value.origin().description() + ")";
      seen = ", but is " + value.render();
    }
    return new SettingsException("Setting " + ROOT + "." + key + where + " " + wanted + seen + ".");
  }
}
