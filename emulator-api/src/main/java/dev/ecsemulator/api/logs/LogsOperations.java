package dev.ecsemulator.api.logs;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.logs.LogGroups;
import dev.ecsemulator.core.logs.Logs;
import dev.ecsemulator.core.logs.model.CreateLogGroupRequest;
import dev.ecsemulator.core.logs.model.CreateLogStreamRequest;
import dev.ecsemulator.core.logs.model.DeleteLogGroupRequest;
import dev.ecsemulator.core.logs.model.DeleteLogStreamRequest;
import dev.ecsemulator.core.logs.model.DeleteRetentionPolicyRequest;
import dev.ecsemulator.core.logs.model.DescribeLogGroupsRequest;
import dev.ecsemulator.core.logs.model.DescribeLogStreamsRequest;
import dev.ecsemulator.core.logs.model.FilterLogEventsRequest;
import dev.ecsemulator.core.logs.model.GetLogEventsRequest;
import dev.ecsemulator.core.logs.model.ListTagsForResourceRequest;
import dev.ecsemulator.core.logs.model.ListTagsForResourceResponse;
import dev.ecsemulator.core.logs.model.ListTagsLogGroupRequest;
import dev.ecsemulator.core.logs.model.ListTagsLogGroupResponse;
import dev.ecsemulator.core.logs.model.PutLogEventsRequest;
import dev.ecsemulator.core.logs.model.PutLogGroupDeletionProtectionRequest;
import dev.ecsemulator.core.logs.model.PutRetentionPolicyRequest;
import dev.ecsemulator.core.logs.model.TagLogGroupRequest;
import dev.ecsemulator.core.logs.model.TagResourceRequest;
import dev.ecsemulator.core.logs.model.UntagLogGroupRequest;
import dev.ecsemulator.core.logs.model.UntagResourceRequest;

/** The CloudWatch Logs operations of the dispatch table: one core call each. */
final class LogsOperations {

  private LogsOperations() {}

  static void register(OperationTable table, Logs logs) {
    LogGroups groups = logs.groups();
    table.register("CreateLogGroup", CreateLogGroupRequest.class, (ctx, req) -> {
      groups.create(ctx.scope(), req);
      return null;
    });
    table.register("DeleteLogGroup", DeleteLogGroupRequest.class, (ctx, req) -> {
      groups.delete(ctx.scope(), req.logGroupName());
      return null;
    });
    table.register("DescribeLogGroups", DescribeLogGroupsRequest.class,
        (ctx, req) -> groups.describe(ctx.scope(), req));
    table.register("PutRetentionPolicy", PutRetentionPolicyRequest.class, (ctx, req) -> {
      groups.putRetention(ctx.scope(), req.logGroupName(), req.retentionInDays());
      return null;
    });
    table.register("PutLogGroupDeletionProtection", PutLogGroupDeletionProtectionRequest.class, (ctx, req) -> {
      groups.putDeletionProtection(ctx.scope(), req.logGroupIdentifier(), req.deletionProtectionEnabled());
      return null;
    });
    table.register("DeleteRetentionPolicy", DeleteRetentionPolicyRequest.class, (ctx, req) -> {
      groups.deleteRetention(ctx.scope(), req.logGroupName());
      return null;
    });
    registerTags(table, groups);
    table.register("CreateLogStream", CreateLogStreamRequest.class, (ctx, req) -> {
      logs.streams().create(ctx.scope(), req.logGroupName(), req.logStreamName());
      return null;
    });
    table.register("DeleteLogStream", DeleteLogStreamRequest.class, (ctx, req) -> {
      logs.streams().delete(ctx.scope(), req.logGroupName(), req.logStreamName());
      return null;
    });
    table.register("DescribeLogStreams", DescribeLogStreamsRequest.class,
        (ctx, req) -> logs.streams().describe(ctx.scope(), req));
    table.register("PutLogEvents", PutLogEventsRequest.class, (ctx, req) -> logs.events().put(ctx.scope(), req));
    table.register("GetLogEvents", GetLogEventsRequest.class, (ctx, req) -> logs.queries().get(ctx.scope(), req));
    table.register("FilterLogEvents", FilterLogEventsRequest.class,
        (ctx, req) -> logs.queries().filter(ctx.scope(), req));
  }

  /** The tagging operations: by log group ARN, and the older ones by log group name. */
  private static void registerTags(OperationTable table, LogGroups groups) {
    table.register("TagResource", TagResourceRequest.class, (ctx, req) -> {
      groups.tag(ctx.scope(), LogGroups.groupOfArn(ctx.scope(), req.resourceArn()), req.tags());
      return null;
    });
    table.register("UntagResource", UntagResourceRequest.class, (ctx, req) -> {
      groups.untag(ctx.scope(), LogGroups.groupOfArn(ctx.scope(), req.resourceArn()), req.tagKeys());
      return null;
    });
    table.register("ListTagsForResource", ListTagsForResourceRequest.class, (ctx, req) ->
        new ListTagsForResourceResponse(groups.tags(ctx.scope(), LogGroups.groupOfArn(ctx.scope(), req.resourceArn()))));
    table.register("TagLogGroup", TagLogGroupRequest.class, (ctx, req) -> {
      groups.tag(ctx.scope(), req.logGroupName(), req.tags());
      return null;
    });
    table.register("UntagLogGroup", UntagLogGroupRequest.class, (ctx, req) -> {
      groups.untag(ctx.scope(), req.logGroupName(), req.tags());
      return null;
    });
    table.register("ListTagsLogGroup", ListTagsLogGroupRequest.class,
        (ctx, req) -> new ListTagsLogGroupResponse(groups.tags(ctx.scope(), req.logGroupName())));
  }
}
