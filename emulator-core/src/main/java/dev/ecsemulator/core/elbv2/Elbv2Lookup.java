package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.error.ListenerNotFoundException;
import dev.ecsemulator.core.elbv2.error.LoadBalancerNotFoundException;
import dev.ecsemulator.core.elbv2.error.RuleNotFoundException;
import dev.ecsemulator.core.elbv2.error.TargetGroupNotFoundException;
import dev.ecsemulator.core.state.StateView;
import java.util.List;

/**
 * One resolver per ELBv2 identifier (all are ARNs; names only where an operation takes names), with AWS's
 * not-found errors. The "One or more ... not found" wording is what AWS answers Describe calls with (moto and AWS
 * users' reports agree); "Target groups '...' not found" for a call on one target group is from users' reports.
 */
final class Elbv2Lookup {

  private Elbv2Lookup() {}

  static StoredLoadBalancer loadBalancer(StateView view, String arn) {
    return view.get(Elbv2Kinds.LOAD_BALANCER, arn)
        .orElseThrow(() -> new LoadBalancerNotFoundException("One or more load balancers not found"));
  }

  static StoredTargetGroup targetGroup(StateView view, String arn) {
    return view.get(Elbv2Kinds.TARGET_GROUP, arn)
        .orElseThrow(() -> new TargetGroupNotFoundException("Target groups '" + arn + "' not found"));
  }

  static StoredListener listener(StateView view, String arn) {
    return view.get(Elbv2Kinds.LISTENER, arn)
        .orElseThrow(() -> new ListenerNotFoundException("One or more listeners not found"));
  }

  static StoredRule rule(StateView view, String arn) {
    return view.get(Elbv2Kinds.RULE, arn)
        .orElseThrow(() -> new RuleNotFoundException("One or more rules not found"));
  }

  /** The load balancer's listeners, by ARN order. */
  static List<StoredListener> listenersOf(StateView view, String loadBalancerArn) {
    return view.listByKeyPrefix(Elbv2Kinds.LISTENER, loadBalancerArn.replace(":loadbalancer/", ":listener/") + "/");
  }

  /** The listener's stored rules (not its default rule). */
  static List<StoredRule> rulesOf(StateView view, String listenerArn) {
    return view.listByKeyPrefix(Elbv2Kinds.RULE, listenerArn.replace(":listener/", ":listener-rule/") + "/");
  }

  /** The target group's registered targets, draining ones included. */
  static List<StoredTarget> targetsOf(StateView view, String targetGroupArn) {
    return view.listByKeyPrefix(Elbv2Kinds.TARGET, targetGroupArn + "|");
  }
}
