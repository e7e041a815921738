package readingroom.bot.slack;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import readingroom.bot.config.Settings;
import readingroom.bot.config.SettingsException;

/**
 * The {@code readingroom.slack} settings, typed and validated at start-up.
 *
 * @param mode how Slack reaches the bot
 * @param httpHost the address HTTP mode listens on (127.0.0.1 behind a proxy on this machine)
 * @param httpPort the port HTTP mode listens on (0: any free port)
 * @param httpPath the path HTTP mode serves, e.g. {@code /slack/events}
 * @param apiUrl the Web API URL prefix, ending with "/"
 * @param privateAnswers whether answers are shown only to the asker by default
 * @param admins user ids allowed to change channel settings and digests ({@code /readingroom
 *     settings}, {@code /readingroom digest})
 * @param oauth installing the app in many workspaces, or {@link OAuth#OFF} for one workspace's
 *     {@code SLACK_BOT_TOKEN}
 */
public record SlackSettings(
    Mode mode,
    String httpHost,
    int httpPort,
    String httpPath,
    String apiUrl,
    boolean privateAnswers,
    List<String> admins,
    OAuth oauth) {

  /**
   * Slack's OAuth install flow ({@code readingroom.slack.oauth}): an app distributed to many
   * workspaces, each installed from {@code installPath} and answered with its own bot token.
   *
   * @param clientId the app's client id; empty turns the flow off
   * @param scopes the bot scopes asked for, comma-separated
   * @param redirectUri the public URL Slack redirects to, ending with {@code redirectPath}; empty
   *     for the app's only configured one
   * @param installPath where a browser starts an install ({@code /slack/install})
   * @param redirectPath where Slack redirects to after the install ({@code /slack/oauth_redirect})
   * @param completionUrl where the browser goes after a successful install; empty for a plain page
   */
  public record OAuth(
      String clientId,
      String scopes,
      String redirectUri,
      String installPath,
      String redirectPath,
      String completionUrl) {

    /** The bot scopes of {@code config/slack-app-manifest.yml}, the configured default. */
    public static final String MANIFEST_SCOPES =
        "app_mentions:read,chat:write,commands,users:read,im:history,files:read,channels:history,"
            + "groups:history";

    /** One workspace, with its bot token from the environment (the defaults otherwise). */
    public static final OAuth OFF =
        new OAuth("", MANIFEST_SCOPES, "", "/slack/install", "/slack/oauth_redirect", "");

    public boolean enabled() {
      return !clientId.isEmpty();
    }

    /** The same flow with another client id (tests). */
    public OAuth withClientId(String id) {
      return new OAuth(id, scopes, redirectUri, installPath, redirectPath, completionUrl);
    }
  }

  /** Settings for one workspace's bot token (no OAuth install flow). */
  public SlackSettings(
      Mode mode,
      String httpHost,
      int httpPort,
      String httpPath,
      String apiUrl,
      boolean privateAnswers,
      List<String> admins) {
    this(mode, httpHost, httpPort, httpPath, apiUrl, privateAnswers, admins, OAuth.OFF);
  }

  /** These settings with the OAuth install flow as given. */
  public SlackSettings withOAuth(OAuth flow) {
    return new SlackSettings(
        mode, httpHost, httpPort, httpPath, apiUrl, privateAnswers, admins, flow);
  }

  /** How Slack reaches the bot. */
  public enum Mode {
    /** An outbound WebSocket: no public URL needed. */
    SOCKET,
    /** Slack posts signed requests to our HTTP port. */
    HTTP
  }

  static final String PREFIX = "readingroom.slack.";
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  public SlackSettings {
    admins = List.copyOf(admins);
  }

  /** Settings whose HTTP mode listens on this machine only (127.0.0.1). */
  public SlackSettings(
      Mode mode,
      int httpPort,
      String httpPath,
      String apiUrl,
      boolean privateAnswers,
      List<String> admins) {
    this(mode, LOOPBACK, httpPort, httpPath, apiUrl, privateAnswers, admins);
  }

  static final String LOOPBACK = "127.0.0.1";

  /**
   * Reads and checks {@code readingroom.slack}.
   *
   * @throws SettingsException naming the key, where it was set and the value seen
   */
  public static SlackSettings from(Settings settings) {
    Config slack = settings.raw().getConfig("readingroom.slack");
    String modeText = string(slack, "mode").strip().toLowerCase(Locale.ROOT);
    Mode mode =
        switch (modeText) {
          case "socket" -> Mode.SOCKET;
          case "http" -> Mode.HTTP;
          default -> throw problem(slack, "mode", "must be \"socket\" or \"http\"");
        };
    int port;
    try {
      port = slack.getInt("http.port");
    } catch (ConfigException.WrongType e) {
      throw problem(slack, "http.port", "must be a whole number from 0 to 65535");
    }
    if (port < 0 || port > 65535) {
      throw problem(slack, "http.port", "must be from 0 to 65535");
    }
    String host = string(slack, "http.host").strip();
    if (host.isEmpty() || host.contains(" ") || host.contains("/")) {
      throw problem(slack, "http.host", "must be an address, like 127.0.0.1 or 0.0.0.0");
    }
    String path = string(slack, "http.path").strip();
    if (!path.startsWith("/") || path.contains(" ")) {
      throw problem(slack, "http.path", "must be a URL path starting with \"/\"");
    }
    String apiUrl = string(slack, "api-url").strip();
    try {
      URI uri = new URI(apiUrl);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw problem(slack, "api-url", "must be an http(s) URL like https://slack.com/api/");
      }
    } catch (URISyntaxException e) {
      throw problem(slack, "api-url", "must be an http(s) URL like https://slack.com/api/");
    }
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/"; // the client appends method names directly
    }
    boolean privateAnswers;
    try {
      privateAnswers = slack.getBoolean("private-answers");
    } catch (ConfigException.WrongType e) {
      throw problem(slack, "private-answers", "must be true or false");
    }
    OAuth oauth = oauth(slack);
    if (oauth.enabled() && mode != Mode.HTTP) {
      throw problem(
          slack,
          "mode",
          "must be \"http\" when readingroom.slack.oauth.client-id is set: Slack's install"
              + " redirect and events reach the bot over HTTP");
    }
    for (String each : List.of(oauth.installPath(), oauth.redirectPath())) {
      if (each.equals(path)) {
        throw problem(slack, "http.path", "must differ from the OAuth install and redirect paths");
      }
    }
    return new SlackSettings(mode, host, port, path, apiUrl, privateAnswers, admins(slack), oauth);
  }

  private static OAuth oauth(Config slack) {
    String clientId = string(slack, "oauth.client-id").strip();
    String scopes = string(slack, "oauth.scopes").replace(" ", "").strip();
    if (!clientId.isEmpty() && scopes.isEmpty()) {
      throw problem(slack, "oauth.scopes", "must list the bot scopes, comma-separated");
    }
    String redirectUri = string(slack, "oauth.redirect-uri").strip();
    if (!redirectUri.isEmpty() && !redirectUri.startsWith("https://")) {
      throw problem(
          slack, "oauth.redirect-uri", "must be an https:// URL (Slack redirects only to those)");
    }
    String install = path(slack, "oauth.install-path");
    String redirect = path(slack, "oauth.redirect-path");
    if (install.equals(redirect)) {
      throw problem(slack, "oauth.redirect-path", "must differ from oauth.install-path");
    }
    if (!redirectUri.isEmpty() && !redirect.equals(pathOf(redirectUri))) {
      throw problem(
          slack, "oauth.redirect-uri", "must end with oauth.redirect-path (" + redirect + ")");
    }
    String completion = string(slack, "oauth.completion-url").strip();
    return new OAuth(clientId, scopes, redirectUri, install, redirect, completion);
  }

  private static String pathOf(String url) {
    try {
      return new URI(url).getPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String path(Config slack, String key) {
    String value = string(slack, key).strip();
    if (!value.startsWith("/") || value.contains(" ")) {
      throw problem(slack, key, "must be a URL path starting with \"/\"");
    }
    return value;
  }

  /** A list, or a comma-separated text (from the environment variable). */
  private static List<String> admins(Config slack) {
    ConfigValue value = slack.getValue("admins");
    List<String> ids = new ArrayList<>();
    if (value.valueType() == ConfigValueType.LIST) {
      for (ConfigValue each : slack.getList("admins")) {
        ids.add(String.valueOf(each.unwrapped()).strip());
      }
    } else if (value.valueType() == ConfigValueType.STRING) {
      for (String each : slack.getString("admins").split(",")) {
        if (!each.isBlank()) {
          ids.add(each.strip());
        }
      }
    } else {
      throw problem(slack, "admins", "must be a list of Slack user ids, like [\"U0123ABCD\"]");
    }
    for (String id : ids) {
      if (!USER_ID.matcher(id).matches()) {
        throw problem(
            slack, "admins", "must hold Slack user ids like U0123ABCD; '" + id + "' is not one");
      }
    }
    return ids;
  }

  private static String string(Config slack, String key) {
    try {
      return slack.getString(key);
    } catch (ConfigException.Missing e) {
      throw new SettingsException("Setting " + PREFIX + key + " is missing.");
    } catch (ConfigException.WrongType e) {
      throw problem(slack, key, "must be a text value");
    }
  }

  private static SettingsException problem(Config slack, String key, String wanted) {
    String where = "";
    String seen = "";
    if (slack.hasPath(key)) {
      ConfigValue value = slack.getValue(key);
      where = " (set in " + value.origin().description() + ")";
      seen = ", but is " + value.render();
    }
    return new SettingsException("Setting " + PREFIX + key + where + " " + wanted + seen + ".");
  }
}
