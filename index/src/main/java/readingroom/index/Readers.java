package readingroom.index;

import java.nio.file.Path;
import readingroom.index.model.PassageReader;
import readingroom.index.search.CrossEncoderReader;

/** Opens the cross-encoder passage readers the engine can run (see {@link PassageReader}). */
public final class Readers {

  private Readers() {}

  /**
   * The cross-encoder in a model folder ({@code model.onnx}, {@code tokenizer.json}, {@code
   * reader.json}), or the one packed in the jar when {@code folder} is null.
   *
   * @throws EngineException naming what is missing or broken
   */
  public static PassageReader open(Path folder, int threads) {
    try {
      return folder == null
          ? CrossEncoderReader.loadDefault(threads)
          : CrossEncoderReader.load(folder, threads);
    } catch (IllegalStateException e) {
      throw new EngineException(e.getMessage(), e);
    }
  }
}
