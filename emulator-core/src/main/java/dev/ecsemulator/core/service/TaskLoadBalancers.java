package dev.ecsemulator.core.service;

import static dev.ecsemulator.core.service.ServiceKinds.SERVICE_REVISION;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.model.LoadBalancer;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceRevision;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateView;
import java.util.List;
import java.util.Optional;

/**
 * The load balancers a task of a service is registered with while it runs: those of the service revision its
 * deployment runs ({@code startedBy} names the deployment), so that an UpdateService changing {@code loadBalancers}
 * registers the new deployment's tasks in the new target groups and the old deployment's tasks leave the old ones
 * as they stop (ECS: the service's load balancers are part of its revision). A task whose revision is not recorded
 * takes the service's. Pure reads of a store view.
 */
public final class TaskLoadBalancers {

  private static final String SERVICE_GROUP = "service:";

  private TaskLoadBalancers() {}

  /** The service a task belongs to (its group {@code service:NAME}), whatever its load balancers. */
  public static Optional<Service> serviceOf(StateView view, String clusterName, Task task) {
    if (task.group() == null || !task.group().startsWith(SERVICE_GROUP)) {
      return Optional.empty();
    }
    return view.get(EcsKinds.SERVICE,
        EcsKinds.serviceKey(clusterName, task.group().substring(SERVICE_GROUP.length())));
  }

  /** The task's load balancers; empty for a task of no service, or of a revision without load balancers. */
  public static List<LoadBalancer> of(StateView view, String clusterName, Task task) {
    return serviceOf(view, clusterName, task).map(service -> of(view, service, task)).orElse(List.of());
  }

  /** As {@link #of(StateView, String, Task)} for the task's service, already found. */
  public static List<LoadBalancer> of(StateView view, Service service, Task task) {
    List<LoadBalancer> balancers = Optional.ofNullable(task.startedBy())
        .filter(id -> id.startsWith("ecs-svc/"))
        .flatMap(id -> view.get(SERVICE_REVISION, ServiceHistory.revisionArn(service, id)))
        .map(ServiceRevision::loadBalancers)
        .orElse(service.loadBalancers());
    return balancers == null ? List.of() : balancers;
  }

  /** Whether the task is registered with target groups while it runs. */
  public static boolean registers(StateView view, String clusterName, Task task) {
    return !of(view, clusterName, task).isEmpty();
  }
}
