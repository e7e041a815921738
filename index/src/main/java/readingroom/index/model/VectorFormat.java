package readingroom.index.model;

/**
 * How the index stores passage vectors for the nearest-neighbour search. Every format keeps the
 * full float vectors on disk as well, so candidates are always re-scored at full precision; the
 * quantized ones search an HNSW graph over smaller copies, which is what has to stay in memory.
 * Changing the format rebuilds the index on the next open without computing any embedding again.
 */
public enum VectorFormat {
  /** 32-bit floats: exact scores, 1,536 bytes a passage (384 dimensions) to keep in memory. */
  FLOAT32(1),
  /** Lucene's optimized scalar quantization to 8 bits a dimension: a quarter of the memory. */
  INT8(1.5),
  /** 4 bits a dimension: an eighth of the memory, searched deeper before re-scoring. */
  INT4(2),
  /**
   * 1 bit a dimension (the question at 4 bits): a thirty-second of the memory, searched much deeper
   * before re-scoring.
   */
  BINARY(4);

  private final double oversample;

  VectorFormat(double oversample) {
    this.oversample = oversample;
  }

  /**
   * How many more neighbours than wanted the graph search collects before the full-precision
   * re-scoring keeps the best: coarser codes misorder close neighbours more often.
   */
  public double oversample() {
    return oversample;
  }

  /** The format of a configuration value ({@code float32}, {@code int8}, ...), in any case. */
  public static VectorFormat parse(String value) {
    for (VectorFormat format : values()) {
      if (format.name().equalsIgnoreCase(value.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "vector format must be one of float32, int8, int4, binary; was \"" + value + "\"");
  }
}
