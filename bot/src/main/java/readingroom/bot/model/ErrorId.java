package readingroom.bot.model;

import java.util.UUID;

/**
 * The short id that ties a failure a user sees ({@link Messages#apology}) to its line in the log.
 * Eight hex digits: easy to quote in a chat, unique enough among a day's errors.
 */
public final class ErrorId {
  private ErrorId() {}

  public static String next() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
