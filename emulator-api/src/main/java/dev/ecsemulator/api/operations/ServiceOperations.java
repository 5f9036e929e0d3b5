package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.model.CreateServiceRequest;
import dev.ecsemulator.core.model.CreateServiceResponse;
import dev.ecsemulator.core.model.DeleteServiceRequest;
import dev.ecsemulator.core.model.DeleteServiceResponse;
import dev.ecsemulator.core.model.DescribeServiceDeploymentsRequest;
import dev.ecsemulator.core.model.DescribeServiceRevisionsRequest;
import dev.ecsemulator.core.model.DescribeServicesRequest;
import dev.ecsemulator.core.model.ListServiceDeploymentsRequest;
import dev.ecsemulator.core.model.ListServicesRequest;
import dev.ecsemulator.core.model.ListServicesResponse;
import dev.ecsemulator.core.model.UpdateServiceRequest;
import dev.ecsemulator.core.model.UpdateServiceResponse;
import dev.ecsemulator.core.service.ServiceCommands;
import dev.ecsemulator.core.service.ServiceDeploymentQueries;
import dev.ecsemulator.core.service.ServiceQueries;

/** The service operations of the dispatch table. */
public final class ServiceOperations {

  private ServiceOperations() {}

  public static void register(OperationTable table, ServiceCommands commands, ServiceQueries queries,
      ServiceDeploymentQueries history) {
    table.register("CreateService", CreateServiceRequest.class,
        (ctx, req) -> new CreateServiceResponse(commands.create(ctx.scope(), req)));
    table.register("UpdateService", UpdateServiceRequest.class,
        (ctx, req) -> new UpdateServiceResponse(commands.update(ctx.scope(), req)));
    table.register("DeleteService", DeleteServiceRequest.class,
        (ctx, req) -> new DeleteServiceResponse(commands.delete(ctx.scope(), req)));
    table.register("DescribeServices", DescribeServicesRequest.class,
        (ctx, req) -> queries.describe(ctx.scope(), req));
    table.register("ListServices", ListServicesRequest.class, (ctx, req) -> {
      var page = queries.list(ctx.scope(), req);
      return new ListServicesResponse(page.nextToken(), page.items());
    });
    table.register("ListServiceDeployments", ListServiceDeploymentsRequest.class,
        (ctx, req) -> history.list(ctx.scope(), req));
    table.register("DescribeServiceDeployments", DescribeServiceDeploymentsRequest.class,
        (ctx, req) -> history.describeDeployments(ctx.scope(), req.serviceDeploymentArns()));
    table.register("DescribeServiceRevisions", DescribeServiceRevisionsRequest.class,
        (ctx, req) -> history.describeRevisions(ctx.scope(), req.serviceRevisionArns()));
  }
}
