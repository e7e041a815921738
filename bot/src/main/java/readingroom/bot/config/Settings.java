package readingroom.bot.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigResolver;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import readingroom.index.Engine;
import readingroom.index.model.OpenSearchConnection;
import readingroom.index.model.VectorFormat;

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
   * Loads the settings, with this process's environment variables.
   *
   * @param userFile the user's file, or {@code null} for READINGROOM_CONFIG or none
   * @throws SettingsException naming the key, file and value when something is wrong
   */
  public static Settings load(Path userFile) {
    return load(userFile, System.getenv());
  }

  /**
   * Loads the settings with the given environment variables. A value taken from one says so in
   * messages ("set in environment variable READINGROOM_MAX_QUOTES"), and a key the defaults do not
   * know is refused, naming its file and the closest known key.
   *
   * @param userFile the user's file, or {@code null} for READINGROOM_CONFIG or none
   * @throws SettingsException naming the key, file and value when something is wrong
   */
  public static Settings load(Path userFile, Map<String, String> environment) {
    Path file = userFile;
    if (file == null && environment.get("READINGROOM_CONFIG") != null) {
      file = Path.of(environment.get("READINGROOM_CONFIG"));
    }
    ConfigResolveOptions resolving =
        ConfigResolveOptions.defaults()
            .setUseSystemEnvironment(false)
            .appendResolver(new EnvironmentResolver(environment));
    Config config;
    Config defaults;
    try {
      defaults =
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
      // The defaults name each variable as ${?VAR}; resolved, those values carry the variable as
      // their origin. Lifted above the user's file, they override it, as the layers promise; the
      // rest resolves against the merged layers, so a user's `data` still moves `index`.
      Config resolvedDefaults = defaults.resolve(resolving);
      config =
          fromEnvironment(resolvedDefaults)
              .withFallback(user)
              .withFallback(defaults)
              .resolve(resolving);
      defaults = resolvedDefaults;
    } catch (ConfigException.Parse e) {
      throw new SettingsException("The configuration cannot be read: " + e.getMessage());
    } catch (ConfigException e) {
      throw new SettingsException("Configuration problem: " + e.getMessage());
    }
    List<String> unknown =
        UnknownKeys.describe(
            config,
            defaults.entrySet().stream().map(Map.Entry::getKey).collect(Collectors.toSet()));
    if (!unknown.isEmpty()) {
      throw new SettingsException(
          String.join(" ", unknown)
              + " Every setting is listed, with its default, in "
              + DEFAULTS_FILE
              + ".");
    }
    return from(config);
  }

  /** The resolved defaults' values that came from an environment variable, with that origin. */
  private static Config fromEnvironment(Config resolvedDefaults) {
    Config overrides = ConfigFactory.empty();
    for (Map.Entry<String, ConfigValue> entry : resolvedDefaults.entrySet()) {
      String origin = entry.getValue().origin().description();
      if (origin != null && origin.startsWith(EnvironmentResolver.ORIGIN)) {
        overrides = overrides.withValue(entry.getKey(), entry.getValue());
      }
    }
    return overrides;
  }

  /** Where a user finds every key documented. */
  static final String DEFAULTS_FILE = "config/readingroom.conf";

  /**
   * Substitutions such as {@code ${?READINGROOM_MAX_QUOTES}} from a given environment, with the
   * variable's name as the value's origin, so that messages name it.
   */
  private record EnvironmentResolver(Map<String, String> environment) implements ConfigResolver {
    static final String ORIGIN = "environment variable ";

    @Override
    public ConfigValue lookup(String path) {
      String value = environment.get(path);
      return value == null ? null : ConfigValueFactory.fromAnyRef(value, ORIGIN + path);
    }

    @Override
    public ConfigResolver withFallback(ConfigResolver fallback) {
      return new Chained(this, fallback);
    }
  }

  private record Chained(ConfigResolver first, ConfigResolver second) implements ConfigResolver {
    @Override
    public ConfigValue lookup(String path) {
      ConfigValue value = first.lookup(path);
      return value != null ? value : second.lookup(path);
    }

    @Override
    public ConfigResolver withFallback(ConfigResolver fallback) {
      return new Chained(this, fallback);
    }
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
    Settings settings =
        new Settings(
            path(root, "corpus"),
            path(root, "data"),
            path(root, "index"),
            optionalPath(root, "synonyms"),
            patterns,
            maxQuotes,
            config,
            ServingSettings.from(root, maxQuotes));
    settings.vectorFormat(); // validated at start-up, not when the engine first opens
    settings.openSearch(new Secrets(Map.of())); // the keys; credentials when the engine opens
    return settings;
  }

  /**
   * The OpenSearch cluster to index and search in ({@code search.backend = opensearch}), or null
   * for the embedded Lucene index folder.
   *
   * @throws SettingsException naming the key when the backend, address or sizes are not valid, or
   *     only one of user and password is set
   */
  public OpenSearchConnection openSearch(Secrets secrets) {
    Config root = raw.getConfig(ROOT);
    String key = "search.backend";
    String backend = root.hasPath(key) ? string(root, key).strip() : "lucene";
    if (backend.equals("lucene")) {
      return null;
    }
    if (!backend.equals("opensearch")) {
      throw problem(root, key, "must be \"lucene\" or \"opensearch\"");
    }
    String url = string(root, "search.opensearch.url").strip();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw problem(root, "search.opensearch.url", "must be an address like http://localhost:9200");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw problem(root, "search.opensearch.url", "must be an http or https address");
    }
    String user = secrets.get(Secrets.OPENSEARCH_USER).orElse(null);
    String password = secrets.get(Secrets.OPENSEARCH_PASSWORD).orElse(null);
    if ((user == null) != (password == null)) {
      throw new SettingsException(
          "Set both "
              + Secrets.OPENSEARCH_USER
              + " and "
              + Secrets.OPENSEARCH_PASSWORD
              + " for OpenSearch, or neither.");
    }
    try {
      return new OpenSearchConnection(
          uri,
          string(root, "search.opensearch.index").strip(),
          user,
          password,
          intIn(root, "search.opensearch.shards", 1, 1024),
          intIn(root, "search.opensearch.replicas", 0, 16));
    } catch (IllegalArgumentException e) {
      throw problem(root, "search.opensearch.index", "must be lower-case letters, digits, - and _");
    }
  }

  /**
   * How the index stores vectors ({@code search.vector-format}); the engine's default when a
   * configuration built in code leaves it out.
   *
   * @throws SettingsException naming the key and the value when it is not a format
   */
  public VectorFormat vectorFormat() {
    Config root = raw.getConfig(ROOT);
    String key = "search.vector-format";
    if (!root.hasPath(key)) {
      return Engine.DEFAULT_VECTOR_FORMAT;
    }
    try {
      return VectorFormat.parse(string(root, key));
    } catch (IllegalArgumentException e) {
      throw problem(root, key, "must be one of float32, int8, int4, binary");
    }
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
