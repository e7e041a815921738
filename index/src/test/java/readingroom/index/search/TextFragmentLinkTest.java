package readingroom.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFragmentLinkTest {

  @Test
  void aShortQuoteIsLinkedWhole() {
    assertThat(TextFragmentLink.of("https://example.org/a", "Trade rose."))
        .isEqualTo("https://example.org/a#:~:text=Trade%20rose.");
  }

  @Test
  void aLongQuoteIsLinkedByItsFirstAndLastWords() {
    String quote =
        "On July 16, 2018, the Russian President’s special envoy to Afghanistan announced talks.";
    assertThat(TextFragmentLink.of("https://example.org/a#top", quote))
        .isEqualTo(
            "https://example.org/a#:~:text=On%20July%2016%2C%202018%2C,to%20Afghanistan%20announced%20talks.");
  }

  @Test
  void encodesTheCharactersThatTextFragmentsReserve() {
    assertThat(TextFragmentLink.encode("U.S.-backed, & more"))
        .isEqualTo("U.S.%2Dbacked%2C%20%26%20more");
    assertThat(TextFragmentLink.encode("Russia’s")).isEqualTo("Russia%E2%80%99s");
  }
}
