package dev.ecsemulator.api.ssm;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.ssm.ParameterCommands;
import dev.ecsemulator.core.ssm.ParameterQueries;
import dev.ecsemulator.core.ssm.model.AddTagsToResourceRequest;
import dev.ecsemulator.core.ssm.model.DeleteParameterRequest;
import dev.ecsemulator.core.ssm.model.DeleteParametersRequest;
import dev.ecsemulator.core.ssm.model.DescribeParametersRequest;
import dev.ecsemulator.core.ssm.model.GetParameterHistoryRequest;
import dev.ecsemulator.core.ssm.model.GetParameterRequest;
import dev.ecsemulator.core.ssm.model.GetParametersByPathRequest;
import dev.ecsemulator.core.ssm.model.GetParametersRequest;
import dev.ecsemulator.core.ssm.model.LabelParameterVersionRequest;
import dev.ecsemulator.core.ssm.model.ListTagsForResourceRequest;
import dev.ecsemulator.core.ssm.model.PutParameterRequest;
import dev.ecsemulator.core.ssm.model.RemoveTagsFromResourceRequest;
import dev.ecsemulator.core.ssm.model.UnlabelParameterVersionRequest;

/** The Parameter Store operations of SSM's dispatch table. */
final class SsmOperations {

  private SsmOperations() {}

  static void register(OperationTable table, ParameterCommands commands, ParameterQueries queries) {
    table.register("PutParameter", PutParameterRequest.class, (ctx, req) -> commands.put(ctx.scope(), req));
    table.register("DeleteParameter", DeleteParameterRequest.class, (ctx, req) -> {
      commands.delete(ctx.scope(), req.name());
      return null;
    });
    table.register("DeleteParameters", DeleteParametersRequest.class,
        (ctx, req) -> commands.deleteAll(ctx.scope(), req.names()));
    table.register("LabelParameterVersion", LabelParameterVersionRequest.class,
        (ctx, req) -> commands.label(ctx.scope(), req));
    table.register("UnlabelParameterVersion", UnlabelParameterVersionRequest.class,
        (ctx, req) -> commands.unlabel(ctx.scope(), req));
    table.register("AddTagsToResource", AddTagsToResourceRequest.class, (ctx, req) -> {
      commands.tag(ctx.scope(), req.resourceType(), req.resourceId(), req.tags());
      return null;
    });
    table.register("RemoveTagsFromResource", RemoveTagsFromResourceRequest.class, (ctx, req) -> {
      commands.untag(ctx.scope(), req.resourceType(), req.resourceId(), req.tagKeys());
      return null;
    });
    table.register("GetParameter", GetParameterRequest.class,
        (ctx, req) -> queries.get(ctx.scope(), req.name(), Boolean.TRUE.equals(req.withDecryption())));
    table.register("GetParameters", GetParametersRequest.class,
        (ctx, req) -> queries.getAll(ctx.scope(), req.names(), Boolean.TRUE.equals(req.withDecryption())));
    table.register("GetParametersByPath", GetParametersByPathRequest.class,
        (ctx, req) -> queries.byPath(ctx.scope(), req));
    table.register("DescribeParameters", DescribeParametersRequest.class,
        (ctx, req) -> queries.describe(ctx.scope(), req));
    table.register("GetParameterHistory", GetParameterHistoryRequest.class,
        (ctx, req) -> queries.history(ctx.scope(), req));
    table.register("ListTagsForResource", ListTagsForResourceRequest.class,
        (ctx, req) -> queries.tags(ctx.scope(), req.resourceType(), req.resourceId()));
  }
}
