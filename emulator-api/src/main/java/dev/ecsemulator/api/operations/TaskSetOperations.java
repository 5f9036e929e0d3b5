package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.model.CreateTaskSetRequest;
import dev.ecsemulator.core.model.CreateTaskSetResponse;
import dev.ecsemulator.core.model.DeleteTaskSetRequest;
import dev.ecsemulator.core.model.DeleteTaskSetResponse;
import dev.ecsemulator.core.model.DescribeTaskSetsRequest;
import dev.ecsemulator.core.model.UpdateServicePrimaryTaskSetRequest;
import dev.ecsemulator.core.model.UpdateServicePrimaryTaskSetResponse;
import dev.ecsemulator.core.model.UpdateTaskSetRequest;
import dev.ecsemulator.core.model.UpdateTaskSetResponse;
import dev.ecsemulator.core.service.TaskSetCommands;
import dev.ecsemulator.core.service.TaskSetQueries;

/** The task set operations (EXTERNAL deployment controller) of the dispatch table. */
public final class TaskSetOperations {

  private TaskSetOperations() {}

  public static void register(OperationTable table, TaskSetCommands commands, TaskSetQueries queries) {
    table.register("CreateTaskSet", CreateTaskSetRequest.class,
        (ctx, req) -> new CreateTaskSetResponse(commands.create(ctx.scope(), req)));
    table.register("UpdateTaskSet", UpdateTaskSetRequest.class,
        (ctx, req) -> new UpdateTaskSetResponse(commands.update(ctx.scope(), req)));
    table.register("UpdateServicePrimaryTaskSet", UpdateServicePrimaryTaskSetRequest.class,
        (ctx, req) -> new UpdateServicePrimaryTaskSetResponse(commands.updatePrimary(ctx.scope(), req)));
    table.register("DeleteTaskSet", DeleteTaskSetRequest.class,
        (ctx, req) -> new DeleteTaskSetResponse(commands.delete(ctx.scope(), req)));
    table.register("DescribeTaskSets", DescribeTaskSetsRequest.class,
        (ctx, req) -> queries.describe(ctx.scope(), req));
  }
}
