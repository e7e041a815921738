package readingroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import readingroom.index.model.Embedder;
import readingroom.index.model.IndexProgress;
import readingroom.index.model.IndexReport;
import readingroom.index.model.OpenSearchConnection;
import readingroom.index.search.BgeSmallEmbedder;

/**
 * The OpenSearch backend against a real node (the distribution and k-NN plugin from Maven Central,
 * started by {@link OpenSearchNode} for this class alone), beside the embedded Lucene index over
 * the same shipped corpus and the same real embedder: the answers contract must not depend on the
 * backend.
 */
class OpenSearchBackendTest {

  static OpenSearchNode node;
  static Embedder embedder;
  static Engine lucene;
  static Engine openSearch;
  static IndexReport openSearchBuild;

  @TempDir static Path folder;

  @BeforeAll
  static void startNodeAndBuildBoth() throws Exception {
    node = OpenSearchNode.start();
    embedder = new RememberingEmbedder(new BgeSmallEmbedder());
    lucene = Fixtures.engine(Fixtures.corpus(), folder.resolve("lucene")).embedder(embedder).open();
    openSearch =
        Fixtures.engine(Fixtures.corpus(), folder.resolve("unused"))
            .openSearch(OpenSearchConnection.local(node.url(), "readingroom"))
            .embedder(embedder)
            .open();
    openSearchBuild = openSearch.openingLoad().index();
  }

