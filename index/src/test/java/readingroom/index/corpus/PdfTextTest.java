package readingroom.index.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import readingroom.index.search.PageLink;

class PdfTextTest {

  static final String P1 =
      "The council agreed on Tuesday to close the old library building and move its collection to the new civic centre.";
  static final String P2 =
      "Residents who spoke at the meeting were divided, with some praising the longer opening hours promised at the new site.";
  static final String P3 =
      "Others said the walk to the civic centre was too long for older readers who rely on the branch every week.";
  static final String P4 =
      "A final decision on the future of the old building itself will be taken at the meeting in March.";

  static byte[] report() {
    return TestPdfs.write(
        "Library services review",
        "Jane Okafor",
        "Borough Council Minutes",
        List.of(List.of(P1, P2), List.of(P3), List.of(P4)));
  }

  @Test
  void readsParagraphsWithTheirPagesAndTheDocumentInformation() {
    PdfText.Read read = PdfText.read(report());
    assertThat(read.title()).isEqualTo("Library services review");
    assertThat(read.author()).isEqualTo("Jane Okafor");
    assertThat(read.created()).hasToString("2023-09-04");
    assertThat(read.pages()).isEqualTo(3);
    assertThat(read.paragraphs())
        .containsExactly(
            new PdfText.Paragraph(P1, 1),
            new PdfText.Paragraph(P2, 1),
            new PdfText.Paragraph(P3, 2),
            new PdfText.Paragraph(P4, 3));
  }

  @Test
  void aScanWithoutTextIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> PdfText.read(TestPdfs.scanned()))
        .hasMessageContaining("no text layer")
        .hasMessageContaining("OCR");
  }

  @Test
  void anEncryptedPdfIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> PdfText.read(TestPdfs.encrypted()))
        .hasMessageContaining("encrypted with a password");
  }

  @Test
  void eachOffsetOfTheCleanedTextMapsToItsPage() {
    PdfText.Read read = PdfText.read(report());
    String cleaned = P1 + "\n\n" + P3 + "\n\n" + P4; // P2 dropped by cleaning
    List<Integer> starts = PdfText.pageStarts(read, cleaned);
    assertThat(PageLink.pageAt(starts, cleaned.indexOf(P1) + 5)).isEqualTo(1);
    assertThat(PageLink.pageAt(starts, cleaned.indexOf(P3) + 5)).isEqualTo(2);
    assertThat(PageLink.pageAt(starts, cleaned.indexOf(P4))).isEqualTo(3);
    assertThat(PageLink.of("https://example.org/r.pdf", starts, cleaned.indexOf(P4)))
        .isEqualTo("https://example.org/r.pdf#page=3");
  }
}
