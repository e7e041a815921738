package readingroom.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import readingroom.index.model.Embedder;

/**
 * For benchmarks only: lets a corpus be replicated to hundreds of thousands of passages without
 * embedding each copy and without identical vectors. A passage whose headline ends with {@code
 * [copy N]} gets the model's vector of the same text without the marker, moved by a small
 * deterministic random step and made unit length again, so copies sit near their original as
 * paraphrases would. Identical vectors would distort the vector search being measured: an HNSW
 * graph of exact duplicates links them to each other and searches it slowly.
 */
final class SpreadCopiesEmbedder implements Embedder {

  static final Pattern COPY_MARK = Pattern.compile(" \\[copy (\\d+)]\n");

  /** How far a copy moves from its original, per dimension, before normalising. */
  static final float SPREAD = 0.02f;

  private final Embedder model;
  private final Map<String, float[]> originals = new HashMap<>();
  private final Path cache;

  SpreadCopiesEmbedder(Embedder model) {
    this(model, null);
  }

  /**
   * @param cache a file keeping the model's vectors of originals between runs (bench/work only), so
   *     a second run of the same data set spends no time in the model; null for none
   */
  SpreadCopiesEmbedder(Embedder model, Path cache) {
    this.model = model;
    this.cache = cache;
    if (cache != null && Files.exists(cache)) {
      read(cache);
    }
  }

  /** How many originals' vectors are known without the model. */
  int known() {
    return originals.size();
  }

  /** The model's vectors of the originals, in a fixed order (by text), for vector-only benches. */
  List<float[]> originalVectors() {
    return new java.util.TreeMap<>(originals).values().stream().toList();
  }

  private void read(Path file) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        byte[] key = new byte[in.readInt()];
        in.readFully(key);
        float[] vector = new float[in.readInt()];
        for (int d = 0; d < vector.length; d++) {
          vector[d] = in.readFloat();
        }
        originals.put(new String(key, StandardCharsets.UTF_8), vector);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the embedding cache " + file + " is unreadable", e);
    }
  }

  /** Writes the originals' vectors to the cache file, for the next run. */
  void save() {
    if (cache != null) {
      write(cache);
    }
  }

  private void write(Path file) {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(originals.size());
      for (Map.Entry<String, float[]> entry : originals.entrySet()) {
        byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(key.length);
        out.write(key);
        out.writeInt(entry.getValue().length);
        for (float v : entry.getValue()) {
          out.writeFloat(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the embedding cache " + file + " cannot be written", e);
    }
  }

  @Override
  public String name() {
    return model.name() + "+spread-copies";
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public float[] embedQuery(String question) {
    return model.embedQuery(question);
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<String> missing = new ArrayList<>();
    for (String passage : passages) {
      String original = COPY_MARK.matcher(passage).replaceFirst("\n");
      if (!originals.containsKey(original) && !missing.contains(original)) {
        missing.add(original);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> vectors = model.embedPassages(missing);
      for (int i = 0; i < missing.size(); i++) {
        originals.put(missing.get(i), vectors.get(i));
      }
    }
    List<float[]> out = new ArrayList<>(passages.size());
    for (String passage : passages) {
      boolean isCopy = COPY_MARK.matcher(passage).find();
      float[] original = originals.get(COPY_MARK.matcher(passage).replaceFirst("\n"));
      out.add(isCopy ? spread(original, passage.hashCode()) : original);
    }
    return out;
  }

  static float[] spread(float[] original, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] vector = new float[original.length];
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      vector[i] = original[i] + (float) (random.nextGaussian() * SPREAD);
      norm += vector[i] * vector[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
