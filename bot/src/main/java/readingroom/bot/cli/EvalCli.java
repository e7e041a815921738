package readingroom.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.eval.EvalQuestion;
import readingroom.bot.eval.Evaluation;
import readingroom.bot.eval.ReadingList;
import readingroom.index.Engine;
import readingroom.index.Result;
import readingroom.index.Scope;
import readingroom.index.Synonyms;

/**
 * {@code readingroom eval FILE... [--corpus DIR] [--sources sources.json] [--by-group]}: answer
 * quality on question files, over the configured corpus or any reading list.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "eval",
    description =
        "Score the answers on question files (JSON lines, as shared/eval/dev.jsonl), over the"
            + " configured corpus, another corpus folder, or the reading list a sources file names.")
public final class EvalCli implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The question files.")
  List<Path> files;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Answer from this corpus folder.")
  Path corpus;

  @Option(
      names = "--sources",
      paramLabel = "FILE",
      description =
          "Answer from the articles this sources file lists (a file, and optionally a group and"
              + " front-matter keys such as title, outlet, published and url, per article), copied"
              + " into a temporary corpus with each article's keys beside it.")
  Path sources;

  @Option(
      names = "--by-group",
      description =
          "Score each group of the sources file on its own: its articles only, its questions only.")
  boolean byGroup;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "Keep the index in this folder (reused by the next run); default a temporary"
              + " folder, deleted after.")
  Path index;

  @Option(
      names = "--model-for",
      paramLabel = "SET=FILE",
      description =
          "Score a set (\"dev\", or a group \"questions/g3\") with this confidence model, for"
              + " figures on questions the model was not trained on; other sets use the configured"
              + " model.")
  Map<String, Path> modelFor = new LinkedHashMap<>();

  @Option(
      names = "--reader-for",
      paramLabel = "SET=DIR",
      description =
          "Score a set with this passage reader (a model folder), for figures on questions the"
              + " reader was not trained on; other sets use the configured reader.")
  Map<String, String> readerFor = new LinkedHashMap<>();

  @ParentCommand Main main;

  @Option(
      names = "--show",
      description = "Also print the misses: wrong, missing or wrongly abstained answers.")
  boolean show;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        System.err.println("readingroom eval: " + file + " does not exist.");
        return 2;
      }
    }
    if (byGroup && sources == null) {
      System.err.println("readingroom eval: --by-group needs --sources.");
      return 2;
    }
    Path work = Files.createTempDirectory("readingroom-eval");
    ReadingList lists = null;
    try {
      Engine.Builder builder = EngineOptions.of(main.settings());
      if (sources != null) {
        ReadingList list = ReadingList.copy(sources, work.resolve("corpus"));
        builder.corpus(list.corpus()).synonyms(Synonyms.none());
        lists = list;
      } else if (corpus != null) {
        // The configured synonyms belong to the configured corpus.
        builder.corpus(corpus).synonyms(Synonyms.none());
      }
      builder.index(index != null ? index : work.resolve("index"));
      out.printf(
          "%-22s %5s %6s %6s %6s %7s %7s %6s %5s%n",
          "set", "n", "hit@1", "hit@3", "mrr@5", "abstain", "f.abst", "trust", "words");
      Scorer scorer = new Scorer(builder);
      try {
        for (Path file : files) {
          List<EvalQuestion> questions = Evaluation.read(file);
          String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
          if (!byGroup) {
            report(out, name, scorer.engineFor(name).run(questions, Scope.all()));
            continue;
          }
          for (int group : lists.groups()) {
            ReadingList groups = lists;
            List<EvalQuestion> own =
                questions.stream().filter(q -> groups.groupOf(q) == group).toList();
            String set = name + "/" + ReadingList.tag(group);
            if (!own.isEmpty()) {
              report(out, set, scorer.engineFor(set).run(own, ReadingList.scopeOf(group)));
            }
          }
        }
      } finally {
        scorer.close();
      }
    } finally {
      deleteQuietly(work);
    }
    return 0;
  }

  /** Keeps one engine open, reopening it (on the same index) when a set needs another model. */
  private final class Scorer implements AutoCloseable {
    private final Engine.Builder builder;
    private Engine engine;
    private Path model;
    private String reader;
    private boolean opened;

    Scorer(Engine.Builder builder) {
      this.builder = builder;
    }

    Scorer engineFor(String set) {
      Path wanted = modelFor.getOrDefault(set, EngineOptions.configuredModel(main.settings()));
      String wantedReader =
          readerFor.getOrDefault(set, EngineOptions.configuredReader(main.settings()));
      if (!opened || !java.util.Objects.equals(wanted, model) || !wantedReader.equals(reader)) {
        close();
        EngineOptions.withModel(builder, wanted, wantedReader);
        engine = builder.open();
        model = wanted;
        reader = wantedReader;
        opened = true;
      }
      return this;
    }

    Evaluation.Report run(List<EvalQuestion> questions, Scope scope) {
      return Evaluation.run(engine, questions, scope);
    }

    @Override
    public void close() {
      if (engine != null) {
        engine.close();
        engine = null;
      }
    }
  }

  private void report(PrintStream out, String name, Evaluation.Report r) {
    out.printf(
        "%-22s %5d %6.3f %6.3f %6.3f %7.3f %7.3f %6.3f %5.1f%n",
        name,
        r.questions(),
        r.hitAt1(),
        r.hitAt3(),
        r.mrrAt5(),
        r.abstain(),
        r.falseAbstain(),
        r.trust(),
        r.meanQuoteWords());
    if (r.nonVerbatim() > 0) {
      out.printf("  %d quotes are not verbatim%n", r.nonVerbatim());
    }
    if (show) {
      showMisses(out, r);
    }
  }

  private static void showMisses(PrintStream out, Evaluation.Report r) {
    for (Evaluation.Outcome o : r.outcomes()) {
      boolean miss =
          o.question().answerable()
              ? !(o.answer().answered() && o.correctAt(1))
              : o.answer().answered();
      if (!miss) {
        continue;
      }
      out.printf("%n%s [%s] %s%n", o.question().id(), o.question().kind(), o.question().question());
      out.printf("   want: %s%n", o.question().answer());
      out.printf("   answered=%s rank=%d%n", o.answer().answered(), o.firstCorrectRank());
      for (Result result : o.answer().results()) {
        out.printf("   %.3f %s: %s%n", result.score(), result.source().id(), result.quote());
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
