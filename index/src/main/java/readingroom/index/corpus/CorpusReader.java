package readingroom.index.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

  private final Cleaner cleaner;

  public CorpusReader(Cleaner cleaner) {
    this.cleaner = cleaner;
  }

  /** The articles and the problems of one load. */
  public record Loaded(List<Article> articles, List<CorpusProblem> problems) {}

  /**
   * Reads every article file under a folder; a file that cannot be read becomes a problem, never an
   * exception.
   *
   * @throws IOException when the folder itself cannot be listed
   */
  public Loaded load(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(Files::isRegularFile).filter(CorpusReader::isArticleFile).sorted().toList();
    }
    List<Article> articles = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path file : files) {
      try {
        Article article = read(folder, file);
        Path earlier = seen.putIfAbsent(article.id(), file);
        if (earlier != null) {
          problems.add(
              new CorpusProblem(
                  file, "id '" + article.id() + "' is already used by " + earlier.getFileName()));
        } else if (article.text().isBlank()) {
          problems.add(new CorpusProblem(file, "no article text is left after cleaning"));
        } else {
          articles.add(article);
        }
      } catch (IllegalArgumentException | IOException e) {
        problems.add(new CorpusProblem(file, e.getMessage()));
      }
    }
    return new Loaded(articles, problems);
  }

  public static boolean isArticleFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith(".") || name.startsWith("readme")) {
      return false;
    }
    return name.endsWith(".txt")
        || name.endsWith(".md")
        || name.endsWith(".markdown")
        || name.endsWith(".html")
        || name.endsWith(".htm");
  }

  private Article read(Path folder, Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw new IllegalArgumentException("the file is empty");
    }
    if (size > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("the file is larger than 5 MB; is it really an article?");
    }
    String content = decode(Files.readAllBytes(file));
    String name = file.getFileName().toString();
    String fileId = name.substring(0, name.lastIndexOf('.'));
    String lower = name.toLowerCase(Locale.ROOT);
    RawArticle raw =
        lower.endsWith(".html") || lower.endsWith(".htm")
            ? HtmlArticleReader.read(fileId, content)
            : FrontMatterReader.read(fileId, content);
    Source source = withFolderTags(folder, file, raw.source());
    Cleaner.Cleaned cleaned = cleaner.clean(raw.body(), source);
    return new Article(source, cleaned.text(), cleaned.dropped(), hash(source, cleaned.text()));
  }

  private static Source withFolderTags(Path folder, Path file, Source source) {
    Path relative = folder.relativize(file).getParent();
    if (relative == null) {
      return source;
    }
    List<String> tags = new ArrayList<>(source.tags());
    relative.forEach(part -> tags.add(part.toString()));
    return new Source(
        source.id(),
        source.title(),
        source.subtitle(),
        source.outlet(),
        source.section(),
        source.author(),
        source.published(),
        source.url(),
        tags);
  }

  private static String decode(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new IllegalArgumentException("the file is binary, not text");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the file is not UTF-8 text; save it as UTF-8");
    }
  }

  static String hash(Source source, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(source.toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
