package readingroom.bot.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.index.Engine;
import readingroom.index.EngineException;
import readingroom.index.Scope;
import readingroom.index.fetch.CorpusAdder;
import readingroom.index.fetch.FetchException;
import readingroom.index.fetch.Fetcher;
import readingroom.index.model.CorpusProblem;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.Source;

/**
 * The serving process's way to grow the corpus: an article joins a tag folder ({@code
 * corpus/<tag>/}, so it carries that tag) and the index is updated on one named thread, one update
 * at a time. Only the caller that added waits for the update; questions are answered meanwhile from
 * the index as it was, and the new commit is served once it is complete.
 */
public final class Library implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Library.class);

  /** An update of a large corpus can take minutes; past this, the adder is told to look later. */
  private static final long UPDATE_WAIT_MINUTES = 10;

  /** What adding one article did. */
  public sealed interface Outcome {
    /**
     * The article is indexed.
     *
     * @param source its metadata as indexed
     * @param warnings what it lacks (no date, no author), in words for the person who added it
     */
    record Added(Source source, List<String> warnings) implements Outcome {}

    /** The article was not added, and why, in words for the person who added it. */
    record Refused(String reason) implements Outcome {}
  }

  private final Engine engine;
  private final Path corpus;
  private final Fetcher fetcher;
  private final ExecutorService updater =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("index-updater").factory());

  /** Where additions wait for fetches and updates, so no thread that answers questions does. */
  private final ExecutorService adders =
      Executors.newFixedThreadPool(2, Thread.ofPlatform().name("library-add-", 1).factory());

  /**
   * @param corpus the engine's corpus folder
   * @param fetcher the polite fetcher web addresses are fetched with
   */
  public Library(Engine engine, Path corpus, Fetcher fetcher) {
    this.engine = engine;
    this.corpus = corpus.toAbsolutePath().normalize();
    this.fetcher = fetcher;
  }

  /** The corpus folder. */
  public Path corpus() {
    return corpus;
  }

  /** Runs {@code work} (an addition) on the library's own threads. */
  public <T> CompletableFuture<T> inBackground(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, adders);
  }

  /** Fetches a web page or PDF into the {@code tag} folder and indexes it. */
  public Outcome addAddress(String tag, String url) {
    return add(tag, url);
  }

  /** Copies a local file into the {@code tag} folder and indexes it. */
  public Outcome addFile(String tag, Path file) {
    return add(tag, file.toString());
  }

  private Outcome add(String tag, String urlOrFile) {
    Path placed;
    try {
      placed =
          new CorpusAdder(fetcher, folder(tag), id -> engine.source(id).isPresent()).add(urlOrFile);
    } catch (FetchException | IllegalArgumentException e) {
      return new Outcome.Refused(e.getMessage());
    } catch (IOException e) {
      log.warn("Could not save {} into the corpus", urlOrFile, e);
      return new Outcome.Refused("it could not be saved into the corpus (" + e.getMessage() + ")");
    }
    Set<String> before =
        engine.sources(Scope.all()).stream()
            .filter(s -> s.tags().contains(tag))
            .map(Source::id)
            .collect(Collectors.toSet());
    Engine.LoadReport load = await(update());
    Path file = placed.toAbsolutePath().normalize();
    for (CorpusProblem problem : load.problems()) {
      if (problem.file().toAbsolutePath().normalize().equals(file)) {
        takeOut(file);
        return new Outcome.Refused(problem.message());
      }
    }
    List<String> warnings =
        load.warnings().stream()
            .filter(w -> w.file().toAbsolutePath().normalize().equals(file))
            .map(CorpusProblem::message)
            .toList();
    String name = file.getFileName().toString();
    Source source = engine.source(name.substring(0, name.lastIndexOf('.'))).orElse(null);
    if (source == null) {
      // Indexed under an id its front matter chose: the one new article of its folder.
      source =
          engine.sources(Scope.all()).stream()
              .filter(s -> s.tags().contains(tag) && !before.contains(s.id()))
              .findFirst()
              .orElse(null);
    }
    if (source == null) {
      return new Outcome.Refused("it was saved as " + name + " but is not in the index");
    }
    log.info("Added {} to the corpus as {} (tag {})", urlOrFile, source.id(), tag);
    return new Outcome.Added(source, warnings);
  }

  /**
   * Reads the corpus again and indexes what changed, after any update already queued; only new or
   * changed files are processed.
   */
  public CompletableFuture<Engine.LoadReport> update() {
    return CompletableFuture.supplyAsync(() -> engine.reindex(false, IndexProgress.NONE), updater);
  }

  private static Engine.LoadReport await(CompletableFuture<Engine.LoadReport> update) {
    try {
      return update.get(UPDATE_WAIT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new EngineException("The index could not be updated: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new EngineException("The index update is taking longer than expected", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted while the index was updated", e);
    }
  }

  /** The folder of a tag: a safe single folder name under the corpus. */
  private Path folder(String tag) {
    String safe = tag.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    if (safe.isBlank() || safe.startsWith(".")) {
      throw new IllegalArgumentException("'" + tag + "' cannot name a corpus folder");
    }
    return corpus.resolve(safe);
  }

  /** A refused file is taken out again, so it does not come back as a problem at every start. */
  private static void takeOut(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".yml"));
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".yaml"));
    } catch (IOException e) {
      log.warn("Could not take the refused file {} out of the corpus", file, e);
    }
  }

  @Override
  public void close() {
    adders.shutdown();
    updater.shutdown();
    try {
      if (!adders.awaitTermination(30, TimeUnit.SECONDS)
          || !updater.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("An index update was still running at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