  @AfterAll
  static void stopNode() {
    if (openSearch != null) {
      openSearch.close();
    }
    if (lucene != null) {
      lucene.close();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void answersTheDevQuestionsWithTheEmbeddedIndexsQuotes() throws IOException {
    List<String> differences = new ArrayList<>();
    int questions = 0;
    for (String line : Files.readAllLines(devQuestions())) {
      if (line.isBlank()) {
        continue;
      }
      String text = new ObjectMapper().readTree(line).path("question").asText();
      questions++;
      Answer embedded = lucene.ask(Question.of(text));
      Answer cluster = openSearch.ask(Question.of(text));
      if (!summary(embedded).equals(summary(cluster))) {
        differences.add(
            text + "\n  lucene:     " + summary(embedded) + "\n  opensearch: " + summary(cluster));
      }
    }
    System.out.printf(
        "OpenSearch and Lucene agree on %d of %d dev questions%n",
        questions - differences.size(), questions);
    assertThat(questions).isGreaterThan(20);
    assertThat(differences).as("answers that differ").isEmpty();
  }

  @Test
  void aChannelScopeAdmitsOnlyItsArticlesAndAbstainsLikeTheEmbeddedIndex() {
    String article = lucene.sources(Scope.all()).get(0).id();
    Question scoped =
        new Question(
            "why did russia invite the taliban to moscow?", Scope.articles(Set.of(article)), 3, 0);
    Answer cluster = openSearch.ask(scoped);
    assertThat(cluster.results()).isNotEmpty();
    assertThat(cluster.results()).allMatch(r -> r.source().id().equals(article));
    assertThat(summary(cluster)).isEqualTo(summary(lucene.ask(scoped)));

    Question nowhere =
        new Question("who won the 1998 world cup final?", Scope.articles(Set.of(article)), 3, 0);
    assertThat(openSearch.ask(nowhere).answered()).isFalse();
    assertThat(summary(openSearch.ask(nowhere))).isEqualTo(summary(lucene.ask(nowhere)));
  }

  @Test
  void quotesAreVerbatimWithOffsetsAndLinksIntoTheArticle() {
    Answer answer = openSearch.ask(Question.of("how many ISIS fighters remain in afghanistan?"));
    assertThat(answer.results()).isNotEmpty();
    for (Result result : answer.results()) {
      String text = openSearch.articleText(result.source().id()).orElseThrow();
      assertThat(result.verbatim()).isEqualTo(text.substring(result.start(), result.end()));
      assertThat(result.link()).startsWith(result.source().url());
    }
  }

  @Test
  void anUpdateCopiesUnchangedArticlesInTheClusterAndEmbedsNothingKnown(@TempDir Path corpus)
      throws Exception {
    Fixtures.copyCorpus(corpus);
    OpenSearchConnection connection = OpenSearchConnection.local(node.url(), "updated");
    try (Engine engine =
        Fixtures.engine(corpus, corpus.resolve("unused"))
            .openSearch(connection)
            .embedder(embedder)
            .open()) {
      long first = engine.version();
      Path gone;
      try (var files = Files.list(corpus)) {
        gone = files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
      }
      Files.delete(gone);
      Engine.LoadReport report = engine.reindex(false, IndexProgress.NONE);
      assertThat(report.index().removed()).isEqualTo(1);
      assertThat(report.index().embedded()).isZero();
      assertThat(engine.version()).isEqualTo(first + 1);
      assertThat(engine.sources(Scope.all())).hasSize(4);
    }
    // The previous version is kept for questions still reading it; nothing older.
    JsonNode indices =
        new ObjectMapper().readTree(get("/_cat/indices/updated-v*?format=json&h=index"));
    assertThat(indices).hasSize(2);
  }

  @Test
  void aServingEngineOpensTheClusterIndexWithoutWriting() {
    try (Engine served =
        Fixtures.engine(Fixtures.corpus(), folder.resolve("unused"))
            .openSearch(OpenSearchConnection.local(node.url(), "readingroom"))
            .embedder(embedder)
            .updates(Engine.Updates.NEVER)
            .open()) {
      assertThat(served.version()).isEqualTo(openSearch.version());
      assertThat(summary(served.ask(Question.of("when did russia host the taliban?"))))
          .isEqualTo(summary(lucene.ask(Question.of("when did russia host the taliban?"))));
    }
    assertThat(openSearchBuild.passages()).isPositive();
  }

  @Test
  void anUnreachableClusterStopsTheOpenWithItsAddress() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
    assertThatThrownBy(() ->
            Fixtures.engine(Fixtures.corpus(), folder.resolve("unused"))
                .openSearch(OpenSearchConnection.local(nowhere, "readingroom"))
                .embedder(embedder)
                .open())
        .isInstanceOf(EngineException.class)
        .hasMessageContaining(nowhere.toString())
        .hasMessageContaining("cannot be reached");
  }

  /** What a reader sees of an answer: whether it answers, and each quote with its article. */
  private static List<String> summary(Answer answer) {
    List<String> lines = new ArrayList<>();
    lines.add(answer.answered() ? "answered" : "not answered");
    for (Result result : answer.results()) {
      lines.add(
          result.source().id() + " [" + result.start() + "," + result.end() + ") " + result.link());
    }
    return lines;
  }

  private static String get(String path) throws IOException, InterruptedException {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(node.url().resolve(path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The shared dev questions beside the clone (as the bot's quality test finds them). */
  private static Path devQuestions() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("shared/eval/dev.jsonl");
      if (Files.exists(file)) {
        return file;
      }
    }
    throw new IllegalStateException(
        "shared/eval/dev.jsonl not found above " + Path.of("").toAbsolutePath());
  }

  /** Embeds each text once for both backends: the vectors are the same model's either way. */
  static final class RememberingEmbedder implements Embedder {
    private final Embedder inner;
    private final Map<String, float[]> known = new ConcurrentHashMap<>();

    RememberingEmbedder(Embedder inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public int dimensions() {
      return inner.dimensions();
    }

    @Override
    public float[] embedQuery(String question) {
      return inner.embedQuery(question);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      List<String> missing =
          passages.stream().filter(p -> !known.containsKey(p)).distinct().toList();
      if (!missing.isEmpty()) {
        List<float[]> fresh = inner.embedPassages(missing);
        for (int i = 0; i < missing.size(); i++) {
          known.put(missing.get(i), fresh.get(i));
        }
      }
      return passages.stream().map(p -> known.get(p).clone()).toList();
    }
  }
}
