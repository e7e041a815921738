package readingroom.bot.channel;

/** A settings change cannot be made as given; the message tells the user what to type instead. */
public final class InvalidSettingException extends RuntimeException {
  public InvalidSettingException(String message) {
    super(message);
  }
}
