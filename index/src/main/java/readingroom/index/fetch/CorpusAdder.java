package readingroom.index.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Predicate;
import readingroom.index.corpus.CorpusReader;
import readingroom.index.corpus.PageAddress;

/**
 * Puts an article into the corpus folder: a web address is fetched politely and saved as a page or
 * a PDF, with a sidecar keeping the address it came from; a local file is copied (with its sidecar,
 * if it has one). Indexing is the caller's next step. A name already taken gets a number, so
 * nothing in the corpus is ever overwritten.
 */
public final class CorpusAdder {

  private final Fetcher fetcher;
  private final Path corpus;
  private final Predicate<String> idTaken;

  public CorpusAdder(Fetcher fetcher, Path corpus) {
    this(fetcher, corpus, id -> false);
  }

  /**
   * An adder into {@code folder} (the corpus or one of its tag sub-folders) that also avoids the
   * article ids {@code idTaken} names, since ids are unique across every folder of the corpus.
   */
  public CorpusAdder(Fetcher fetcher, Path folder, Predicate<String> idTaken) {
    this.fetcher = fetcher;
    this.corpus = folder;
    this.idTaken = idTaken;
  }

  /**
   * Adds one web address or file and returns the file it now is in the corpus.
   *
   * @throws FetchException when the address cannot be fetched
   * @throws IllegalArgumentException when the file is missing or of a kind the corpus cannot read
   */
  public Path add(String urlOrFile) throws FetchException, IOException {
    Files.createDirectories(corpus);
    if (urlOrFile.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
      return fetch(urlOrFile);
    }
    return copy(Path.of(urlOrFile));
  }

  private Path fetch(String url) throws FetchException, IOException {
    Fetched fetched = fetcher.get(url);
    byte[] body = fetched.body();
    String type = fetched.contentType().toLowerCase(Locale.ROOT);
    boolean pdf = type.contains("application/pdf") || startsWith(body, "%PDF-");
    boolean html = type.contains("html") || (!pdf && looksLikeHtml(body));
    String extension = pdf ? ".pdf" : html ? ".html" : ".txt";
    if (!pdf && !html && !type.startsWith("text/")) {
      throw new IllegalArgumentException(
          url
              + " is "
              + (type.isEmpty() ? "of no stated type" : type)
              + ", not a page, PDF or text");
    }
    Path file = unique(slug(fetched.url()), extension);
    Files.write(file, body);
    String address = html && PageAddress.of(body) != null ? PageAddress.of(body) : fetched.url();
    if (!extension.equals(".txt")) {
      Files.writeString(
          file.resolveSibling(file.getFileName() + ".yml"),
          "url: \"" + address.replace("\"", "%22") + "\"\n",
          StandardCharsets.UTF_8);
    }
    return file;
  }

  private Path copy(Path source) throws IOException {
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException(source + " is not a file");
    }
    if (!CorpusReader.isArticleFile(source)) {
      throw new IllegalArgumentException(
          source.getFileName() + " is not an article file (.html, .mhtml, .pdf, .md, .txt)");
    }
    String name = source.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path target = unique(name.substring(0, dot), name.substring(dot));
    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    for (String suffix : new String[] {".yml", ".yaml"}) {
      Path sidecar = source.resolveSibling(name + suffix);
      if (Files.isRegularFile(sidecar)) {
        Files.copy(sidecar, target.resolveSibling(target.getFileName() + suffix));
      }
    }
    return target;
  }

  private Path unique(String base, String extension) {
    String name = base;
    for (int i = 2; Files.exists(corpus.resolve(name + extension)) || idTaken.test(name); i++) {
      name = base + "-" + i;
    }
    return corpus.resolve(name + extension);
  }

  /** "https://example.org/2024/05/ferries-resume.html" is "example-org-ferries-resume". */
  static String slug(String url) {
    URI uri = URI.create(url);
    String host = uri.getHost() == null ? "page" : uri.getHost().replaceFirst("^www\\.", "");
    String path = uri.getPath() == null ? "" : uri.getPath();
    String last = path.replaceAll("/+$", "");
    last = last.substring(last.lastIndexOf('/') + 1).replaceFirst("\\.[a-zA-Z0-9]{2,5}$", "");
    String slug = (host + "-" + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-|-$", "");
    return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-$", "") : slug;
  }

  private static boolean startsWith(byte[] body, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (body.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (body[i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeHtml(byte[] body) {
    String head =
        new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return head.contains("<html") || head.contains("<!doctype html");
  }
}
