package readingroom.index.model;

import java.net.URI;
import java.util.Objects;

/**
 * Where an OpenSearch backend lives and how to sign in: the cluster's address, the name of the
 * index (an alias over one physical index per version), and credentials for HTTP basic auth, which
 * come from the environment, never from a file in the repository.
 *
 * @param url the cluster, e.g. {@code http://localhost:9200}
 * @param index the alias the engine serves; each version is the physical index {@code
 *     <index>-v<version>}
 * @param username null for a cluster without security
 * @param password null for a cluster without security
 * @param shards primary shards of each physical index: one up to tens of millions of passages
 * @param replicas copies of each shard, for more questions per second and for failover
 */
public record OpenSearchConnection(
    URI url, String index, String username, String password, int shards, int replicas) {

  public OpenSearchConnection {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(index, "index");
    if (!index.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "an OpenSearch index name is lower-case letters, digits, '-' and '_'; was \""
              + index
              + "\"");
    }
    if (shards < 1 || replicas < 0) {
      throw new IllegalArgumentException(
          "shards must be at least 1 and replicas at least 0; were " + shards + ", " + replicas);
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("an OpenSearch username needs a password, and back");
    }
  }

  /** A cluster without security, one shard and no replica: a single node, as in tests. */
  public static OpenSearchConnection local(URI url, String index) {
    return new OpenSearchConnection(url, index, null, null, 1, 0);
  }

  @Override
  public String toString() {
    // Never the password: this ends up in messages and logs.
    return url + "/" + index + (username != null ? " as " + username : "");
  }
}
