package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.instance.AgentEndpoints;
import dev.ecsemulator.core.instance.ContainerInstanceQueries;
import dev.ecsemulator.core.model.DescribeContainerInstancesRequest;
import dev.ecsemulator.core.model.DiscoverPollEndpointRequest;
import dev.ecsemulator.core.model.ListContainerInstancesRequest;

/** The container instance operations of the dispatch table, and the agent's DiscoverPollEndpoint. */
public final class ContainerInstanceOperations {

  private ContainerInstanceOperations() {}

  public static void register(OperationTable table, ContainerInstanceQueries queries) {
    table.register("ListContainerInstances", ListContainerInstancesRequest.class,
        (ctx, req) -> queries.list(ctx.scope(), req));
    table.register("DescribeContainerInstances", DescribeContainerInstancesRequest.class,
        (ctx, req) -> queries.describe(ctx.scope(), req));
    table.register("DiscoverPollEndpoint", DiscoverPollEndpointRequest.class,
        (ctx, req) -> AgentEndpoints.discover(ctx.scope()));
  }
}
