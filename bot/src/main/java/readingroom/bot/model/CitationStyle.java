package readingroom.bot.model;

import java.util.Locale;
import java.util.Optional;

/** The citation styles {@code /cite} writes. */
public enum CitationStyle {
  APA("APA"),
  MLA("MLA"),
  CHICAGO("Chicago");

  private final String label;

  CitationStyle(String label) {
    this.label = label;
  }

  /** The style's usual name, "APA", "MLA", "Chicago". */
  public String label() {
    return label;
  }

  /** The style named by {@code text} ("apa", "MLA", "chicago"), or empty for anything else. */
  public static Optional<CitationStyle> parse(String text) {
    String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (CitationStyle style : values()) {
      if (style.label.toLowerCase(Locale.ROOT).equals(word)) {
        return Optional.of(style);
      }
    }
    return Optional.empty();
  }
}
