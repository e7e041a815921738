package readingroom.index.search;

import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import readingroom.index.model.VectorFormat;

/**
 * The Lucene side of a {@link VectorFormat}: the codec that writes it and the query that searches
 * it. Only the vector field's format changes; every other field keeps Lucene's default. Quantized
 * formats are searched deeper and the hits re-scored against the full float vectors, so the order
 * the ranking sees is the exact one.
 */
public final class VectorCodec {

  /** Lucene's defaults: 16 links a node, 100 candidates while inserting. */
  static final int MAX_CONN = Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN;

  static final int BEAM_WIDTH = Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH;

  private VectorCodec() {}

  /**
   * @param mergeWorkers threads that build a merged segment's graph together (1: the merge thread
   *     alone)
   * @param mergeExecutor where those threads run; null when {@code mergeWorkers} is 1
   */
  static Codec codec(VectorFormat format, int mergeWorkers, ExecutorService mergeExecutor) {
    KnnVectorsFormat vectors = vectorsFormat(format, mergeWorkers, mergeExecutor);
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
      }
    };
  }

  static KnnVectorsFormat vectorsFormat(
      VectorFormat format, int mergeWorkers, ExecutorService mergeExecutor) {
    return switch (format) {
      case FLOAT32 ->
          new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH, mergeWorkers, mergeExecutor);
      case INT8 -> quantized(ScalarEncoding.UNSIGNED_BYTE, mergeWorkers, mergeExecutor);
      case INT4 -> quantized(ScalarEncoding.PACKED_NIBBLE, mergeWorkers, mergeExecutor);
      case BINARY -> quantized(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE, mergeWorkers, mergeExecutor);
    };
  }

  private static KnnVectorsFormat quantized(
      ScalarEncoding encoding, int mergeWorkers, ExecutorService mergeExecutor) {
    return new Lucene104HnswScalarQuantizedVectorsFormat(
        encoding, MAX_CONN, BEAM_WIDTH, mergeWorkers, mergeExecutor);
  }

  /** The {@code depth} nearest passages to a question vector, in exact (float) order. */
  public static Query nearest(VectorFormat format, float[] vector, int depth, Query filter) {
    if (format == VectorFormat.FLOAT32) {
      return new KnnFloatVectorQuery(Schema.VECTOR, vector, depth, filter);
    }
    int deeper = (int) Math.ceil(depth * format.oversample());
    return RescoreTopNQuery.createFullPrecisionRescorerQuery(
        new KnnFloatVectorQuery(Schema.VECTOR, vector, deeper, filter),
        vector,
        Schema.VECTOR,
        depth);
  }
}
