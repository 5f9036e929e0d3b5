package dev.ecsemulator.api.elbv2;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.elbv2.model.*;
import java.util.List;

/** ELBv2's dispatch table: one line per operation, one core call each. */
final class Elbv2Operations {

  private Elbv2Operations() {}

  static void register(OperationTable table, Elbv2Service.Core core) {
    table.register("CreateLoadBalancer", CreateLoadBalancerInput.class,
        (ctx, req) -> core.loadBalancers().create(ctx.scope(), req));
    table.register("DescribeLoadBalancers", DescribeLoadBalancersInput.class,
        (ctx, req) -> core.loadBalancers().describe(ctx.scope(), req));
    table.register("DeleteLoadBalancer", DeleteLoadBalancerInput.class, (ctx, req) -> {
      core.loadBalancers().delete(ctx.scope(), req.loadBalancerArn());
      return DeleteLoadBalancerOutput.empty();
    });

    table.register("CreateTargetGroup", CreateTargetGroupInput.class,
        (ctx, req) -> new CreateTargetGroupOutput(List.of(core.targetGroups().create(ctx.scope(), req))));
    table.register("ModifyTargetGroup", ModifyTargetGroupInput.class,
        (ctx, req) -> new ModifyTargetGroupOutput(List.of(core.targetGroups().modify(ctx.scope(), req))));
    table.register("DescribeTargetGroups", DescribeTargetGroupsInput.class, (ctx, req) -> {
      Paging.Page<TargetGroup> page = core.targetGroups().describe(ctx.scope(), req);
      return new DescribeTargetGroupsOutput(page.nextToken(), page.items());
    });
    table.register("DeleteTargetGroup", DeleteTargetGroupInput.class, (ctx, req) -> {
      core.targetGroups().delete(ctx.scope(), req.targetGroupArn());
      return DeleteTargetGroupOutput.empty();
    });
    table.register("DescribeTargetGroupAttributes", DescribeTargetGroupAttributesInput.class,
        (ctx, req) -> new DescribeTargetGroupAttributesOutput(
            core.targetGroups().attributes(ctx.scope(), req.targetGroupArn())));
    table.register("ModifyTargetGroupAttributes", ModifyTargetGroupAttributesInput.class,
        (ctx, req) -> new ModifyTargetGroupAttributesOutput(
            core.targetGroups().modifyAttributes(ctx.scope(), req.targetGroupArn(), req.attributes())));

    table.register("RegisterTargets", RegisterTargetsInput.class, (ctx, req) -> {
      core.targets().register(ctx.scope(), req.targetGroupArn(), req.targets());
      return RegisterTargetsOutput.empty();
    });
    table.register("DeregisterTargets", DeregisterTargetsInput.class, (ctx, req) -> {
      core.targets().deregister(ctx.scope(), req.targetGroupArn(), req.targets());
      return DeregisterTargetsOutput.empty();
    });
    table.register("DescribeTargetHealth", DescribeTargetHealthInput.class,
        (ctx, req) -> new DescribeTargetHealthOutput(
            core.targets().describe(ctx.scope(), req.targetGroupArn(), req.targets())));

    table.register("CreateListener", CreateListenerInput.class,
        (ctx, req) -> new CreateListenerOutput(List.of(core.listeners().create(ctx.scope(), req))));
    table.register("ModifyListener", ModifyListenerInput.class,
        (ctx, req) -> new ModifyListenerOutput(List.of(core.listeners().modify(ctx.scope(), req))));
    table.register("DescribeListeners", DescribeListenersInput.class, (ctx, req) -> {
      Paging.Page<Listener> page = core.listeners().describe(ctx.scope(), req);
      return new DescribeListenersOutput(page.items(), page.nextToken());
    });
    table.register("DeleteListener", DeleteListenerInput.class, (ctx, req) -> {
      core.listeners().delete(ctx.scope(), req.listenerArn());
      return DeleteListenerOutput.empty();
    });

    table.register("CreateRule", CreateRuleInput.class,
        (ctx, req) -> new CreateRuleOutput(List.of(core.rules().create(ctx.scope(), req))));
    table.register("ModifyRule", ModifyRuleInput.class,
        (ctx, req) -> new ModifyRuleOutput(List.of(core.rules().modify(ctx.scope(), req))));
    table.register("DescribeRules", DescribeRulesInput.class, (ctx, req) -> {
      Paging.Page<Rule> page = core.rules().describe(ctx.scope(), req);
      return new DescribeRulesOutput(page.nextToken(), page.items());
    });
    table.register("DeleteRule", DeleteRuleInput.class, (ctx, req) -> {
      core.rules().delete(ctx.scope(), req.ruleArn());
      return DeleteRuleOutput.empty();
    });
    table.register("SetRulePriorities", SetRulePrioritiesInput.class,
        (ctx, req) -> new SetRulePrioritiesOutput(core.rules().setPriorities(ctx.scope(), req.rulePriorities())));

    table.register("AddTags", AddTagsInput.class, (ctx, req) -> {
      core.tags().add(ctx.scope(), req.resourceArns(), req.tags());
      return AddTagsOutput.empty();
    });
    table.register("RemoveTags", RemoveTagsInput.class, (ctx, req) -> {
      core.tags().remove(ctx.scope(), req.resourceArns(), req.tagKeys());
      return RemoveTagsOutput.empty();
    });
    table.register("DescribeTags", DescribeTagsInput.class,
        (ctx, req) -> new DescribeTagsOutput(core.tags().describe(ctx.scope(), req.resourceArns())));
  }
}
