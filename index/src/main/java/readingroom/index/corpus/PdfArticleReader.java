package readingroom.index.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a PDF (a teacher's handout, a report): its text by page ({@link PdfText}), and its title,
 * author and date from the sidecar ({@link Sidecar}) or else from the PDF's document information.
 * Without an address from the sidecar the article still loads, with a warning: its quotes then
 * carry no link.
 */
final class PdfArticleReader {

  private PdfArticleReader() {}

  static RawArticle read(String fileId, byte[] bytes, ObjectNode sidecar, String sidecarName) {
    PdfText.Read pdf = PdfText.read(bytes);
    List<String> warnings = new ArrayList<>(FrontMatterReader.unknownKeys(sidecar, sidecarName));
    ObjectNode meta = sidecar.deepCopy();
    if (text(meta, "title") == null) {
      String title = pdf.title() != null ? pdf.title() : firstHeading(pdf);
      if (pdf.title() == null) {
        warnings.add(
            "the PDF has no title in its document information; using \""
                + title
                + "\" (give 'title:' in "
                + sidecarName
                + ")");
      }
      meta.put("title", title);
    }
    if (text(meta, "author") == null && pdf.author() != null) {
      meta.put("author", pdf.author());
    }
    if (text(meta, "published") == null && pdf.created() != null) {
      meta.put("published", pdf.created().iso());
    }
    if (text(meta, "url") == null) {
      warnings.add(
          "no address for the PDF: its quotes will have no link; give 'url:' in "
              + sidecarName
              + " (where readers can open it)");
    }
    String body =
        pdf.paragraphs().stream().map(PdfText.Paragraph::text).collect(Collectors.joining("\n\n"));
    return new RawArticle(FrontMatterReader.toSource(fileId, meta), body, warnings, pdf);
  }

  private static String firstHeading(PdfText.Read pdf) {
    String first = pdf.paragraphs().get(0).text();
    return first.length() <= 200 ? first : first.substring(0, first.lastIndexOf(' ', 200)) + "…";
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() || value.asText().isBlank()
        ? null
        : value.asText().strip();
  }
}
