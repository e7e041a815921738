package readingroom.index.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.index.corpus.Passage;
import readingroom.index.corpus.Passages;
import readingroom.index.model.Article;
import readingroom.index.model.Embedder;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.OpenSearchConnection;
import readingroom.index.model.Source;
import readingroom.index.model.VectorFormat;

/**
 * An OpenSearch cluster as the backend, for an archive past one machine: BM25 and k-NN (the k-NN
 * plugin's Lucene HNSW) run in the cluster, embeddings and everything after the two searches in the
 * engine. Each update writes a new physical index ({@code <alias>-v<version>}; unchanged articles
 * are copied inside the cluster by {@code _reindex}, their vectors with them) and then moves the
 * alias in one atomic call: readers never see a half-written version. The version before is kept
 * until the next update, so a question that started on it still finishes.
 */
public final class OpenSearchBackend implements SearchBackend {

  private static final Logger log = LoggerFactory.getLogger(OpenSearchBackend.class);

  private static final long REFRESH_NANOS = 1_000_000_000L;
  private static final int BULK_BYTES = 8 * 1024 * 1024;
  private static final int PAGE = 1000;
  private static final int MAX_WINDOW = 10_000;

  /** Below OpenSearch's default {@code index.max_terms_count} (65,536) for one terms query. */
  private static final int MAX_TERMS = 60_000;

  private final OpenSearchConnection connection;
  private final OpenSearchHttp http;
  private volatile Catalogue catalogue;
  private volatile long lastRefresh;

  /** The vector format is Lucene's setting; the cluster keeps float HNSW (see BENCHMARKS.md). */
  public OpenSearchBackend(OpenSearchConnection connection, VectorFormat vectorFormat) {
    this.connection = connection;
    this.http = new OpenSearchHttp(connection, IndexStore.JSON);
  }

  private String alias() {
    return connection.index();
  }

  private String physical(long version) {
    return alias() + "-v" + version;
  }

  /** The _meta of the index the alias points at, or null when there is none. */
  private JsonNode servedMeta() throws IOException {
    String index = servedIndex();
    if (index == null) {
      return null;
    }
    JsonNode mapping = http.get(index + "/_mapping");
    return mapping.path(index).path("mappings").path("_meta");
  }

