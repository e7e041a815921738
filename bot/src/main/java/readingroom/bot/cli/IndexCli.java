package readingroom.bot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import readingroom.bot.text.Texts;
import readingroom.index.Engine;
import readingroom.index.model.Article;
import readingroom.index.model.CorpusProblem;
import readingroom.index.model.IndexProgress;

/** {@code readingroom index}: update the index from the corpus folder, or explain the cleaning. */
@Command(
    mixinStandardHelpOptions = true,
    name = "index",
    description = "Build or update the index (only changed articles are re-processed).")
public final class IndexCli implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(names = "--full", description = "Re-process every article, even unchanged ones.")
  boolean full;

  @Option(
      names = "--explain",
      description = "Show what cleaning drops from each article; the index is not touched.")
  boolean explain;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Engine.Builder options = EngineOptions.of(main.settings());
    if (explain) {
      return explain(options, out);
    }
    Engine.LoadReport report;
    // The bar is closed once, by the try, before the summary is printed under it. Only a terminal
    // gets one: in a pipe, a file or a CI log its redrawn frames would pile up on one line.
    try (ProgressBar bar = Terminals.interactive() ? bar() : null;
        Engine engine = options.progress(progress(bar)).open()) {
      // Opening indexes every new or changed article: that update is the one to report.
      report = full ? engine.reindex(true, progress(bar)) : engine.openingLoad();
    }
    readingroom.index.model.IndexReport r = report.index();
    out.printf(
        "Index version %d: %d added, %d updated, %d removed, %d unchanged; %d passages, %d embedded.%n",
        r.version(),
        r.added(),
        r.updated(),
        r.removed(),
        r.unchanged(),
        r.passages(),
        r.embedded());
    for (CorpusProblem warning : report.warnings()) {
      out.println("Warning: " + warning);
    }
    for (CorpusProblem problem : report.problems()) {
      out.println("Skipped " + problem);
    }
    return report.problems().isEmpty() ? 0 : 1;
  }

  private static ProgressBar bar() {
    return new ProgressBarBuilder()
        .setTaskName("Indexing")
        .setStyle(ProgressBarStyle.ASCII)
        .setInitialMax(1)
        .continuousUpdate()
        .build();
  }

  private static IndexProgress progress(ProgressBar bar) {
    if (bar == null) {
      return (done, total) -> {};
    }
    return (done, total) -> {
      bar.maxHint(total);
      bar.stepTo(done);
    };
  }

  private static int explain(Engine.Builder options, PrintStream out) {
    Engine.CorpusExplanation explanation = options.explainCorpus();
    List<CorpusProblem> problems = explanation.problems();
    for (Engine.Explained article : explanation.articles()) {
      out.println("== " + article.source().id() + ": " + article.source().title());
      out.printf(
          "   kept %d characters; dropped %d lines%n",
          article.text().length(), article.dropped().size());
      for (Article.Dropped dropped : article.dropped()) {
        out.println("   - [" + dropped.rule() + "] " + Texts.cut(dropped.line(), 100));
      }
    }
    for (CorpusProblem warning : explanation.warnings()) {
      out.println("?? " + warning);
    }
    for (CorpusProblem problem : problems) {
      out.println("!! " + problem);
    }
    return problems.isEmpty() ? 0 : 1;
  }
}
