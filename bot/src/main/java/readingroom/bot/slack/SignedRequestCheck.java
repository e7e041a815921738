package readingroom.bot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slack's request signing rules, checked before a request reaches Bolt: the timestamp is within
 * five minutes of local time either way (Bolt only refuses old ones), the {@code v0} signature
 * matches (compared in constant time), and the same signed request is not accepted twice.
 */
final class SignedRequestCheck {

  /** Slack's rule: "more than five minutes from local time" is refused. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  private final SlackSignature.Generator signatures;
  private final Clock clock;
  private final ReplayGuard replays;

  SignedRequestCheck(String signingSecret, Clock clock, ReplayGuard replays) {
    this.signatures = new SlackSignature.Generator(signingSecret);
    this.clock = clock;
    this.replays = replays;
  }

  /**
   * Why the request must be refused, or empty when it may go on.
   *
   * @param timestamp the {@code X-Slack-Request-Timestamp} header, or null
   * @param signature the {@code X-Slack-Signature} header, or null
   */
  Optional<String> refusal(String timestamp, String signature, String body) {
    if (timestamp == null || signature == null) {
      return Optional.of("unsigned");
    }
    Instant stamped;
    try {
      stamped = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.of("bad timestamp");
    }
    Instant now = clock.instant();
    if (Duration.between(stamped, now).abs().compareTo(WINDOW) > 0) {
      return Optional.of("timestamp more than 5 minutes from local time");
    }
    String expected = signatures.generate(timestamp, body);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of("wrong signature");
    }
    if (!replays.firstSeen(signature, stamped.plus(WINDOW))) {
      return Optional.of("replayed");
    }
    return Optional.empty();
  }
}
