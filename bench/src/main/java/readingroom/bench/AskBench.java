package readingroom.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.TopDocs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import readingroom.index.Answer;
import readingroom.index.Engine;
import readingroom.index.Question;

/**
 * JMH: one ask, three ways, on the same index in the same fork. Each call takes the next question
 * of the set in turn, so no single question's cost dominates; sample mode keeps every call's time
 * for percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AskBench {

  private Engine engine;
  private Engine wordsOnly;
  private PlainLucene plain;
  private List<String> questions;
  private int next;

  @org.openjdk.jmh.annotations.Setup(Level.Trial)
  public void open() throws IOException {
    Setup setup = Setup.fromProperties();
    engine = setup.open();
    wordsOnly = setup.openWordsOnly();
    plain = new PlainLucene(setup.index());
    questions = setup.readQuestions();
    for (String question : questions) {
      engine.ask(Question.of(question));
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    plain.close();
    wordsOnly.close();
    engine.close();
  }

  private String question() {
    next = (next + 1) % questions.size();
    return questions.get(next);
  }

  /** The baseline: a BM25 query of the question's terms, top ten. */
  @Benchmark
  public TopDocs plainLucene() throws IOException {
    return plain.search(question());
  }

  /** Ask without the question embedding and the vector search. */
  @Benchmark
  public Answer askBm25Path() {
    return wordsOnly.ask(Question.of(question()));
  }

  /** The full ask: BM25 and vectors fused, excerpts. */
  @Benchmark
  public Answer askHybrid() {
    return engine.ask(Question.of(question()));
  }
}
