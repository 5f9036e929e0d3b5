package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.model.Action;
import dev.ecsemulator.core.elbv2.model.TargetGroupTuple;
import dev.ecsemulator.core.state.StateView;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which load balancers send traffic to which target groups: through their listeners' default actions and rules. A
 * group no listener or rule forwards to is not in use: its targets are {@code unused} and not health checked.
 */
public final class TargetGroupUsage {

  private TargetGroupUsage() {}

  /** Target group ARN to the ARNs of the load balancers that use it, for every group in use in the view's scope. */
  public static Map<String, Set<String>> of(StateView view) {
    Map<String, Set<String>> used = new TreeMap<>();
    for (StoredListener listener : view.list(Elbv2Kinds.LISTENER)) {
      String lb = listener.listener().loadBalancerArn();
      for (String group : targetGroupsOf(listener.listener().defaultActions())) {
        used.computeIfAbsent(group, g -> new TreeSet<>()).add(lb);
      }
    }
    for (StoredRule rule : view.list(Elbv2Kinds.RULE)) {
      StoredListener listener = view.get(Elbv2Kinds.LISTENER, rule.listenerArn()).orElse(null);
      if (listener != null) {
        for (String group : targetGroupsOf(rule.rule().actions())) {
          used.computeIfAbsent(group, g -> new TreeSet<>()).add(listener.listener().loadBalancerArn());
        }
      }
    }
    return used;
  }

  /** The target groups the actions forward to, in order, each once. */
  public static Set<String> targetGroupsOf(List<Action> actions) {
    Set<String> groups = new LinkedHashSet<>();
    if (actions == null) {
      return groups;
    }
    for (Action action : actions) {
      if (action.targetGroupArn() != null) {
        groups.add(action.targetGroupArn());
      }
      if (action.forwardConfig() != null && action.forwardConfig().targetGroups() != null) {
        for (TargetGroupTuple tuple : action.forwardConfig().targetGroups()) {
          groups.add(tuple.targetGroupArn());
        }
      }
    }
    return groups;
  }
}
