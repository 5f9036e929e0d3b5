package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.tag.Tag;
import java.util.List;

/** Request and response shapes of the cluster operations (botocore model names). */
public final class ClusterShapes {

  private ClusterShapes() {}

  public record CreateClusterRequest(String clusterName, List<Tag> tags) {}

  public record CreateClusterResponse(Cluster cluster) {}

  public record ListClustersRequest(String nextToken, Integer maxResults) {}

  public record ListClustersResponse(List<String> clusterArns, String nextToken) {}
}
