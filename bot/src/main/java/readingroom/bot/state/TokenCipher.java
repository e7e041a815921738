package readingroom.bot.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the tokens kept in the state database with AES-256-GCM, so a copy of the database (a
 * backup, a dump) gives no one a workspace's bot token without the key, which lives only in the
 * environment. Each value gets a fresh 96-bit nonce; the row's identity is bound in as associated
 * data, so a ciphertext copied to another workspace's row does not decrypt. Stored as {@code v1:}
 * and base64 of nonce and ciphertext, the prefix leaving room for a later key rotation.
 */
public final class TokenCipher {

  /** The key's length: AES-256. */
  public static final int KEY_BYTES = 32;

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  private TokenCipher(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The cipher for a base64-encoded 32-byte key.
   *
   * @param variable the key's environment variable, named in the message (the value never is)
   * @throws IllegalArgumentException saying what is wrong with the key
   */
  public static TokenCipher fromBase64(String base64Key, String variable) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          variable + " is not base64; make a key with: openssl rand -base64 32");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          variable
              + " must be "
              + KEY_BYTES
              + " bytes in base64 (it decodes to "
              + key.length
              + "); make one with: openssl rand -base64 32");
    }
    return new TokenCipher(key);
  }

  /** Encrypts {@code plain} for the row named by {@code context}. */
  public String encrypt(String plain, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Decrypts a value {@link #encrypt} made for the same {@code context}.
   *
   * @throws StateException when the value was made with another key, for another row, or was
   *     altered
   */
  public String decrypt(String stored, String context) {
    if (!stored.startsWith(PREFIX)) {
      throw new StateException("A stored Slack token is not in the expected encrypted form.");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (all.length <= NONCE_BYTES) {
        throw new StateException("A stored Slack token is truncated.");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new StateException(
          "A stored Slack token cannot be decrypted: READINGROOM_SLACK_TOKEN_KEY is not the key it"
              + " was stored with, or the row was altered. Restore the key, or reinstall the app"
              + " in that workspace.");
    }
  }
}
