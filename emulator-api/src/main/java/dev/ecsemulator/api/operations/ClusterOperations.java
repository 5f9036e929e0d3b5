package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.model.CreateClusterRequest;
import dev.ecsemulator.core.model.CreateClusterResponse;
import dev.ecsemulator.core.model.DeleteClusterRequest;
import dev.ecsemulator.core.model.DeleteClusterResponse;
import dev.ecsemulator.core.model.DescribeClustersRequest;
import dev.ecsemulator.core.model.ListClustersRequest;
import dev.ecsemulator.core.model.ListClustersResponse;
import dev.ecsemulator.core.model.PutClusterCapacityProvidersRequest;
import dev.ecsemulator.core.model.PutClusterCapacityProvidersResponse;
import dev.ecsemulator.core.model.UpdateClusterRequest;
import dev.ecsemulator.core.model.UpdateClusterResponse;
import dev.ecsemulator.core.model.UpdateClusterSettingsRequest;
import dev.ecsemulator.core.model.UpdateClusterSettingsResponse;

/** The cluster operations of the dispatch table. */
public final class ClusterOperations {

  private ClusterOperations() {}

  public static void register(OperationTable table, Clusters clusters) {
    table.register("CreateCluster", CreateClusterRequest.class,
        (ctx, req) -> new CreateClusterResponse(clusters.create(ctx.scope(), req)));
    table.register("DescribeClusters", DescribeClustersRequest.class,
        (ctx, req) -> clusters.describe(ctx.scope(), req.clusters(), req.include()));
    table.register("ListClusters", ListClustersRequest.class, (ctx, req) -> {
      var page = clusters.listArns(ctx.scope(), req.maxResults(), req.nextToken());
      return new ListClustersResponse(page.items(), page.nextToken());
    });
    table.register("UpdateCluster", UpdateClusterRequest.class,
        (ctx, req) -> new UpdateClusterResponse(clusters.update(ctx.scope(), req)));
    table.register("UpdateClusterSettings", UpdateClusterSettingsRequest.class,
        (ctx, req) -> new UpdateClusterSettingsResponse(
            clusters.updateSettings(ctx.scope(), req.cluster(), req.settings())));
    table.register("PutClusterCapacityProviders", PutClusterCapacityProvidersRequest.class,
        (ctx, req) -> new PutClusterCapacityProvidersResponse(clusters.putCapacityProviders(
            ctx.scope(), req.cluster(), req.capacityProviders(), req.defaultCapacityProviderStrategy())));
    table.register("DeleteCluster", DeleteClusterRequest.class,
        (ctx, req) -> new DeleteClusterResponse(clusters.delete(ctx.scope(), req.cluster())));
  }
}
