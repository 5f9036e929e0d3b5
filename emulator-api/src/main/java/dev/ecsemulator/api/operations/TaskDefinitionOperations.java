package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.model.DeleteTaskDefinitionsRequest;
import dev.ecsemulator.core.model.DeleteTaskDefinitionsResponse;
import dev.ecsemulator.core.model.DeregisterTaskDefinitionRequest;
import dev.ecsemulator.core.model.DeregisterTaskDefinitionResponse;
import dev.ecsemulator.core.model.DescribeTaskDefinitionRequest;
import dev.ecsemulator.core.model.DescribeTaskDefinitionResponse;
import dev.ecsemulator.core.model.ListTaskDefinitionFamiliesRequest;
import dev.ecsemulator.core.model.ListTaskDefinitionFamiliesResponse;
import dev.ecsemulator.core.model.ListTaskDefinitionsRequest;
import dev.ecsemulator.core.model.ListTaskDefinitionsResponse;
import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;
import dev.ecsemulator.core.model.RegisterTaskDefinitionResponse;
import dev.ecsemulator.core.taskdef.TaskDefinitions;

/** The task definition operations of the dispatch table. */
public final class TaskDefinitionOperations {

  private TaskDefinitionOperations() {}

  public static void register(OperationTable table, TaskDefinitions taskDefinitions) {
    table.register("RegisterTaskDefinition", RegisterTaskDefinitionRequest.class, (ctx, req) -> {
      var registered = taskDefinitions.register(ctx.scope(), req);
      return new RegisterTaskDefinitionResponse(registered.tags(), registered.taskDefinition());
    });
    table.register("DescribeTaskDefinition", DescribeTaskDefinitionRequest.class, (ctx, req) -> {
      boolean tags = req.include() != null && req.include().contains("TAGS");
      var described = taskDefinitions.describe(ctx.scope(), req.taskDefinition(), tags);
      return new DescribeTaskDefinitionResponse(described.tags(), described.taskDefinition());
    });
    table.register("ListTaskDefinitions", ListTaskDefinitionsRequest.class, (ctx, req) -> {
      var page = taskDefinitions.list(ctx.scope(), req);
      return new ListTaskDefinitionsResponse(page.nextToken(), page.items());
    });
    table.register("ListTaskDefinitionFamilies", ListTaskDefinitionFamiliesRequest.class, (ctx, req) -> {
      var page = taskDefinitions.listFamilies(ctx.scope(), req);
      return new ListTaskDefinitionFamiliesResponse(page.items(), page.nextToken());
    });
    table.register("DeregisterTaskDefinition", DeregisterTaskDefinitionRequest.class,
        (ctx, req) -> new DeregisterTaskDefinitionResponse(taskDefinitions.deregister(ctx.scope(), req.taskDefinition())));
    table.register("DeleteTaskDefinitions", DeleteTaskDefinitionsRequest.class, (ctx, req) -> {
      var outcome = taskDefinitions.delete(ctx.scope(), req.taskDefinitions());
      return new DeleteTaskDefinitionsResponse(outcome.failures(), outcome.taskDefinitions());
    });
  }
}
