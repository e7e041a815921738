package readingroom.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.eval.ConfidenceTrainer;
import readingroom.bot.eval.Evaluation;
import readingroom.bot.eval.JudgedSets;
import readingroom.bot.eval.ReadingList;
import readingroom.index.Engine;
import readingroom.index.Synonyms;
import readingroom.index.model.ConfidenceModel;
import readingroom.index.model.PassageReader;

/**
 * {@code readingroom train QUESTIONS... [--corpus DIR | --sources FILE] --out model.json}: learns
 * the confidence model from judged questions (the form of {@code shared/eval/dev.jsonl}), so a
 * reading list's own questions can teach the engine when it is answered. Questions judged over
 * another corpus can be added with {@code --judged} (written before by {@code --save-judged}).
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "train",
    description =
        "Train the confidence model (when a passage answers a question) on labelled question files"
            + " and write it as JSON, for readingroom.confidence-model.")
public final class TrainCli implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(paramLabel = "QUESTIONS", arity = "0..*", description = "Labelled question files.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--corpus", paramLabel = "DIR", description = "Ask them of this corpus folder.")
  Path corpus;

  @Option(
      names = "--sources",
      paramLabel = "FILE",
      description =
          "Ask them of the reading list this sources file names (each question within"
              + " its group's articles when the file has groups).")
  Path sources;

  @Option(names = "--index", paramLabel = "DIR", description = "Keep the index in this folder.")
  Path index;

  @Option(
      names = "--judged",
      paramLabel = "FILE",
      description = "Also learn from questions judged before (JSON lines from --save-judged).")
  List<Path> judged = new ArrayList<>();

  @Option(
      names = "--save-judged",
      paramLabel = "FILE",
      description = "Write the judged questions of this run, to train on again without asking.")
  Path saveJudged;

  @Option(
      names = "--exclude",
      paramLabel = "SET",
      description = "Leave out a set: a file's name (\"dev\") or a group of it (\"questions/g3\").")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--max-false-abstain",
      paramLabel = "SHARE",
      description =
          "The bound on false abstention on the training questions (default ${DEFAULT-VALUE}).")
  double maxFalseAbstain = ConfidenceTrainer.DEFAULT_MAX_FALSE_ABSTAIN;

  @Option(
      names = "--reader",
      paramLabel = "READER",
      description =
          "Judge the questions with this passage reader (\"bundled\" or a model folder), so the"
              + " model learns from the reader's verdicts; default none.")
  String reader;

  @Option(
      names = "--no-reader-features",
      description = "Fit a model that does not use the reader, even from judgements that have it.")
  boolean noReaderFeatures;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model.")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (files.isEmpty() && judged.isEmpty()) {
      System.err.println("readingroom train: give question files, or --judged files.");
      return 2;
    }
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        System.err.println("readingroom train: " + file + " does not exist.");
        return 2;
      }
    }
    List<ConfidenceTrainer.Example> examples = new ArrayList<>();
    for (Path file : judged) {
      examples.addAll(JudgedSets.read(file));
    }
    if (!files.isEmpty()) {
      examples.addAll(judgeFiles());
    }
    boolean withReader =
        !noReaderFeatures
            && !examples.isEmpty()
            && examples.stream()
                .allMatch(e ->
                    e.x().stream()
                        .allMatch(x -> x.length == ConfidenceModel.FEATURES_WITH_READER.size()));
    List<String> names =
        withReader ? ConfidenceModel.FEATURES_WITH_READER : ConfidenceModel.FEATURES;
    List<ConfidenceTrainer.Example> kept =
        examples.stream().filter(e -> !excluded(e.set())).toList();
    TreeSet<String> sets = new TreeSet<>();
    kept.forEach(e -> sets.add(e.set()));
    console.printf("training on %d questions of %s%n", kept.size(), sets);
    if (out == null) {
      return 0;
    }
    if (kept.isEmpty()) {
      System.err.println("readingroom train: no question is left to learn from.");
      return 2;
    }
    ConfidenceModel model =
        ConfidenceTrainer.fit(
            kept, names, withReader ? "cross-encoder" : null, maxFalseAbstain, List.copyOf(sets));
    model.write(out, ConfidenceTrainer.rule(maxFalseAbstain));
    console.printf("threshold %.4f; written to %s%n", model.threshold(), out);
    for (int i = 0; i < names.size(); i++) {
      console.printf("  %-16s %+.3f%n", names.get(i), model.weights()[i]);
    }
    return 0;
  }

  private boolean excluded(String set) {
    return exclude.stream().anyMatch(x -> set.equals(x) || set.startsWith(x + "/"));
  }

  private List<ConfidenceTrainer.Example> judgeFiles() throws IOException {
    Path work = Files.createTempDirectory("readingroom-train");
    try {
      Engine.Builder builder = EngineOptions.of(main.settings());
      ReadingList list = null;
      if (sources != null) {
        list = ReadingList.copy(sources, work.resolve("corpus"));
        builder.corpus(list.corpus()).synonyms(Synonyms.none());
      } else if (corpus != null) {
        builder.corpus(corpus).synonyms(Synonyms.none());
      }
      builder.index(index != null ? index : work.resolve("index"));
      PassageReader passageReader = EngineOptions.reader(reader);
      builder.confidence(ConfidenceModel.untrained(passageReader != null)).reader(passageReader);
      List<String> names =
          passageReader != null ? ConfidenceModel.FEATURES_WITH_READER : ConfidenceModel.FEATURES;
      List<ConfidenceTrainer.Example> examples = new ArrayList<>();
      try (Engine engine = builder.open()) {
        for (Path file : files) {
          String set = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
          examples.addAll(JudgedSets.judge(engine, set, Evaluation.read(file), list));
        }
      }
      if (saveJudged != null) {
        JudgedSets.write(saveJudged, examples, names);
      }
      return examples;
    } finally {
      try (Stream<Path> paths = Files.walk(work)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
