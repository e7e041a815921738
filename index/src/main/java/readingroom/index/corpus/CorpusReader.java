package readingroom.index.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import readingroom.index.model.Article;
import readingroom.index.model.CorpusProblem;
import readingroom.index.model.Source;

/**
 * Loads every article file under a corpus folder. A file that cannot be read becomes a {@link
 * CorpusProblem} and never stops the other articles from loading. Sub-folders become tags, so a
 * teacher can keep {@code corpus/week-3/} and scope a channel to "week-3".
 */
public final class CorpusReader {

  private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
  private static final long MAX_PDF_BYTES = 50L * 1024 * 1024;

  private final Cleaner cleaner;

  public CorpusReader(Cleaner cleaner) {
    this.cleaner = cleaner;
  }

  /**
   * The articles and the problems of one load.
   *
   * @param problems files that were refused, and why
   * @param warnings files that loaded but lack something or hold a mistake (an unknown key)
   */
  public record Loaded(
      List<Article> articles, List<CorpusProblem> problems, List<CorpusProblem> warnings) {}

  /**
   * Reads every article file under a folder; a file that cannot be read becomes a problem, never an
   * exception.
   *
   * @throws IOException when the folder itself cannot be listed
   */
  public Loaded load(Path folder) throws IOException {
    List<Path> files;
    List<Path> unread;
    try (Stream<Path> walk = Files.walk(folder)) {
      Map<Boolean, List<Path>> byKind =
          walk.filter(Files::isRegularFile)
              .filter(file -> !isPageResource(folder, file))
              .sorted()
              .collect(Collectors.partitioningBy(CorpusReader::isArticleFile));
      files = byKind.get(true);
      unread = byKind.get(false).stream().filter(CorpusReader::looksLikeADocument).toList();
    }
    List<Article> articles = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    List<CorpusProblem> warnings = new ArrayList<>();
    if (!unread.isEmpty()) {
      // Said once for the folder, not once a file: a folder of images beside the articles is fine.
      warnings.add(
          new CorpusProblem(
              folder,
              unread.size()
                  + (unread.size() == 1 ? " file is" : " files are")
                  + " not read ("
                  + String.join(
                      ", ", unread.stream().limit(3).map(f -> f.getFileName().toString()).toList())
                  + (unread.size() > 3 ? ", ..." : "")
                  + "): Reading Room reads .html, .mhtml, .pdf, .md and .txt files; save or export"
                  + " the others as one of those"));
    }
    Map<String, Path> seen = new HashMap<>();
    // In file order, whichever thread read a file: the first of two equal ids is the one kept.
    for (FileRead read : readAll(folder, files)) {
      warnings.addAll(read.warnings());
      Article article = read.article();
      if (article == null) {
        problems.add(new CorpusProblem(read.file(), read.refusal()));
        continue;
      }
      Path earlier = seen.putIfAbsent(article.id(), read.file());
      if (earlier != null) {
        problems.add(
            new CorpusProblem(
                read.file(),
                "id '" + article.id() + "' is already used by " + earlier.getFileName()));
      } else if (article.text().isBlank()) {
        problems.add(new CorpusProblem(read.file(), "no article text is left after cleaning"));
      } else {
        articles.add(article);
      }
    }
    return new Loaded(articles, problems, warnings);
  }

  /** One file's outcome: its article, or why it was refused; and what it warned of either way. */
  private record FileRead(
      Path file, Article article, String refusal, List<CorpusProblem> warnings) {}

  /**
   * Reads and cleans the files on every core, each result at its file's place. Cleaning (regular
   * expressions over every line) is most of the time a large folder takes, and a rebuild of an
   * archive reads every file before it indexes any.
   */
  private List<FileRead> readAll(Path folder, List<Path> files) {
    // An ordered parallel stream: the work spread over the cores, the results in file order.
    return files.parallelStream().map(file -> readOne(folder, file)).toList();
  }

  private FileRead readOne(Path folder, Path file) {
    List<CorpusProblem> warnings = new ArrayList<>();
    try {
      return new FileRead(file, read(folder, file, warnings), null, warnings);
    } catch (IllegalArgumentException | IOException e) {
      return new FileRead(file, null, e.getMessage(), warnings);
    }
  }