  /** The physical index behind the alias, or null. */
  private String servedIndex() throws IOException {
    try {
      JsonNode aliases = http.get("_alias/" + alias());
      var names = aliases.fieldNames();
      return names.hasNext() ? names.next() : null;
    } catch (OpenSearchHttp.StatusException e) {
      if (e.status == 404) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public boolean servable(Embedder embedder) throws IOException {
    JsonNode meta = servedMeta();
    return meta != null
        && Integer.toString(Schema.VERSION).equals(meta.path(Schema.COMMIT_SCHEMA).asText())
        && embedder.name().equals(meta.path(Schema.COMMIT_EMBEDDER).asText());
  }

  @Override
  public boolean current(List<Article> articles) throws IOException {
    String index = servedIndex();
    if (index == null) {
      return false;
    }
    Map<String, String> indexed = indexedHashes(index);
    if (indexed.size() != articles.size()) {
      return false;
    }
    for (Article article : articles) {
      if (!IndexStore.indexedHash(article).equals(indexed.get(article.id()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public IndexReport update(
      List<Article> articles,
      Embedder embedder,
      VectorFormat format,
      boolean full,
      IndexProgress progress)
      throws IOException {
    String previousIndex = servedIndex();
    JsonNode previous = previousIndex == null ? null : servedMeta();
    boolean sameVectors =
        previous != null
            && Integer.toString(Schema.VERSION).equals(previous.path(Schema.COMMIT_SCHEMA).asText())
            && embedder.name().equals(previous.path(Schema.COMMIT_EMBEDDER).asText());
    long version = sameVectors ? previous.path(Schema.COMMIT_VERSION).asLong(0) : 0;
    Map<String, String> indexed = sameVectors ? indexedHashes(previousIndex) : new HashMap<>();

    List<Article> toWrite = new ArrayList<>();
    Set<String> keep = new TreeSet<>();
    Set<String> replaced = new TreeSet<>();
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    for (Article article : articles) {
      String hash = indexed.remove(article.id());
      if (!full && IndexStore.indexedHash(article).equals(hash)) {
        unchanged++;
        keep.add(article.id());
      } else {
        if (hash != null) {
          updated++;
          replaced.add(article.id());
        } else {
          added++;
        }
        toWrite.add(article);
      }
    }
    int removed = indexed.size();
    if (sameVectors && added + updated + removed == 0) {
      progress.advanced(articles.size(), articles.size());
      return new IndexReport(0, 0, 0, unchanged, 0, 0, version);
    }

    long next = version + 1;
    String target = physical(next);
    if (http.head(target) == 200) {
      http.delete(target); // left by an update that failed half-way
    }
    ObjectNode meta = IndexStore.JSON.createObjectNode();
    meta.put(Schema.COMMIT_SCHEMA, Integer.toString(Schema.VERSION));
    meta.put(Schema.COMMIT_EMBEDDER, embedder.name());
    meta.put(Schema.COMMIT_VERSION, Long.toString(next));
    http.put(
        target,
        OpenSearchSchema.indexBody(
            connection.shards(), connection.replicas(), embedder.dimensions(), meta));
    try {
      int seq = 0;
      replaced.addAll(indexed.keySet()); // the removed articles
      if (!keep.isEmpty() && replaced.size() <= MAX_TERMS) {
        seq = copyUnchanged(previousIndex, target, replaced);
      } else if (!keep.isEmpty()) {
        // Too many changes to name in one query: write every article again (vectors still reused).
        for (Article article : articles) {
          if (keep.contains(article.id())) {
            toWrite.add(article);
          }
        }
      }
      Writer writer = new Writer(target, seq, embedder, sameVectors ? previousIndex : null);
      int passageCount = 0;
      int done = articles.size() - toWrite.size();
      for (Article article : toWrite) {
        passageCount += writer.add(article);
        progress.advanced(++done, articles.size());
      }
      writer.flush();
      http.post(target + "/_refresh", IndexStore.JSON.createObjectNode());
      http.put(
          target + "/_settings",
          IndexStore.JSON
              .createObjectNode()
              .set("index", IndexStore.JSON.createObjectNode().put("refresh_interval", "1s")));
      moveAlias(target);
      return new IndexReport(
          added, updated, removed, unchanged, passageCount, writer.embedded, next);
    } catch (IOException | RuntimeException | Error e) {
      try {
        http.delete(target);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * Copies the documents of every article but the changed and removed ones inside the cluster (with
   * their vectors: nothing leaves the cluster), and returns the next free sequence number.
   */
  private int copyUnchanged(String from, String to, Set<String> replaced) throws IOException {
    ObjectNode body = IndexStore.JSON.createObjectNode();
    ObjectNode source = body.putObject("source").put("index", from);
    ObjectNode bool = source.putObject("query").putObject("bool");
    bool.putArray("must").addObject().putObject("match_all");
    if (!replaced.isEmpty()) {
      bool.putArray("must_not")
          .addObject()
          .putObject("terms")
          .set(Schema.ARTICLE, strings(replaced));
    }
    body.putObject("dest").put("index", to);
    // As a task, waited for a minute at a time: copying a large archive outlasts any HTTP timeout.
    String task =
        http.post("_reindex?wait_for_completion=false&refresh=true", body).path("task").asText();
    JsonNode status = null;
    while (status == null || !status.path("completed").asBoolean()) {
      try {
        status = http.get("_tasks/" + task + "?wait_for_completion=true&timeout=60s");
      } catch (OpenSearchHttp.StatusException e) {
        if (!e.getMessage().contains("imed out")) {
          throw e;
        }
      }
    }
    JsonNode failures = status.path("response").path("failures");
    if (status.has("error") || (failures.isArray() && !failures.isEmpty())) {
      throw new IOException(
          "OpenSearch could not copy the unchanged articles: "
              + (status.has("error") ? status.get("error") : failures));
    }
    JsonNode max =
        http.post(
            to + "/_search?size=0",
            IndexStore.JSON.readTree(
                "{\"aggs\":{\"m\":{\"max\":{\"field\":\"" + OpenSearchSchema.SEQ + "\"}}}}"));
    return (int) max.path("aggregations").path("m").path("value").asDouble(-1) + 1;
  }

  private void moveAlias(String target) throws IOException {
    ObjectNode body = IndexStore.JSON.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    String served = servedIndex();
    if (served != null) {
      actions.addObject().putObject("remove").put("index", served).put("alias", alias());
    }
    actions.addObject().putObject("add").put("index", target).put("alias", alias());
    http.post("_aliases", body);
    // Keep the version just replaced (questions may still be reading it), drop older ones.
    JsonNode all = http.get("_cat/indices/" + alias() + "-v*?format=json&h=index");
    for (JsonNode index : all) {
      String name = index.path("index").asText();
      if (!name.equals(target) && !name.equals(served)) {
        http.delete(name);
      }
    }
  }

  /** Writes articles' documents in bulk requests, reusing vectors by text hash. */
  private final class Writer {
    private final String index;
    private final Embedder embedder;
    private final String previousIndex;
    private final Map<String, float[]> recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > IndexStore.KnownVectors.RECENT;
          }
        };
    private final ByteArrayOutputStream bulk = new ByteArrayOutputStream();
    private int seq;
    int embedded;

    Writer(String index, int seq, Embedder embedder, String previousIndex) {
      this.index = index;
      this.seq = seq;
      this.embedder = embedder;
      this.previousIndex = previousIndex;
    }

    int add(Article article) throws IOException {
      List<Passage> passages = Passages.of(article);
      List<String> texts = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      Map<String, String> toEmbed = new LinkedHashMap<>();
      for (Passage passage : passages) {
        String text = article.text().substring(passage.start(), passage.end());
        String embedding = IndexStore.embeddingText(article.source(), text);
        String hash = IndexStore.textHash(embedding);
        texts.add(text);
        hashes.add(hash);
        if (!recent.containsKey(hash)) {
          toEmbed.put(hash, embedding);
        }
      }
      if (previousIndex != null && !toEmbed.isEmpty()) {
        recent.putAll(knownVectors(toEmbed.keySet()));
        toEmbed.keySet().removeIf(recent::containsKey);
      }
      if (!toEmbed.isEmpty()) {
        List<float[]> fresh = embedder.embedPassages(List.copyOf(toEmbed.values()));
        int i = 0;
        for (String hash : toEmbed.keySet()) {
          recent.put(hash, fresh.get(i++));
        }
        embedded += toEmbed.size();
      }
      ObjectNode articleDoc = IndexStore.JSON.createObjectNode();
      articleDoc.put(Schema.TYPE, Schema.TYPE_ARTICLE);
      articleDoc.put(Schema.ARTICLE, article.id());
      articleDoc.put(OpenSearchSchema.SEQ, seq);
      articleDoc.put(Schema.HASH, IndexStore.indexedHash(article));
      articleDoc.put(Schema.BODY, article.text());
      articleDoc.put(Schema.META, metaJson(article.source()));
      articleDoc.put(Schema.TITLE, article.source().title() + " " + article.source().outlet());
      write(article.id(), articleDoc);
      String title = IndexStore.titleField(article.source());
      for (int i = 0; i < passages.size(); i++) {
        Passage passage = passages.get(i);
        float[] vector = recent.get(hashes.get(i));
        ObjectNode doc = IndexStore.JSON.createObjectNode();
        doc.put(Schema.TYPE, Schema.TYPE_PASSAGE);
        doc.put(Schema.ARTICLE, article.id());
        doc.put(OpenSearchSchema.SEQ, seq);
        doc.put(Schema.ORDINAL, passage.ordinal());
        doc.put(Schema.START, passage.start());
        doc.put(Schema.END, passage.end());
        doc.put(Schema.TEXT_HASH, hashes.get(i));
        doc.put(Schema.TEXT, texts.get(i));
        doc.put(Schema.WORDS, texts.get(i));
        doc.put(Schema.CONTEXT, passage.context());
        doc.put(Schema.TITLE, title);
        ArrayNode values = doc.putArray(Schema.VECTOR);
        for (float value : vector) {
          values.add(value);
        }
        doc.put(OpenSearchSchema.VECTOR_BYTES, OpenSearchSchema.encode(vector));
        write(article.id() + "#" + passage.ordinal(), doc);
      }
      return passages.size();
    }

    private void write(String id, ObjectNode doc) throws IOException {
      seq++;
      ObjectNode action = IndexStore.JSON.createObjectNode();
      action.putObject("index").put("_id", id);
      bulk.write(IndexStore.JSON.writeValueAsBytes(action));
      bulk.write('\n');
      bulk.write(IndexStore.JSON.writeValueAsBytes(doc));
      bulk.write('\n');
      if (bulk.size() >= BULK_BYTES) {
        flush();
      }
    }

    void flush() throws IOException {
      if (bulk.size() == 0) {
        return;
      }
      JsonNode answer = http.bulk(index + "/_bulk", bulk.toByteArray());
      bulk.reset();
      if (answer.path("errors").asBoolean()) {
        for (JsonNode item : answer.path("items")) {
          JsonNode error = item.path("index").path("error");
          if (!error.isMissingNode()) {
            throw new IOException("OpenSearch refused a document: " + error);
          }
        }
      }
    }

    /** The vectors the served version holds for these text hashes. */
    private Map<String, float[]> knownVectors(Set<String> hashes) throws IOException {
      ObjectNode body = IndexStore.JSON.createObjectNode();
      // A text can be held by many passages: ask for a few hits a hash, within the result window.
      body.put("size", Math.min(MAX_WINDOW, hashes.size() * 4));
      body.putArray("_source").add(Schema.TEXT_HASH).add(OpenSearchSchema.VECTOR_BYTES);
      body.putObject("query").putObject("terms").set(Schema.TEXT_HASH, strings(hashes));
      Map<String, float[]> found = new HashMap<>();
      for (JsonNode hit : http.post(previousIndex + "/_search", body).path("hits").path("hits")) {
        JsonNode source = hit.path("_source");
        found.putIfAbsent(
            source.path(Schema.TEXT_HASH).asText(),
            OpenSearchSchema.decode(source.path(OpenSearchSchema.VECTOR_BYTES).asText()));
      }
      return found;
    }
  }

  private static String metaJson(Source source) {
    try {
      return IndexStore.JSON.writeValueAsString(source);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata of " + source.id() + " cannot be written", e);
    }
  }

  private static ArrayNode strings(Iterable<String> values) {
    ArrayNode array = IndexStore.JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** Every article document of an index, page by page in write order. */
  private void eachArticle(
      String index, List<String> fields, java.util.function.Consumer<JsonNode> each)
      throws IOException {
    JsonNode after = null;
    while (true) {
      ObjectNode body = IndexStore.JSON.createObjectNode();
      body.put("size", PAGE);
      body.put("track_total_hits", false);
      ArrayNode source = body.putArray("_source");
      fields.forEach(source::add);
      body.putObject("query").putObject("term").put(Schema.TYPE, Schema.TYPE_ARTICLE);
      body.putArray("sort").addObject().put(OpenSearchSchema.SEQ, "asc");
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode hits = http.post(index + "/_search", body).path("hits").path("hits");
      for (JsonNode hit : hits) {
        each.accept(hit.path("_source"));
        after = hit.path("sort");
      }
      if (hits.size() < PAGE) {
        return;
      }
    }
  }

  private Map<String, String> indexedHashes(String index) throws IOException {
    Map<String, String> hashes = new HashMap<>();
    eachArticle(
        index,
        List.of(Schema.ARTICLE, Schema.HASH),
        source ->
            hashes.put(source.path(Schema.ARTICLE).asText(), source.path(Schema.HASH).asText()));
    return hashes;
  }

  @Override
  public void startServing() throws IOException {
    catalogue = loadCatalogue();
    lastRefresh = System.nanoTime();
  }

  private Catalogue loadCatalogue() throws IOException {
    String index = servedIndex();
    if (index == null) {
      throw new IOException("OpenSearch has no index " + alias() + " at " + connection.url());
    }
    long version = Long.parseLong(index.substring(index.lastIndexOf("-v") + 2));
    Map<String, StoredArticle> articles = new LinkedHashMap<>();
    eachArticle(
        index,
        List.of(Schema.META, Schema.BODY),
        source -> {
          Source meta = IndexStore.readSource(source.path(Schema.META).asText());
          articles.put(meta.id(), new StoredArticle(meta, source.path(Schema.BODY).asText()));
        });
    return new Catalogue(version, Map.copyOf(articles));
  }

  @Override
  public Catalogue current() {
    long now = System.nanoTime();
    if (now - lastRefresh >= REFRESH_NANOS) {
      lastRefresh = now;
      try {
        String index = servedIndex();
        if (index != null && !index.equals(physical(catalogue.version()))) {
          catalogue = loadCatalogue();
        }
      } catch (IOException | RuntimeException e) {
        log.warn(
            "Looking for a new version in OpenSearch failed; still serving version {}: {}",
            catalogue.version(),
            e.toString());
      }
    }
    return catalogue;
  }

  @Override
  public void reload() throws IOException {
    catalogue = loadCatalogue();
  }

  @Override
  public PassageSearch search(Catalogue catalogue) {
    return new OpenSearchPassageSearch(http, physical(catalogue.version()));
  }

  @Override
  public String describe() {
    return "OpenSearch " + connection;
  }

  @Override
  public void close() {
    // The JDK's HTTP client lets its threads go when unreferenced.
  }
}
