package readingroom.index.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * {@link Schema} as an OpenSearch index: the same fields, analysed by the same token filters
 * (standard tokenizer, English possessive, lower case, ASCII folding, Lucene's English stop words,
 * KStem), so BM25 meets the same terms with the same statistics as in the embedded index.
 */
final class OpenSearchSchema {

  /** The order documents were written in, as Lucene document ids are: what breaks ties. */
  static final String SEQ = "seq";

  /**
   * The vector again as base64 little-endian floats: a third of the JSON array's size, so fetching
   * the candidates' vectors for the engine's cosines costs less.
   */
  static final String VECTOR_BYTES = "vector_bytes";

  static final String STEMMED = "readingroom_stemmed";
  static final String WORDS_ANALYZER = "readingroom_words";

  private OpenSearchSchema() {}

  static ObjectNode indexBody(int shards, int replicas, int dimensions, ObjectNode meta) {
    ObjectNode body = IndexStore.JSON.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    index.put("knn", true);
    // Written in bulk and refreshed once at the end: nobody reads a version before it is whole.
    index.put("refresh_interval", "-1");
    ObjectNode analysis = index.putObject("analysis");
    ObjectNode filters = analysis.putObject("filter");
    filters
        .putObject("readingroom_possessive")
        .put("type", "stemmer")
        .put("language", "possessive_english");
    ArrayNode stopWords =
        filters.putObject("readingroom_stop").put("type", "stop").putArray("stopwords");
    for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      stopWords.add(new String((char[]) word));
    }
    ObjectNode analyzers = analysis.putObject("analyzer");
    ObjectNode stemmed =
        analyzers.putObject(STEMMED).put("type", "custom").put("tokenizer", "standard");
    stemmed
        .putArray("filter")
        .add("readingroom_possessive")
        .add("lowercase")
        .add("asciifolding")
        .add("readingroom_stop")
        .add("kstem");
    ObjectNode words =
        analyzers.putObject(WORDS_ANALYZER).put("type", "custom").put("tokenizer", "standard");
    words.putArray("filter").add("readingroom_possessive").add("lowercase").add("asciifolding");

    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    mappings.set("_meta", meta);
    ObjectNode properties = mappings.putObject("properties");
    for (String keyword : new String[] {Schema.TYPE, Schema.ARTICLE, Schema.TEXT_HASH}) {
      properties.putObject(keyword).put("type", "keyword");
    }
    properties.putObject(SEQ).put("type", "integer");
    for (String number : new String[] {Schema.ORDINAL, Schema.START, Schema.END}) {
      properties.putObject(number).put("type", "integer").put("index", false);
    }
    for (String text : new String[] {Schema.TEXT, Schema.CONTEXT, Schema.TITLE}) {
      properties.putObject(text).put("type", "text").put("analyzer", STEMMED);
    }
    properties.putObject(Schema.WORDS).put("type", "text").put("analyzer", WORDS_ANALYZER);
    for (String stored : new String[] {Schema.HASH, Schema.META, Schema.BODY}) {
      properties.putObject(stored).put("type", "text").put("index", false);
    }
    properties.putObject(VECTOR_BYTES).put("type", "binary");
    ObjectNode vector = properties.putObject(Schema.VECTOR);
    vector.put("type", "knn_vector").put("dimension", dimensions).put("space_type", "innerproduct");
    ObjectNode method = vector.putObject("method").put("name", "hnsw").put("engine", "lucene");
    method
        .putObject("parameters")
        .put("m", VectorCodec.MAX_CONN)
        .put("ef_construction", VectorCodec.BEAM_WIDTH);
    return body;
  }

  static String encode(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  static float[] decode(String base64) {
    ByteBuffer bytes =
        ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
    float[] vector = new float[bytes.remaining() / Float.BYTES];
    bytes.asFloatBuffer().get(vector);
    return vector;
  }
}
