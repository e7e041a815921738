package readingroom.bot.digest;

/** What became of a channel's day. */
public enum SlotState {
  /** Taken by a process that is composing or posting it (or was, and may have died). */
  CLAIMED,
  /** The digest reached the channel. */
  POSTED,
  /** There was nothing to say, so nothing was posted. */
  EMPTY,
  /** The bot was down until the grace period had passed. */
  MISSED,
  /** The channel could not be posted to, or every attempt failed. */
  FAILED;

  /** Whether the day is settled and must not be posted. */
  public boolean finished() {
    return this != CLAIMED;
  }
}
