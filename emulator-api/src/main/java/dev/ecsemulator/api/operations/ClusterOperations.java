package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.model.CreateClusterRequest;
import dev.ecsemulator.core.model.CreateClusterResponse;
import dev.ecsemulator.core.model.ListClustersRequest;
import dev.ecsemulator.core.model.ListClustersResponse;

/** The cluster operations of the dispatch table. */
public final class ClusterOperations {

  private ClusterOperations() {}

  public static void register(OperationTable table, Clusters clusters) {
    table.register("CreateCluster", CreateClusterRequest.class,
        (ctx, req) -> new CreateClusterResponse(clusters.create(ctx.scope(), req)));
    table.register("ListClusters", ListClustersRequest.class, (ctx, req) -> {
      var page = clusters.listArns(ctx.scope(), req.maxResults(), req.nextToken());
      return new ListClustersResponse(page.items(), page.nextToken());
    });
  }
}
