package readingroom.bot.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import readingroom.bot.channel.ChannelKey;

/**
 * One channel's digest of one local day: what is posted at most once. Its {@link #key()} marks the
 * post on the platform (Slack message metadata) and its {@link #nonce()} lets Discord refuse a
 * second copy, so a post whose outcome was unknown can be found again or deduplicated.
 */
public record DigestSlot(ChannelKey channel, LocalDate day) {

  /** A stable, readable name of the slot, e.g. {@code SLACK/T1/C42/2026-01-12}. */
  public String key() {
    return channel.platform() + "/" + channel.workspace() + "/" + channel.channel() + "/" + day;
  }

  /**
   * A token derived from {@link #key()}, the same in every process and on every attempt: 24 hex
   * digits, within Discord's 25 characters for a message nonce.
   */
  public String nonce() {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("readingroom-digest/" + key()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
