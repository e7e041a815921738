package readingroom.bot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  private static String newKey() {
    byte[] key = new byte[TokenCipher.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Any secret will do: the cipher does not care what a token looks like. */
  private static final String TOKEN = "bot token made up for this test";

  private final TokenCipher cipher = TokenCipher.fromBase64(newKey(), "KEY");

  @Test
  void aTokenComesBackForItsOwnRowOnlyAndIsNeverStoredAsIs() {
    String sealed = cipher.encrypt(TOKEN, "row-1");

    assertThat(sealed).startsWith("v1:").doesNotContain("token").doesNotContain("made up");
    assertThat(cipher.encrypt(TOKEN, "row-1")).as("a fresh nonce").isNotEqualTo(sealed);
    assertThat(cipher.decrypt(sealed, "row-1")).isEqualTo(TOKEN);
    assertThatThrownBy(() -> cipher.decrypt(sealed, "row-2")).isInstanceOf(StateException.class);
  }

  @Test
  void anAlteredValueOrAnotherKeyIsRefused() {
    String sealed = cipher.encrypt(TOKEN, "row-1");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> cipher.decrypt(altered, "row-1"))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("READINGROOM_SLACK_TOKEN_KEY");
    assertThatThrownBy(() -> TokenCipher.fromBase64(newKey(), "KEY").decrypt(sealed, "row-1"))
        .isInstanceOf(StateException.class);
    assertThatThrownBy(() -> cipher.decrypt("a token stored as is", "row-1"))
        .isInstanceOf(StateException.class);
  }

  @Test
  void aKeyOfTheWrongSizeOrNotBase64IsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> TokenCipher.fromBase64("c2hvcnQ=", "READINGROOM_SLACK_TOKEN_KEY"))
        .hasMessageContaining("READINGROOM_SLACK_TOKEN_KEY")
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> TokenCipher.fromBase64("%%%", "READINGROOM_SLACK_TOKEN_KEY"))
        .hasMessageContaining("not base64");
  }
}
