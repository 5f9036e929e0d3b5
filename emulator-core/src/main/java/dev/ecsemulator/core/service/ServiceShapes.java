package dev.ecsemulator.core.service;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.NetworkConfiguration;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceCurrentRevisionSummary;
import dev.ecsemulator.core.model.TaskSet;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.tag.ResourceTagging;
import java.util.List;
import java.util.Objects;

/**
 * The service as the API shows it, and the deployment specs CreateService and UpdateService hand to
 * {@link Deployments}. Pure.
 */
public final class ServiceShapes {

  private ServiceShapes() {}

  /**
   * The stored service with what is computed when it is shown: {@code currentServiceRevisions} (one per
   * deployment, with its counts) and, when asked, {@code tags}.
   */
  public static Service show(StateView view, Service stored, boolean withTags) {
    List<Deployment> deployments = stored.deployments() == null ? List.of() : stored.deployments();
    List<ServiceCurrentRevisionSummary> revisions = deployments.stream()
        .map(d -> ServiceCurrentRevisionSummary.builder()
            .arn(ServiceHistory.revisionArn(stored, d.id()))
            .requestedTaskCount(d.desiredCount())
            .runningTaskCount(d.runningCount())
            .pendingTaskCount(d.pendingCount())
            .build())
        .toList();
    Service.Builder shown = stored.toBuilder().currentServiceRevisions(revisions);
    if (DeploymentControllerType.external(stored)) {
      withPrimaryTaskSet(shown, stored);
    }
    if (withTags) {
      shown.tags(ResourceTagging.get(view, stored.serviceArn()));
    }
    return shown.build();
  }

  /**
   * An EXTERNAL service shows its PRIMARY task set's settings: "When you call the DescribeServices API action, it
   * returns all fields specified for a primary task set. [...] If no primary task set is defined for a service,
   * when describing the service, the task set fields are null" (Guide, deployment-type-external.md). Shown, not
   * stored: the service record holds none of them, so no rolling-update rule (load balancer registration
   * included) ever reads them.
   */
  private static void withPrimaryTaskSet(Service.Builder shown, Service stored) {
    TaskSet primary = TaskSets.primary(stored).orElse(null);
    shown.taskDefinition(primary == null ? null : primary.taskDefinition())
        .launchType(primary == null ? null : primary.launchType())
        .capacityProviderStrategy(primary == null ? null : primary.capacityProviderStrategy())
        .platformVersion(primary == null ? null : primary.platformVersion())
        .platformFamily(primary == null ? null : primary.platformFamily())
        .networkConfiguration(primary == null ? null : primary.networkConfiguration())
        .loadBalancers(primary == null ? List.of() : primary.loadBalancers())
        .serviceRegistries(primary == null ? List.of() : primary.serviceRegistries());
  }

  /** What a deployment of this task definition, launch and network configuration runs. */
  public static Deployment deploymentSpec(String taskDefinitionArn, ServiceLaunch launch, NetworkConfiguration network) {
    return Deployment.builder()
        .taskDefinition(taskDefinitionArn)
        .launchType(launch.launchType())
        .capacityProviderStrategy(launch.capacityProviderStrategy())
        .platformVersion(launch.deploymentPlatformVersion())
        .platformFamily(launch.platformFamily())
        .networkConfiguration(network)
        .build();
  }

  /** Whether a deployment already runs what {@code spec} describes (so UpdateService need not start one). */
  public static boolean runs(Deployment deployment, Deployment spec) {
    return Objects.equals(deployment.taskDefinition(), spec.taskDefinition())
        && Objects.equals(deployment.launchType(), spec.launchType())
        && Objects.equals(deployment.capacityProviderStrategy(), spec.capacityProviderStrategy())
        && Objects.equals(deployment.platformVersion(), spec.platformVersion())
        && Objects.equals(deployment.networkConfiguration(), spec.networkConfiguration())
        && Objects.equals(deployment.serviceConnectConfiguration(), spec.serviceConnectConfiguration())
        && Objects.equals(deployment.volumeConfigurations(), spec.volumeConfigurations())
        && Objects.equals(deployment.vpcLatticeConfigurations(), spec.vpcLatticeConfigurations());
  }

  /** The PRIMARY deployment: the one marked so, else the first. Null when there is none. */
  public static Deployment primary(Service service) {
    List<Deployment> deployments = service.deployments();
    if (deployments == null || deployments.isEmpty()) {
      return null;
    }
    return deployments.stream().filter(d -> DeploymentStatus.PRIMARY.is(d.status())).findFirst()
        .orElse(deployments.get(0));
  }
}
