package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.state.Kind;
import java.util.List;

/**
 * The tables of Elastic Load Balancing v2 in the {@link dev.ecsemulator.core.state.StateStore}, per account and region.
 * Kind names are part of the durable format, prefixed by the service: never rename one.
 */
public final class Elbv2Kinds {

  private Elbv2Kinds() {}

  /** Key: the load balancer's ARN. */
  public static final Kind<StoredLoadBalancer> LOAD_BALANCER = Kind.of("elbv2-load-balancer", StoredLoadBalancer.class);

  /** Key: the target group's ARN. */
  public static final Kind<StoredTargetGroup> TARGET_GROUP = Kind.of("elbv2-target-group", StoredTargetGroup.class);

  /** Key: the listener's ARN. */
  public static final Kind<StoredListener> LISTENER = Kind.of("elbv2-listener", StoredListener.class);

  /** Key: the rule's ARN. A listener's default rule is not stored: it is made from the listener. */
  public static final Kind<StoredRule> RULE = Kind.of("elbv2-rule", StoredRule.class);

  /**
   * Key: the target group's ARN, {@code |}, the target's ID, {@code |} and its port ({@link StoredTarget#key}), so a
   * group's targets are one key range.
   */
  public static final Kind<StoredTarget> TARGET = Kind.of("elbv2-target", StoredTarget.class);

  /** Every kind declared here, for the composition root's registry. */
  public static List<Kind<?>> all() {
    return List.of(LOAD_BALANCER, TARGET_GROUP, LISTENER, RULE, TARGET);
  }
}
