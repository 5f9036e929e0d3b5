package dev.ecsemulator.api.autoscaling;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.autoscaling.ApplicationAutoScaling;
import dev.ecsemulator.core.autoscaling.model.DeleteScalingPolicyRequest;
import dev.ecsemulator.core.autoscaling.model.DeleteScheduledActionRequest;
import dev.ecsemulator.core.autoscaling.model.DeregisterScalableTargetRequest;
import dev.ecsemulator.core.autoscaling.model.DescribeScalableTargetsRequest;
import dev.ecsemulator.core.autoscaling.model.DescribeScalingActivitiesRequest;
import dev.ecsemulator.core.autoscaling.model.DescribeScalingPoliciesRequest;
import dev.ecsemulator.core.autoscaling.model.DescribeScheduledActionsRequest;
import dev.ecsemulator.core.autoscaling.model.PutScalingPolicyRequest;
import dev.ecsemulator.core.autoscaling.model.PutScheduledActionRequest;
import dev.ecsemulator.core.autoscaling.model.RegisterScalableTargetRequest;
import dev.ecsemulator.core.autoscaling.model.RegisterScalableTargetResponse;

/** The Application Auto Scaling operations of the dispatch table: one core call each. */
final class AutoScalingOperations {

  private AutoScalingOperations() {}

  static void register(OperationTable table, ApplicationAutoScaling aas) {
    table.register("RegisterScalableTarget", RegisterScalableTargetRequest.class,
        (ctx, req) -> new RegisterScalableTargetResponse(aas.targets().register(ctx.scope(), req)));
    table.register("DescribeScalableTargets", DescribeScalableTargetsRequest.class,
        (ctx, req) -> aas.targets().describe(ctx.scope(), req));
    table.register("DeregisterScalableTarget", DeregisterScalableTargetRequest.class, (ctx, req) -> {
      aas.targets().deregister(ctx.scope(), req.serviceNamespace(), req.scalableDimension(), req.resourceId());
      return null;
    });
    table.register("PutScalingPolicy", PutScalingPolicyRequest.class,
        (ctx, req) -> aas.policies().put(ctx.scope(), req));
    table.register("DescribeScalingPolicies", DescribeScalingPoliciesRequest.class,
        (ctx, req) -> aas.policies().describe(ctx.scope(), req));
    table.register("DeleteScalingPolicy", DeleteScalingPolicyRequest.class, (ctx, req) -> {
      aas.policies().delete(ctx.scope(), req.serviceNamespace(), req.scalableDimension(), req.resourceId(),
          req.policyName());
      return null;
    });
    table.register("DescribeScalingActivities", DescribeScalingActivitiesRequest.class,
        (ctx, req) -> aas.activities().describe(ctx.scope(), req));
    table.register("PutScheduledAction", PutScheduledActionRequest.class, (ctx, req) -> {
      aas.scheduledActions().put(ctx.scope(), req);
      return null;
    });
    table.register("DescribeScheduledActions", DescribeScheduledActionsRequest.class,
        (ctx, req) -> aas.scheduledActions().describe(ctx.scope(), req));
    table.register("DeleteScheduledAction", DeleteScheduledActionRequest.class, (ctx, req) -> {
      aas.scheduledActions().delete(ctx.scope(), req.serviceNamespace(), req.scalableDimension(), req.resourceId(),
          req.scheduledActionName());
      return null;
    });
  }
}
