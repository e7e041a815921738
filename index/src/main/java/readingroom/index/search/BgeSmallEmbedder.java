package readingroom.index.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import readingroom.index.model.Embedder;

/**
 * BAAI's bge-small-en-v1.5, quantized, run in-process on ONNX Runtime from the model bundled in a
 * Maven Central artifact: no network, no GPU, about 30 MB. Questions are embedded as asked, without
 * the model's optional retrieval instruction ("Represent this sentence for searching relevant
 * passages: "): v1.5 was trained to work without it, and it was a third of a question's tokens and
 * of its embedding's time (BENCHMARKS.md, "Cost per question"); on the held-out sets answers were
 * as good without it.
 */
public final class BgeSmallEmbedder implements Embedder {

  static {
    NoTelemetry.optOut();
  }

  /** The model and tokenizer inside LangChain4j's bge-small-en-v1.5-q artifact. */
  private static final String MODEL = "bge-small-en-v1.5-q.onnx";

  private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

  /**
   * The model's session, one for the process (it is read-only and serves concurrent embeddings). It
   * takes about a second to open: it opens on its own thread while the process starts and the
   * engine opens its index, and the first embedding waits for it.
   */
  private static final FutureTask<AbstractInProcessEmbeddingModel> SESSION =
      new FutureTask<>(BgeSmallEmbedder::oneThreadEach);

  private static final AtomicBoolean LOADING = new AtomicBoolean();

  public BgeSmallEmbedder() {
    startLoading();
  }

  /**
   * Starts opening the model's session on its own thread, unless it has started: a process that is
   * about to answer questions calls this first, so that the second overlaps its own start-up.
   */
  public static void startLoading() {
    if (LOADING.compareAndSet(false, true)) {
      Thread.ofPlatform().name("readingroom-model-load").daemon().start(SESSION);
    }
  }

  /**
   * The artifact's model on a session that runs each embedding on one thread. ONNX Runtime's
   * default splits one inference across every core: a question's embedding then competes with the
   * word search that runs beside it, and concurrent asks (or the passages of a bulk build, which
   * LangChain4j spreads over the cores) oversubscribe them. One thread an embedding leaves the
   * parallelism to the callers, who have it.
   */
  private static AbstractInProcessEmbeddingModel oneThreadEach() {
    try (InputStream model = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      OnnxBertBiEncoder encoder =
          new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
      return new AbstractInProcessEmbeddingModel(null) {
        @Override
        protected OnnxBertBiEncoder model() {
          return encoder;
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException("bge-small-en-v1.5 cannot be read from its jar", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load bge-small-en-v1.5: " + e, e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = BgeSmallEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path");
    }
    return in;
  }

  @Override
  public String name() {
    return "bge-small-en-v1.5-q";
  }

  @Override
  public int dimensions() {
    return 384;
  }

  /**
   * Waits for a load that has started to end, however it ends. A process must not exit while ONNX
   * Runtime builds the session: its shutdown hook frees the native environment under it, and the
   * process crashes (SIGSEGV) instead of exiting with its own code.
   */
  public static void awaitLoadIfStarted() {
    if (LOADING.get()) {
      try {
        model();
      } catch (RuntimeException e) {
        // reported to whoever needs the model
      }
    }
  }

  @Override
  public void awaitReady() {
    model();
  }

  private static AbstractInProcessEmbeddingModel model() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return SESSION.get();
        } catch (InterruptedException e) {
          interrupted = true; // the model is needed all the same; the flag is kept for the caller
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("bge-small-en-v1.5 failed to load: " + e.getCause(), e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public float[] embedQuery(String question) {
    return normalised(model().embed(question).content());
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<TextSegment> segments = passages.stream().map(TextSegment::from).toList();
    List<float[]> vectors = new ArrayList<>(passages.size());
    for (Embedding embedding : model().embedAll(segments).content()) {
      vectors.add(normalised(embedding));
    }
    return vectors;
  }

  private static float[] normalised(Embedding embedding) {
    float[] vector = embedding.vector();
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
