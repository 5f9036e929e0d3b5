package dev.ecsemulator.api.autoscaling;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.ScalableTargetActuator;
import dev.ecsemulator.core.model.DescribeServicesRequest;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.UpdateServiceRequest;
import dev.ecsemulator.core.service.RolloutState;
import dev.ecsemulator.core.service.ServiceCommands;
import dev.ecsemulator.core.service.ServiceQueries;
import dev.ecsemulator.core.service.ServiceStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The minimal {@link ScalableTargetActuator} over ECS services: the desired count is set with the UpdateService domain
 * command (so the service reconciles and writes its own events), read with DescribeServices. A deployment is in
 * progress while the service has a deployment whose rollout is IN_PROGRESS. The service scheduler's own, finer view
 * of scaling during deployments (part B of issue 19) is meant to replace this class behind the same port.
 * Thread-safe.
 */
public final class EcsServiceActuator implements ScalableTargetActuator {

  private final ServiceCommands commands;
  private final ServiceQueries queries;

  public EcsServiceActuator(ServiceCommands commands, ServiceQueries queries) {
    this.commands = commands;
    this.queries = queries;
  }

  @Override
  public boolean exists(Scope scope, String resourceId) {
    return service(scope, resourceId).isPresent();
  }

  @Override
  public OptionalInt desiredCount(Scope scope, String resourceId) {
    return service(scope, resourceId).map(s -> OptionalInt.of(s.desiredCount())).orElse(OptionalInt.empty());
  }

  @Override
  public void setDesiredCount(Scope scope, String resourceId, int desiredCount) {
    String[] parts = resourceId.split("/");
    commands.update(scope, UpdateServiceRequest.builder().cluster(parts[1]).service(parts[2])
        .desiredCount(desiredCount).build());
  }

  @Override
  public boolean deploymentInProgress(Scope scope, String resourceId) {
    return service(scope, resourceId).map(s -> s.deployments() != null && s.deployments().stream()
        .anyMatch(d -> RolloutState.IN_PROGRESS.is(d.rolloutState()))).orElse(false);
  }

  /** The ACTIVE service named by {@code service/CLUSTER/SERVICE}. */
  private Optional<Service> service(Scope scope, String resourceId) {
    String[] parts = resourceId.split("/");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return queries.describe(scope, new DescribeServicesRequest(parts[1], null, List.of(parts[2]))).services()
          .stream().filter(s -> ServiceStatus.ACTIVE.is(s.status())).findFirst();
    } catch (dev.ecsemulator.core.error.ClusterNotFoundException e) {
      return Optional.empty();
    }
  }
}
