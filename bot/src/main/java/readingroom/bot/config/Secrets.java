package readingroom.bot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets Reading Room reads, all in one place, and how: from an environment variable, or from
 * the file named by the same variable with {@code _FILE} appended (Docker and Kubernetes secrets).
 * Values are never logged, and never appear in exception messages.
 */
public final class Secrets {

  public static final String DISCORD_TOKEN = "DISCORD_TOKEN";
  public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String STATE_SALT = "READINGROOM_SALT";

  /** The Slack app's client secret, for the OAuth install flow (many workspaces). */
  public static final String SLACK_CLIENT_SECRET = "SLACK_CLIENT_SECRET";

  /** Base64 of the 32-byte key that encrypts installed workspaces' Slack tokens at rest. */
  public static final String SLACK_TOKEN_KEY = "READINGROOM_SLACK_TOKEN_KEY";

  /** The PostgreSQL password when {@code state.database} is a server's URL. */
  public static final String DB_PASSWORD = "READINGROOM_DB_PASSWORD";

  /** The OpenSearch user and password when {@code search.backend} is opensearch with security. */
  public static final String OPENSEARCH_USER = "READINGROOM_OPENSEARCH_USER";

  public static final String OPENSEARCH_PASSWORD = "READINGROOM_OPENSEARCH_PASSWORD";

  private final Map<String, String> environment;

  public Secrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static Secrets fromEnvironment() {
    return new Secrets(System.getenv());
  }

  /**
   * The secret's value, or empty when neither the variable nor its file is set.
   *
   * @throws SettingsException when {@code NAME_FILE} names a file that cannot be read
   */
  public Optional<String> get(String name) {
    String value = environment.get(name);
    if (value != null && !value.isBlank()) {
      return Optional.of(value.strip());
    }
    String file = environment.get(name + "_FILE");
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    try {
      String content = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      return content.isEmpty() ? Optional.empty() : Optional.of(content);
    } catch (IOException e) {
      throw new SettingsException(name + "_FILE names " + file + ", which cannot be read.");
    }
  }

  public boolean has(String name) {
    return get(name).isPresent();
  }
}
