package dev.ecsemulator.core.cluster;

import static dev.ecsemulator.core.EcsKinds.CLUSTER;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.CreateClusterRequest;
import dev.ecsemulator.core.state.StateStore;
import java.util.List;

/** Cluster operations. Thread-safe: every call is one store transaction. */
public final class Clusters {

  /** Name used when a request names no cluster (Model: "If you do not specify a cluster, the default cluster is assumed"). */
  public static final String DEFAULT_CLUSTER = "default";

  private final StateStore store;

  public Clusters(StateStore store) {
    this.store = store;
  }

  /** CreateCluster: idempotent for an existing ACTIVE cluster of that name, which is returned as is. */
  public Cluster create(Scope scope, CreateClusterRequest request) {
    String name = request.clusterName() == null || request.clusterName().isEmpty()
        ? DEFAULT_CLUSTER : request.clusterName();
    return store.write(scope, txn -> txn.get(CLUSTER, name)
        .filter(c -> c.status().equals("ACTIVE"))
        .orElseGet(() -> {
          Cluster created = Cluster.builder()
              .clusterName(name)
              .clusterArn(Arns.cluster(scope, name))
              .status("ACTIVE")
              .tags(request.tags() == null ? List.of() : request.tags())
              .build();
          txn.put(CLUSTER, name, created);
          return created;
        }));
  }

  /** The ACTIVE cluster named by name or ARN (null or empty: {@code default}). TEMPORARY: replaced on merge. */
  public static Cluster require(dev.ecsemulator.core.state.StateView view, Scope scope, String clusterRef) {
    return view.get(CLUSTER, nameOf(clusterRef))
        .filter(c -> c.status().equals("ACTIVE"))
        .orElseThrow(dev.ecsemulator.core.error.ClusterNotFoundException::new);
  }

  public static String nameOf(String clusterRef) {
    if (clusterRef == null || clusterRef.isEmpty()) {
      return DEFAULT_CLUSTER;
    }
    return clusterRef.startsWith("arn:") ? clusterRef.substring(clusterRef.lastIndexOf('/') + 1) : clusterRef;
  }

  /** ListClusters: ARNs of ACTIVE clusters, paginated (default and maximum page size 100). */
  public Paging.Page<String> listArns(Scope scope, Integer maxResults, String nextToken) {
    List<Cluster> active = store.read(scope, view -> view.list(CLUSTER, c -> c.status().equals("ACTIVE")));
    Paging.Page<Cluster> page = Paging.page(active, Cluster::clusterName, maxResults, nextToken, 100, 100);
    return new Paging.Page<>(page.items().stream().map(Cluster::clusterArn).toList(), page.nextToken());
  }
}
