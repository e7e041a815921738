package readingroom.bot.config;

/** A setting is missing or wrong; the message names the key, the file and the value seen. */
public final class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }
}
