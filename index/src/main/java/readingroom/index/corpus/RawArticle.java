package readingroom.index.corpus;

import java.util.List;
import readingroom.index.model.Source;

/**
 * An article as read from its file: metadata and the scraped text, before cleaning.
 *
 * @param warnings what the file lacks or gets wrong without being refused, for the user to fix
 * @param pdf the paragraphs and pages of a PDF, to link quotes to their page; {@code null} for
 *     other files
 * @param bodyFound whether {@code body} is the article's body found by the page's structure (a
 *     saved HTML page), rather than everything the file holds
 */
record RawArticle(
    Source source, String body, List<String> warnings, PdfText.Read pdf, boolean bodyFound) {

  RawArticle {
    warnings = List.copyOf(warnings);
  }

  RawArticle(Source source, String body, List<String> warnings, PdfText.Read pdf) {
    this(source, body, warnings, pdf, false);
  }

  RawArticle(Source source, String body) {
    this(source, body, List.of(), null);
  }
}
