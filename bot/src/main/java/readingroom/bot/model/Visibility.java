package readingroom.bot.model;

import java.util.Locale;
import java.util.Optional;

/** Who sees an answer: the whole channel, or only the person who asked. */
public enum Visibility {
  PUBLIC,
  PRIVATE;

  /** {@code public} or {@code private}, in any case; empty for anything else. */
  public static Optional<Visibility> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "public" -> Optional.of(PUBLIC);
      case "private" -> Optional.of(PRIVATE);
      default -> Optional.empty();
    };
  }

  /** The lower-case word used in commands and the configuration. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
