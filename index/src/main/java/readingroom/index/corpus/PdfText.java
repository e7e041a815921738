package readingroom.index.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import readingroom.index.model.PublishedDate;

/**
 * The text of a PDF, paragraph by paragraph with the page each stands on, and the title, author and
 * date of its document information. Lines broken by the layout are joined back into paragraphs;
 * page numbers and running heads (a line repeated on most pages) are left out, as site furniture is
 * on a web page. A scan without a text layer, or a file locked against reading, is refused with a
 * message saying so.
 */
final class PdfText {

  /** A paragraph and the page, from 1, it starts on. */
  record Paragraph(String text, int page) {}

  /** What a PDF says about itself and its paragraphs. */
  record Read(
      String title, String author, PublishedDate created, List<Paragraph> paragraphs, int pages) {}

  private static final String PARAGRAPH_END = "\u2029";
  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "(?i)^(?:page\\s*)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$|^[-–—]\\s*\\d{1,4}\\s*[-–—]$");

  private PdfText() {}

  static Read read(byte[] bytes) {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      if (!pdf.getCurrentAccessPermission().canExtractContent()) {
        throw new IllegalArgumentException(
            "the PDF is protected against copying its text; save an unprotected copy");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      stripper.setParagraphEnd(PARAGRAPH_END);
      List<List<String>> pages = new ArrayList<>();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(paragraphs(stripper.getText(pdf)));
      }
      Map<String, Integer> repeats = new HashMap<>();
      for (List<String> page : pages) {
        page.stream().distinct().forEach(p -> repeats.merge(p, 1, Integer::sum));
      }
      List<Paragraph> paragraphs = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        for (String paragraph : pages.get(i)) {
          boolean runningHead =
              pages.size() >= 3
                  && repeats.get(paragraph) * 2 > pages.size()
                  && CleaningRules.words(paragraph) <= 12;
          if (!runningHead && !PAGE_NUMBER.matcher(paragraph).matches()) {
            paragraphs.add(new Paragraph(paragraph, i + 1));
          }
        }
      }
      if (paragraphs.stream().noneMatch(p -> CleaningRules.words(p.text()) >= 5)) {
        throw new IllegalArgumentException(
            "the PDF has no text layer (a scan?); run it through OCR, or give the text as a .txt");
      }
      PDDocumentInformation info = pdf.getDocumentInformation();
      return new Read(
          blankToNull(info.getTitle()),
          blankToNull(info.getAuthor()),
          date(info.getCreationDate()),
          paragraphs,
          pdf.getNumberOfPages());
    } catch (InvalidPasswordException e) {
      throw new IllegalArgumentException(
          "the PDF is encrypted with a password; save a copy without one");
    } catch (IOException e) {
      throw new IllegalArgumentException("the PDF cannot be read: " + e.getMessage());
    }
  }

  /** Paragraphs of one page's text: the layout's line breaks become spaces. */
  private static List<String> paragraphs(String pageText) {
    List<String> paragraphs = new ArrayList<>();
    for (String block : pageText.split(PARAGRAPH_END + "|\\n\\s*\\n")) {
      String joined =
          block
              .strip()
              .replaceAll("(?<=\\p{L})-\\n(?=\\p{Ll})", "-")
              .replaceAll("\\s*\\n\\s*", " ");
      String tidy = joined.replaceAll("[\\t\\x0B\\f\\u00A0 ]+", " ").strip();
      if (!tidy.isEmpty()) {
        paragraphs.add(tidy);
      }
    }
    return paragraphs;
  }

  private static PublishedDate date(Calendar calendar) {
    if (calendar == null) {
      return null;
    }
    return new PublishedDate(
        calendar.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate(),
        PublishedDate.Precision.DAY);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * Where each page starts in the cleaned text: the cleaned text keeps some of the paragraphs, in
   * order and unchanged, so each kept paragraph is matched to the next equal one read. A page none
   * of whose text was kept starts where the next kept text does.
   */
  static List<Integer> pageStarts(Read read, String cleaned) {
    List<Paragraph> paragraphs = read.paragraphs();
    int pages = read.pages();
    Integer[] starts = new Integer[pages];
    int next = 0;
    int offset = 0;
    for (String kept : cleaned.split("\n\n", -1)) {
      while (next < paragraphs.size() && !paragraphs.get(next).text().equals(kept)) {
        next++;
      }
      if (next < paragraphs.size()) {
        int page = paragraphs.get(next).page();
        if (starts[page - 1] == null) {
          starts[page - 1] = offset;
        }
        next++;
      }
      offset += kept.length() + 2;
    }
    List<Integer> result = new ArrayList<>();
    int following = cleaned.length();
    for (int i = pages - 1; i >= 0; i--) {
      if (starts[i] != null) {
        following = starts[i];
      }
      result.add(0, following);
    }
    return result;
  }
}
