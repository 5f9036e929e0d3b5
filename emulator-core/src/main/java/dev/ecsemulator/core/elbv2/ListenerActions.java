package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.error.InvalidLoadBalancerActionException;
import dev.ecsemulator.core.elbv2.error.TargetGroupAssociationLimitException;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.elbv2.model.Action;
import dev.ecsemulator.core.elbv2.model.ForwardActionConfig;
import dev.ecsemulator.core.elbv2.model.HostHeaderConditionConfig;
import dev.ecsemulator.core.elbv2.model.PathPatternConditionConfig;
import dev.ecsemulator.core.elbv2.model.RuleCondition;
import dev.ecsemulator.core.elbv2.model.TargetGroupStickinessConfig;
import dev.ecsemulator.core.elbv2.model.TargetGroupTuple;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the actions and conditions of listeners and rules, and completes them as AWS shows them back: a forward
 * action names its group both as {@code TargetGroupArn} (when it forwards to one) and in a {@code ForwardConfig}
 * (weights default to 1; stickiness off); a condition carries its values both as {@code Values} and in its
 * {@code PathPatternConfig}/{@code HostHeaderConfig}. Supported: actions {@code forward} (weighted too),
 * {@code fixed-response} and {@code redirect}; conditions {@code path-pattern} and {@code host-header}.
 */
final class ListenerActions {

  private static final Set<String> ACTION_TYPES = Set.of("forward", "fixed-response", "redirect");
  private static final int MAX_CONDITION_VALUES = 5;

  private ListenerActions() {}

  /** The actions, checked and completed, for a listener or rule of {@code loadBalancerArn}. */
  static List<Action> actions(StateView view, String loadBalancerArn, List<Action> given) {
    if (given == null || given.isEmpty()) {
      throw new ValidationError("At least one action must be specified"); // wording unverified
    }
    Map<String, Set<String>> usage = TargetGroupUsage.of(view);
    List<Action> out = new ArrayList<>();
    int index = 0;
    for (Action action : given) {
      index++;
      String type = action.type();
      if (!ACTION_TYPES.contains(type)) {
        throw new InvalidLoadBalancerActionException("ecs-emulator does not support actions of type '" + type
            + "': it supports forward, fixed-response and redirect");
      }
      switch (type) {
        case "forward" -> out.add(forward(view, loadBalancerArn, usage, action));
        case "fixed-response" -> {
          if (action.fixedResponseConfig() == null) {
            throw new ValidationError("A fixed response configuration must be specified for action " + index);
          }
          out.add(action);
        }
        default -> {
          if (action.redirectConfig() == null) {
            throw new ValidationError("A redirect configuration must be specified for action " + index);
          }
          out.add(action);
        }
      }
    }
    return out;
  }

  private static Action forward(StateView view, String loadBalancerArn, Map<String, Set<String>> usage, Action action) {
    List<TargetGroupTuple> groups = new ArrayList<>();
    if (action.forwardConfig() != null && action.forwardConfig().targetGroups() != null) {
      for (TargetGroupTuple tuple : action.forwardConfig().targetGroups()) {
        groups.add(new TargetGroupTuple(tuple.targetGroupArn(), tuple.weight() == null ? 1 : tuple.weight()));
      }
    }
    if (action.targetGroupArn() != null) {
      if (!groups.isEmpty() && !(groups.size() == 1 && groups.get(0).targetGroupArn().equals(action.targetGroupArn()))) {
        throw new InvalidLoadBalancerActionException(
            "You cannot specify both a target group ARN and a forward config with other target groups");
      }
      if (groups.isEmpty()) {
        groups.add(new TargetGroupTuple(action.targetGroupArn(), 1));
      }
    }
    if (groups.isEmpty()) {
      throw new ValidationError("A target group ARN must be specified"); // wording unverified
    }
    for (TargetGroupTuple tuple : groups) {
      Elbv2Lookup.targetGroup(view, tuple.targetGroupArn());
      Set<String> users = usage.getOrDefault(tuple.targetGroupArn(), Set.of());
      if (!users.isEmpty() && !users.contains(loadBalancerArn)) {
        // AWS: a target group of an application load balancer serves one load balancer.
        throw new TargetGroupAssociationLimitException("The following target groups cannot be associated with more "
            + "than one load balancer: " + tuple.targetGroupArn());
      }
    }
    TargetGroupStickinessConfig stickiness = action.forwardConfig() != null
        && action.forwardConfig().targetGroupStickinessConfig() != null
        ? action.forwardConfig().targetGroupStickinessConfig() : new TargetGroupStickinessConfig(null, false);
    return action.toBuilder()
        .targetGroupArn(groups.size() == 1 ? groups.get(0).targetGroupArn() : null)
        .forwardConfig(new ForwardActionConfig(stickiness, groups))
        .build();
  }

  /** The conditions, checked and completed. */
  static List<RuleCondition> conditions(List<RuleCondition> given) {
    if (given == null) {
      return List.of();
    }
    List<RuleCondition> out = new ArrayList<>();
    int total = 0;
    for (RuleCondition condition : given) {
      String field = condition.field();
      List<String> values;
      if ("path-pattern".equals(field)) {
        values = values(condition.values(),
            condition.pathPatternConfig() == null ? null : condition.pathPatternConfig().values(), field);
        out.add(RuleCondition.builder().field(field).values(values)
            .pathPatternConfig(new PathPatternConditionConfig(null, values)).build());
      } else if ("host-header".equals(field)) {
        values = values(condition.values(),
            condition.hostHeaderConfig() == null ? null : condition.hostHeaderConfig().values(), field);
        out.add(RuleCondition.builder().field(field).values(values)
            .hostHeaderConfig(new HostHeaderConditionConfig(null, values)).build());
      } else {
        throw new ValidationError("ecs-emulator supports rule conditions on 'path-pattern' and 'host-header', not '"
            + field + "'");
      }
      total += values.size();
    }
    if (total > MAX_CONDITION_VALUES) {
      throw new ValidationError("A rule can only have '" + MAX_CONDITION_VALUES + "' condition values");
    }
    return out;
  }

  private static List<String> values(List<String> plain, List<String> configured, String field) {
    if (plain != null && configured != null) {
      throw new ValidationError("You cannot use both the 'Values' field and the configuration of a '" + field
          + "' condition"); // wording unverified
    }
    List<String> values = plain != null ? plain : configured;
    if (values == null || values.isEmpty()) {
      throw new ValidationError("A condition value must be specified");
    }
    for (String value : values) {
      if (value.length() > 128) {
        throw new ValidationError("The '" + field + "' condition value '" + value
            + "' cannot be longer than 128 characters"); // wording unverified
      }
    }
    return values;
  }
}
