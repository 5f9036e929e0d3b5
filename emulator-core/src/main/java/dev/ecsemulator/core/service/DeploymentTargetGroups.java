package dev.ecsemulator.core.service;

import dev.ecsemulator.core.model.AdvancedConfiguration;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.LoadBalancer;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceRevision;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which target group each deployment of a service registers its tasks with: the one resolver for it. A ROLLING
 * service (or one whose loadBalancers have no {@code advancedConfiguration.alternateTargetGroupArn}) registers every
 * task with {@code loadBalancers[].targetGroupArn}. A BLUE_GREEN, LINEAR or CANARY service alternates: a new
 * deployment (green) takes the group its serving deployment (blue) does not use, so that blue and green are in
 * separate groups and the listener rules can shift traffic between them ("Amazon ECS automatically registers tasks
 * with the appropriate target group based on the deployment stage", ECS developer guide,
 * alb-resources-for-blue-green). The choice is recorded in the deployment's service revision (its
 * {@code loadBalancers}, with {@code targetGroupArn} the group its tasks use and {@code alternateTargetGroupArn} the
 * other), so it survives restarts and DescribeServiceRevisions shows it. <b>Unverified</b>: whether ECS's revision
 * shows the swapped groups, and that the service's own {@code loadBalancers} keep the groups as configured. Pure.
 */
public final class DeploymentTargetGroups {

  private DeploymentTargetGroups() {}

  /** Whether the service's deployments alternate between two target groups. */
  public static boolean alternates(Service service) {
    return DeploymentStrategy.of(service.deploymentConfiguration()).shiftsTraffic()
        && service.loadBalancers() != null
        && service.loadBalancers().stream().anyMatch(DeploymentTargetGroups::hasAlternate);
  }

  /** The loadBalancers a deployment's tasks register with: as its revision recorded them, else as configured. */
  public static List<LoadBalancer> of(StateView view, Service service, String deploymentId) {
    List<LoadBalancer> configured = service.loadBalancers() == null ? List.of() : service.loadBalancers();
    if (!alternates(service) || deploymentId == null) {
      return configured;
    }
    return revisionLoadBalancers(view, service, deploymentId)
        .filter(recorded -> recorded.size() == configured.size())
        .orElse(configured);
  }

  /**
   * The loadBalancers a deployment just started will use: the configured ones, each with an alternate swapped when
   * the deployment serving now (the newest COMPLETED other deployment, else the newest other one) uses the
   * configured group.
   */
  public static List<LoadBalancer> forNewDeployment(StateView view, Service service, Deployment started) {
    List<LoadBalancer> configured = service.loadBalancers() == null ? List.of() : service.loadBalancers();
    if (!alternates(service)) {
      return configured;
    }
    Optional<Deployment> serving = serving(service.deployments(), started.id());
    if (serving.isEmpty()) {
      return configured;
    }
    List<LoadBalancer> blue = of(view, service, serving.get().id());
    List<LoadBalancer> green = new ArrayList<>();
    for (int i = 0; i < configured.size(); i++) {
      LoadBalancer lb = configured.get(i);
      if (!hasAlternate(lb)) {
        green.add(lb);
        continue;
      }
      String primary = lb.targetGroupArn();
      String alternate = lb.advancedConfiguration().alternateTargetGroupArn();
      boolean blueOnPrimary = !alternate.equals(blue.get(i).targetGroupArn());
      green.add(blueOnPrimary ? swapped(lb, alternate, primary) : swapped(lb, primary, alternate));
    }
    return List.copyOf(green);
  }

  /**
   * The deployment that serves while {@code newId} is being deployed (blue): the newest COMPLETED other deployment,
   * else the newest other one; empty when there is no other.
   */
  public static Optional<Deployment> serving(List<Deployment> deployments, String newId) {
    return deployments.stream()
        .filter(d -> !d.id().equals(newId))
        .max(Comparator.<Deployment, Boolean>comparing(d -> RolloutState.COMPLETED.is(d.rolloutState()))
            .thenComparing(Deployments.byCreatedAt()));
  }

  /** The entry with {@code targetGroupArn} = {@code use} and the alternate = {@code other}. */
  private static LoadBalancer swapped(LoadBalancer lb, String use, String other) {
    return lb.toBuilder().targetGroupArn(use)
        .advancedConfiguration(lb.advancedConfiguration().toBuilder().alternateTargetGroupArn(other).build())
        .build();
  }

  static boolean hasAlternate(LoadBalancer lb) {
    AdvancedConfiguration advanced = lb.advancedConfiguration();
    return lb.targetGroupArn() != null && advanced != null && advanced.alternateTargetGroupArn() != null
        && !Objects.equals(advanced.alternateTargetGroupArn(), lb.targetGroupArn());
  }

  private static Optional<List<LoadBalancer>> revisionLoadBalancers(StateView view, Service service, String id) {
    return view.get(ServiceKinds.SERVICE_REVISION, ServiceHistory.revisionArn(service, id))
        .map(ServiceRevision::loadBalancers)
        .filter(Objects::nonNull);
  }
}
