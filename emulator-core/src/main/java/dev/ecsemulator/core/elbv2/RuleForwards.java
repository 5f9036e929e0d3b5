package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.model.Action;
import dev.ecsemulator.core.elbv2.model.ForwardActionConfig;
import dev.ecsemulator.core.elbv2.model.TargetGroupTuple;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and sets the weighted forward action of a listener rule (a stored rule or a listener's default rule), as
 * ECS does to the production and test listener rules of a blue/green, linear or canary deployment. Runs inside the
 * caller's store transaction; the data plane picks the change up as any ModifyRule.
 */
public final class RuleForwards {

  private RuleForwards() {}

  /** Whether the rule (stored or default) exists. */
  public static boolean exists(StateView view, String ruleArn) {
    return actions(view, ruleArn).isPresent();
  }

  /** The rule's actions, stored or default; empty when there is no such rule. */
  public static Optional<List<Action>> actions(StateView view, String ruleArn) {
    Optional<StoredRule> stored = view.get(Elbv2Kinds.RULE, ruleArn);
    if (stored.isPresent()) {
      return Optional.of(stored.get().rule().actions());
    }
    return Rules.defaultOwner(view, ruleArn).map(l -> l.listener().defaultActions());
  }

  /**
   * Makes the rule's forward action (the first one; one is added when it has none) a weighted forward to
   * {@code groups}, keeping its stickiness. Writes only when that changes the rule. Returns false when the rule does
   * not exist (deleted meanwhile).
   */
  public static boolean set(StateTxn txn, String ruleArn, List<TargetGroupTuple> groups) {
    Optional<List<Action>> current = actions(txn, ruleArn);
    if (current.isEmpty()) {
      return false;
    }
    List<Action> next = withForward(current.get(), groups);
    if (next.equals(current.get())) {
      return true;
    }
    Optional<StoredRule> stored = txn.get(Elbv2Kinds.RULE, ruleArn);
    if (stored.isPresent()) {
      StoredRule rule = stored.get();
      txn.put(Elbv2Kinds.RULE, ruleArn, rule.withRule(rule.rule().toBuilder().actions(next).build()));
    } else {
      StoredListener listener = Rules.defaultOwner(txn, ruleArn).orElseThrow();
      txn.put(Elbv2Kinds.LISTENER, listener.arn(),
          listener.withListener(listener.listener().toBuilder().defaultActions(next).build()));
    }
    return true;
  }

  private static List<Action> withForward(List<Action> actions, List<TargetGroupTuple> groups) {
    List<Action> next = new ArrayList<>(actions == null ? List.of() : actions);
    for (int i = 0; i < next.size(); i++) {
      Action a = next.get(i);
      if ("forward".equals(a.type())) {
        ForwardActionConfig config = a.forwardConfig() == null ? ForwardActionConfig.builder().build() : a.forwardConfig();
        next.set(i, a.toBuilder().targetGroupArn(null)
            .forwardConfig(config.toBuilder().targetGroups(List.copyOf(groups)).build()).build());
        return List.copyOf(next);
      }
    }
    next.add(Action.builder().type("forward").order(next.size() + 1)
        .forwardConfig(ForwardActionConfig.builder().targetGroups(List.copyOf(groups)).build()).build());
    return List.copyOf(next);
  }
}
