package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.model.DescribeTasksRequest;
import dev.ecsemulator.core.model.ListTasksRequest;
import dev.ecsemulator.core.model.RunTaskRequest;
import dev.ecsemulator.core.model.StartTaskRequest;
import dev.ecsemulator.core.model.StopTaskRequest;
import dev.ecsemulator.core.task.TaskCommands;
import dev.ecsemulator.core.task.TaskQueries;

/** The task operations of the dispatch table. */
public final class TaskOperations {

  private TaskOperations() {}

  public static void register(OperationTable table, TaskCommands commands, TaskQueries queries) {
    table.register("RunTask", RunTaskRequest.class, (ctx, req) -> commands.run(ctx.scope(), req));
    table.register("StartTask", StartTaskRequest.class, (ctx, req) -> commands.start(ctx.scope(), req));
    table.register("StopTask", StopTaskRequest.class, (ctx, req) -> commands.stop(ctx.scope(), req));
    table.register("DescribeTasks", DescribeTasksRequest.class, (ctx, req) -> queries.describe(ctx.scope(), req));
    table.register("ListTasks", ListTasksRequest.class, (ctx, req) -> queries.list(ctx.scope(), req));
  }
}