  /**
   * Whether a file is part of a page saved "complete" rather than an article: browsers save {@code
   * story.html} with its frames, scripts and images in {@code story_files/}, frames as {@code
   * saved_resource.html} (an advert, a video player), which would otherwise be read as articles.
   */
  private static boolean isPageResource(Path folder, Path file) {
    Path relative = folder.relativize(file).getParent();
    for (Path dir = relative; dir != null; dir = dir.getParent()) {
      String name = dir.getFileName().toString();
      if (name.endsWith("_files") && name.length() > "_files".length()) {
        String page = name.substring(0, name.length() - "_files".length());
        Path besideIt = folder.resolve(dir).getParent();
        for (String extension : new String[] {".html", ".htm", ".xhtml"}) {
          if (Files.isRegularFile(besideIt.resolve(page + extension))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * A file a user may have meant as an article (a Word document, an e-book, a Safari web archive),
   * as opposed to a sidecar, an image, a style sheet or a hidden file.
   */
  private static boolean looksLikeADocument(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && DOCUMENT_EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static final List<String> DOCUMENT_EXTENSIONS =
      List.of(
          ".doc",
          ".docx",
          ".odt",
          ".rtf",
          ".epub",
          ".mobi",
          ".webarchive",
          ".xhtml",
          ".pages",
          ".ppt",
          ".pptx",
          ".key",
          ".odp");

  public static boolean isArticleFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith(".") || name.startsWith("readme")) {
      return false;
    }
    return name.endsWith(".txt")
        || name.endsWith(".pdf")
        || name.endsWith(".md")
        || name.endsWith(".markdown")
        || name.endsWith(".html")
        || name.endsWith(".htm")
        || isSavedPageArchive(name);
  }

  /** A page saved with everything it shows in one file: MHTML. */
  private static boolean isSavedPageArchive(String lowerName) {
    return lowerName.endsWith(".mhtml") || lowerName.endsWith(".mht");
  }

  private Article read(Path folder, Path file, List<CorpusProblem> warnings) throws IOException {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean pdf = lower.endsWith(".pdf");
    long size = Files.size(file);
    if (size == 0) {
      throw new IllegalArgumentException("the file is empty");
    }
    // A PDF or a saved-page archive carries its images: it may be far larger than its text.
    boolean large = pdf || isSavedPageArchive(lower);
    if (size > (large ? MAX_PDF_BYTES : MAX_FILE_BYTES)) {
      throw new IllegalArgumentException(
          "the file is larger than " + (large ? 50 : 5) + " MB; is it really an article?");
    }
    byte[] bytes = Files.readAllBytes(file);
    String fileId = name.substring(0, name.lastIndexOf('.'));
    RawArticle raw;
    if (pdf) {
      raw = PdfArticleReader.read(fileId, bytes, Sidecar.read(file), Sidecar.nameFor(file));
    } else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      requireText(bytes);
      raw = HtmlPageReader.read(fileId, bytes, Sidecar.read(file), Sidecar.nameFor(file));
    } else if (isSavedPageArchive(lower)) {
      MhtmlPage.Page page = MhtmlPage.read(bytes);
      raw =
          HtmlPageReader.read(
              fileId,
              page.html(),
              page.charset(),
              page.savedFrom(),
              Sidecar.read(file),
              Sidecar.nameFor(file));
    } else {
      boolean markdown = lower.endsWith(".md") || lower.endsWith(".markdown");
      raw =
          FrontMatterReader.read(
              fileId, decode(bytes), markdown, Sidecar.read(file), Sidecar.nameFor(file));
    }
    raw.warnings().forEach(w -> warnings.add(new CorpusProblem(file, w)));
    Source source = withFolderTags(folder, file, raw.source());
    Cleaner.Cleaned cleaned = cleaner.clean(raw.body(), source, raw.bodyFound());
    if (raw.pdf() != null) {
      source = source.withPageStarts(PdfText.pageStarts(raw.pdf(), cleaned.text()));
    }
    return new Article(source, cleaned.text(), cleaned.dropped(), hash(source, cleaned.text()));
  }

  private static Source withFolderTags(Path folder, Path file, Source source) {
    Path relative = folder.relativize(file).getParent();
    if (relative == null) {
      return source;
    }
    List<String> tags = new ArrayList<>(source.tags());
    relative.forEach(part -> tags.add(part.toString()));
    return source.withTags(tags);
  }

  private static void requireText(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new IllegalArgumentException("the file is binary, not text");
      }
    }
  }

  private static String decode(byte[] bytes) {
    requireText(bytes);
    String text = Utf8.decodeStrictly(bytes);
    if (text == null) {
      throw new IllegalArgumentException("the file is not UTF-8 text; save it as UTF-8");
    }
    return text;
  }

  static String hash(Source source, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      // Without pages the hash is the one articles had before PDFs: no needless re-indexing.
      String meta = source.toString().replace(", pageStarts=[]]", "]");
      digest.update(meta.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
