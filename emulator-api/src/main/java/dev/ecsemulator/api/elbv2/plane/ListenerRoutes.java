package dev.ecsemulator.api.elbv2.plane;

import dev.ecsemulator.core.elbv2.model.Action;
import dev.ecsemulator.core.elbv2.model.FixedResponseActionConfig;
import dev.ecsemulator.core.elbv2.model.RedirectActionConfig;
import dev.ecsemulator.core.elbv2.model.Rule;
import dev.ecsemulator.core.elbv2.model.TargetGroupTuple;
import dev.ecsemulator.core.elbv2.routing.RuleMatcher;
import dev.ecsemulator.core.elbv2.routing.WeightedChoice;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one listener does with a request, built from the stored state at one moment and replaced whole when it changes:
 * its rules (by priority, the default last), the decision each ends with, and the target pools of the groups they
 * forward to. Thread-safe.
 */
final class ListenerRoutes {

  /** What a matched rule does. */
  sealed interface Decision {}

  /** Forward to a target of one of the groups, chosen by weight. */
  record Forward(WeightedChoice<String> groups) implements Decision {}

  record FixedResponse(FixedResponseActionConfig config) implements Decision {}

  record Redirect(RedirectActionConfig config) implements Decision {}

  private final String listenerArn;
  private final int port;
  private final List<Rule> rules;
  private final Map<Rule, Decision> decisions;
  private final Map<String, TargetPool> pools;

  ListenerRoutes(String listenerArn, int port, List<Rule> rules, Map<String, TargetPool> pools) {
    this.listenerArn = listenerArn;
    this.port = port;
    this.rules = List.copyOf(rules);
    this.pools = Map.copyOf(pools);
    this.decisions = new IdentityHashMap<>();
    for (Rule rule : this.rules) {
      decisions.put(rule, decide(RuleMatcher.terminal(rule)));
    }
  }

  private static Decision decide(Action action) {
    return switch (action.type()) {
      case "fixed-response" -> new FixedResponse(action.fixedResponseConfig());
      case "redirect" -> new Redirect(action.redirectConfig());
      default -> {
        List<String> groups = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (TargetGroupTuple tuple : action.forwardConfig().targetGroups()) {
          groups.add(tuple.targetGroupArn());
          weights.add(tuple.weight() == null ? 1 : tuple.weight());
        }
        yield new Forward(new WeightedChoice<>(groups, weights));
      }
    };
  }

  String listenerArn() {
    return listenerArn;
  }

  int port() {
    return port;
  }

  /** The decision for a request with this Host header and path. */
  Decision decide(String host, String path) {
    return decisions.get(RuleMatcher.match(rules, host, path));
  }

  /** A group's pool; null for a group that is gone. */
  TargetPool pool(String targetGroupArn) {
    return pools.get(targetGroupArn);
  }
}
