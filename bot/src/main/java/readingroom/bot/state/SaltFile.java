package readingroom.bot.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;

/**
 * The generated salt of {@link UserHasher}, in a file of its own beside the database and readable
 * only by its owner. Earlier versions kept it in the database's {@code state_meta} table; the first
 * open moves it out, so existing hashes still match.
 */
final class SaltFile {

  /** The key under which earlier versions stored the salt in {@code state_meta}. */
  static final String LEGACY_KEY = "user-hash-salt";

  private final Path file;
  private final StateDatabase database;

  private SaltFile(Path file, StateDatabase database) {
    this.file = file;
    this.database = database;
  }

  static SaltFile beside(StateDatabase database) {
    Path db = database.file();
    return new SaltFile(db.resolveSibling(db.getFileName() + ".salt"), database);
  }

  Path path() {
    return file;
  }

  /** The salt in Base64, created (or moved out of the database) on first use. */
  String read() {
    try {
      if (!Files.exists(file)) {
        String salt = legacySalt();
        if (salt == null) {
          byte[] fresh = new byte[32];
          new SecureRandom().nextBytes(fresh);
          salt = Base64.getEncoder().encodeToString(fresh);
        }
        create(salt);
        forgetLegacySalt();
      }
      String salt = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (salt.isEmpty()) {
        throw new StateException(
            "The salt file "
                + file
                + " is empty. Restore it from a backup, or delete it to start new user hashes"
                + " (earlier questions will then no longer match their askers).");
      }
      Base64.getDecoder().decode(salt);
      return salt;
    } catch (IllegalArgumentException e) {
      throw new StateException("The salt file " + file + " is damaged (not Base64).", e);
    } catch (IOException e) {
      throw new StateException(
          "The salt file " + file + " cannot be read or written: " + e.getMessage(), e);
    }
  }

  private void create(String salt) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), ".salt", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the folder's own permissions protect it.
      }
      Files.writeString(
          temporary, salt + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
      try {
        Files.createLink(file, temporary); // fails if another process created it first
      } catch (FileAlreadyExistsException e) {
        // Theirs wins; both read the same file.
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, file);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private String legacySalt() {
    return database.read(c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT value FROM state_meta WHERE key = ?")) {
        select.setString(1, LEGACY_KEY);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? row.getString(1) : null;
        }
      }
    });
  }

  private void forgetLegacySalt() {
    database.read(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM state_meta WHERE key = ?")) {
        delete.setString(1, LEGACY_KEY);
        return delete.executeUpdate();
      }
    });
  }
}
