package readingroom.bot.commands;

/**
 * What {@code /digest} is asked to do, typed: Discord's sub-commands give it directly, and the text
 * form ({@code /digest subscribe 08:00 Europe/Berlin}) parses to it.
 */
public sealed interface DigestRequest {

  /** Post a digest every day at {@code time} (HH:MM) in {@code zone}; {@code topic} may be null. */
  record Subscribe(String time, String zone, String topic) implements DigestRequest {}

  record Unsubscribe() implements DigestRequest {}

  /** The channel's digest and when the next comes; for anyone. */
  record Status() implements DigestRequest {}

  /** The next digest, composed now, recorded nowhere, for the asker's eyes only. */
  record Preview() implements DigestRequest {}
}
