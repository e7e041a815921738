package readingroom.bot.platform;

/** A running connection to one chat platform. */
public interface ChatPlatform extends AutoCloseable {

  /** A name for logs, e.g. "Discord". */
  String name();

  /**
   * Connects and starts serving. Returns once connected.
   *
   * @throws readingroom.bot.config.SettingsException with one clear line when a token is missing or
   *     refused
   */
  void start() throws Exception;

  /** Disconnects. */
  @Override
  void close();
}
