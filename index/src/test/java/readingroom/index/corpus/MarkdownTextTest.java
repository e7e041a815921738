package readingroom.index.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

  @Test
  void rendersToTheTextAReaderSeesOneBlockPerLine() {
    String markdown =
        """
        # The **new** library

        The council *agreed* on [Tuesday](https://example.org/t) to close the old
        library, a move that **surprised** nobody.

        ![A photo of the library](lib.jpg)

        - First, the `collection` moves.
        - Then the building is sold &amp; cleared.

        > "We will miss it," said one reader\\*.
        """;
    assertThat(MarkdownText.render(markdown))
        .isEqualTo(
            "The new library\n\n"
                + "The council agreed on Tuesday to close the old library, a move that surprised"
                + " nobody.\n\n"
                + "First, the collection moves.\n\n"
                + "Then the building is sold & cleared.\n\n"
                + "\"We will miss it,\" said one reader*.\n\n");
  }
}
