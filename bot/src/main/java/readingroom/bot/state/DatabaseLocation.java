package readingroom.bot.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the state database is: an embedded SQLite file (the default, one process), or a PostgreSQL
 * server that several replicas share. Read from {@code readingroom.state.database}: a file path or
 * {@code jdbc:sqlite:PATH} selects SQLite, {@code jdbc:postgresql://...} PostgreSQL. The password
 * is never part of the location; it comes from a secret, so a URL with one is refused.
 *
 * @param file the SQLite file, or {@code null} for a server
 * @param url the PostgreSQL JDBC URL, or {@code null} for a file
 */
public record DatabaseLocation(Path file, String url) {

  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRESQL = "jdbc:postgresql:";
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("[?&]password=", Pattern.CASE_INSENSITIVE);

  public DatabaseLocation {
    if ((file == null) == (url == null)) {
      throw new IllegalArgumentException("exactly one of file and url");
    }
  }

  public static DatabaseLocation file(Path file) {
    return new DatabaseLocation(file, null);
  }

  /**
   * Reads a setting's value.
   *
   * @throws IllegalArgumentException saying what is wrong: another database than SQLite or
   *     PostgreSQL, a password in the URL, or an unreadable URL
   */
  public static DatabaseLocation parse(String text) {
    String value = text.strip();
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith(SQLITE)) {
      return file(Path.of(value.substring(SQLITE.length())));
    }
    if (lower.startsWith(POSTGRESQL)) {
      if (PASSWORD_PARAMETER.matcher(value).find() || userInfo(value) != null) {
        throw new IllegalArgumentException(
            "must not contain the password: set it in the secret READINGROOM_DB_PASSWORD (or"
                + " READINGROOM_DB_PASSWORD_FILE) and keep only user= in the URL");
      }
      return new DatabaseLocation(null, value);
    }
    if (lower.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "must be a SQLite file path or a jdbc:postgresql:// URL; other databases are not"
              + " supported");
    }
    return file(Path.of(value));
  }

  public boolean shared() {
    return url != null;
  }

  /**
   * The location for logs and messages: the file, or the URL without its parameters (a server, port
   * and database name, nothing secret).
   */
  public String describe() {
    if (file != null) {
      return file.toAbsolutePath().normalize().toString();
    }
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String userInfo(String jdbcUrl) {
    try {
      return new URI(jdbcUrl.substring("jdbc:".length())).getUserInfo();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a valid JDBC URL: " + e.getReason());
    }
  }
}
