package readingroom.bot.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import readingroom.bot.model.Origin;

/**
 * Turns a user id into the only form the database keeps: an HMAC-SHA256 of platform, workspace and
 * id under a secret salt. The same person gets the same hash (so feedback finds their question and
 * analytics can count people), but the id cannot be read back or guessed by hashing known ids
 * without the salt. The salt is the secret {@code READINGROOM_SALT} when set, otherwise one
 * generated on first start and kept in its own file beside the database ({@code state.db.salt},
 * readable by its owner only), never in the database: a copy of the database alone does not let
 * anyone match hashes to the members of a workspace. Changing or losing the salt makes old hashes
 * unmatched.
 */
public final class UserHasher {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public UserHasher(byte[] salt) {
    if (salt.length == 0) {
      throw new IllegalArgumentException("The salt must not be empty");
    }
    this.key = new SecretKeySpec(salt.clone(), ALGORITHM);
  }

  /**
   * The hasher for this installation: the configured secret salt, or the generated one in the salt
   * file beside the database (created on first use; a salt an older version kept in the database is
   * moved there, so hashes stay the same).
   *
   * @throws StateException when the salt file cannot be read or written
   */
  public static UserHasher of(Optional<String> secretSalt, StateDatabase database) {
    if (secretSalt.isPresent()) {
      return new UserHasher(secretSalt.get().getBytes(StandardCharsets.UTF_8));
    }
    // Replicas sharing a database must share the salt too, so there it lives in the database.
    String salt =
        database.location().shared() ? storedSalt(database) : SaltFile.beside(database).read();
    return new UserHasher(Base64.getDecoder().decode(salt));
  }

  /** The hex hash of the person behind {@code origin}. */
  public String hash(Origin origin) {
    return hash(origin.platform().name() + '\0' + origin.workspace() + '\0' + origin.user());
  }

  /** The hex hash of any text naming a person, such as a rate limiter's bucket key. */
  String hash(String subject) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is in every JDK; reaching this means a broken runtime.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static String storedSalt(StateDatabase database) {
    return database.inTransaction(c -> {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO state_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
        insert.setString(1, SaltFile.LEGACY_KEY);
        insert.setString(2, Base64.getEncoder().encodeToString(fresh));
        insert.executeUpdate();
      }
      try (PreparedStatement select =
          c.prepareStatement("SELECT value FROM state_meta WHERE key = ?")) {
        select.setString(1, SaltFile.LEGACY_KEY);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getString(1);
        }
      }
    });
  }
}
