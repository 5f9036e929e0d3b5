package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.tag.Tag;
import java.util.List;

/**
 * A cluster as stored. Counters (running tasks, services, ...) are not stored: they are computed from
 * the state when the cluster is described.
 */
public record Cluster(String clusterName, String clusterArn, String status, List<Tag> tags) {

  public static final Kind<Cluster> KIND = Kind.of("cluster", Cluster.class);

  public Cluster {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
