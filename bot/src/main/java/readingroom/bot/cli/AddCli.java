package readingroom.bot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import readingroom.index.Engine;
import readingroom.index.fetch.CorpusAdder;
import readingroom.index.fetch.FetchException;
import readingroom.index.fetch.Fetcher;
import readingroom.index.model.CorpusProblem;
import readingroom.index.model.Source;

/**
 * {@code readingroom add URL|FILE...}: fetch or copy articles into the corpus folder and index
 * them, saying for each what was added (title, outlet, date) or why not. A file the corpus refuses
 * is taken out again, so it does not come back as a problem at every start.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "add",
    description = "Fetch web pages or PDFs, or copy files, into the corpus and index them.")
public final class AddCli implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(paramLabel = "URL|FILE", arity = "1..*", description = "Addresses or files to add.")
  List<String> items;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Engine.Builder options = EngineOptions.of(main.settings());
    CorpusAdder adder =
        new CorpusAdder(new Fetcher(Fetcher.Limits.defaults()), main.settings().corpus());
    List<Path> placed = new ArrayList<>();
    int failures = 0;
    for (String item : items) {
      try {
        placed.add(adder.add(item));
      } catch (FetchException | IllegalArgumentException e) {
        out.println("Not added: " + e.getMessage());
        failures++;
      }
    }
    if (placed.isEmpty()) {
      return 1;
    }
    try (Engine engine = options.open()) {
      Engine.LoadReport load = engine.openingLoad();
      for (Path file : placed) {
        Optional<CorpusProblem> problem =
            load.problems().stream().filter(p -> p.file().equals(file)).findFirst();
        if (problem.isPresent()) {
          out.println("Not added: " + problem.get());
          java.nio.file.Files.deleteIfExists(file);
          java.nio.file.Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".yml"));
          failures++;
          continue;
        }
        String name = file.getFileName().toString();
        Optional<Source> source = engine.source(name.substring(0, name.lastIndexOf('.')));
        out.println("Added " + source.map(AddCli::describe).orElse(name));
        load.warnings().stream()
            .filter(w -> w.file().equals(file))
            .forEach(w -> out.println("  Warning: " + w.message()));
      }
      out.printf(
          "Index version %d: %d added, %d updated, %d removed.%n",
          load.index().version(),
          load.index().added(),
          load.index().updated(),
          load.index().removed());
    }
    return failures == 0 ? 0 : 1;
  }

  private static String describe(Source source) {
    StringBuilder line = new StringBuilder("\"").append(source.title()).append('"');
    if (source.outlet() != null) {
      line.append(" — ").append(source.outlet());
    }
    if (source.published() != null) {
      line.append(", ").append(source.published().display());
    }
    return line.append(" (").append(source.id()).append(')').toString();
  }
}
