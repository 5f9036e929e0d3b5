package dev.ecsemulator.scheduler.service.runner;

import dev.ecsemulator.core.elbv2.RuleForwards;
import dev.ecsemulator.core.elbv2.model.TargetGroupTuple;
import dev.ecsemulator.core.model.AdvancedConfiguration;
import dev.ecsemulator.core.model.LoadBalancer;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.service.DeploymentTargetGroups;
import dev.ecsemulator.core.service.ServiceHistory;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.scheduler.service.TrafficShift;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The effect side of a traffic shift (BLUE_GREEN, LINEAR, CANARY), in the pass's store transaction: records the
 * lifecycle stage on the PRIMARY's service deployment and sets the weighted forward of each load balancer's production
 * listener rule (the PRIMARY's target group gets the decided share, the other group the rest) and test listener rule
 * (all to one of them), as ECS modifies them (ECS developer guide, alb-resources-for-blue-green). A rule that is gone
 * is skipped with a warning.
 */
final class ServiceTraffic {

  private static final Logger log = LoggerFactory.getLogger(ServiceTraffic.class);
  /** ELBv2 forward weights are 0-999: shares are set in tenths of a percent, a whole group as 100 and 0. */
  private static final int TENTHS = 1000;

  private ServiceTraffic() {}

  static void apply(StateTxn txn, Service service, TrafficShift.Decision traffic, Instant now) {
    if (service.deployments() == null || service.deployments().isEmpty()) {
      return;
    }
    traffic.stage().ifPresent(stage ->
        ServiceHistory.staged(txn, service, traffic.shift().deploymentId(), stage, now));
    if (!DeploymentTargetGroups.alternates(service)) {
      return;
    }
    String primary = service.deployments().get(0).id();
    for (LoadBalancer lb : DeploymentTargetGroups.of(txn, service, primary)) {
      AdvancedConfiguration advanced = lb.advancedConfiguration();
      if (advanced == null || advanced.alternateTargetGroupArn() == null) {
        continue;
      }
      String own = lb.targetGroupArn();
      String other = advanced.alternateTargetGroupArn();
      set(txn, advanced.productionListenerRule(), weights(own, other, traffic.productionPercent()));
      set(txn, advanced.testListenerRule(), weights(own, other, traffic.testToPrimary() ? 100 : 0));
    }
  }

  /** {@code own} gets {@code percent} of the requests, {@code other} the rest. */
  static List<TargetGroupTuple> weights(String own, String other, double percent) {
    int ownWeight = (int) Math.round(percent * TENTHS / 100);
    if (ownWeight >= TENTHS) {
      return List.of(new TargetGroupTuple(own, 100), new TargetGroupTuple(other, 0));
    }
    if (ownWeight <= 0) {
      return List.of(new TargetGroupTuple(own, 0), new TargetGroupTuple(other, 100));
    }
    return List.of(new TargetGroupTuple(own, ownWeight), new TargetGroupTuple(other, TENTHS - ownWeight));
  }

  private static void set(StateTxn txn, String ruleArn, List<TargetGroupTuple> groups) {
    if (ruleArn != null && !RuleForwards.set(txn, ruleArn, groups)) {
      log.warn("Listener rule {} is gone: its traffic is not shifted", ruleArn);
    }
  }
}
