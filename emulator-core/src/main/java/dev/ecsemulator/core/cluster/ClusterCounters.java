package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.instance.ContainerInstanceStatus;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.task.TaskStatus;
import java.util.List;
import java.util.Set;

/**
 * A cluster's counters, computed from the task, service and container instance tables whenever the
 * cluster is described (they are never stored). As ECS counts them (Model docs of Cluster):
 * {@code runningTasksCount} counts tasks whose lastStatus is RUNNING; {@code pendingTasksCount} those in
 * PROVISIONING, PENDING or ACTIVATING (the states before RUNNING, Guide {@code task-lifecycle.md});
 * {@code activeServicesCount} services whose status is ACTIVE; {@code registeredContainerInstancesCount}
 * container instances that are ACTIVE or DRAINING. STATISTICS splits them by launch type. Pure.
 */
public final class ClusterCounters {

  static final Set<String> PENDING = Set.of(TaskStatus.PROVISIONING.name(), TaskStatus.PENDING.name(),
      TaskStatus.ACTIVATING.name());

  /** The counters of one cluster; {@code statistics} as DescribeClusters shows them with STATISTICS. */
  public record Counts(int runningTasks, int pendingTasks, int activeServices, int registeredContainerInstances,
      List<KeyValuePair> statistics) {}

  private ClusterCounters() {}

  public static Counts of(StateView view, Cluster cluster) {
    String arn = cluster.clusterArn();
    // Range reads of this cluster's keys, not scans of every cluster's.
    String prefix = EcsKinds.clusterKeyPrefix(cluster.clusterName());
    List<Task> tasks = view.listByKeyPrefix(EcsKinds.TASK, prefix).stream().filter(t -> arn.equals(t.clusterArn())).toList();
    List<Service> services = view.listByKeyPrefix(EcsKinds.SERVICE, prefix).stream()
        .filter(s -> arn.equals(s.clusterArn())).toList();
    int instances = (int) view.listByKeyPrefix(EcsKinds.CONTAINER_INSTANCE, prefix).stream()
        .filter(i -> ContainerInstanceStatus.ACTIVE.is(i.status()) || ContainerInstanceStatus.DRAINING.is(i.status()))
        .count();
    int running = (int) tasks.stream().filter(t -> TaskStatus.RUNNING.is(t.lastStatus())).count();
    int pending = (int) tasks.stream().filter(t -> PENDING.contains(t.lastStatus())).count();
    int active = (int) services.stream().filter(s -> ServiceStatus.ACTIVE.is(s.status())).count();
    return new Counts(running, pending, active, instances, statistics(tasks, services));
  }

  /**
   * The STATISTICS entries, values as strings. Names from the SDK docs of DescribeClusters
   * ({@code runningEC2TasksCount} ... {@code drainingFargateServiceCount}); the External ones and the
   * order are unverified.
   */
  static List<KeyValuePair> statistics(List<Task> tasks, List<Service> services) {
    return List.of(
        kv("runningEC2TasksCount", countTasks(tasks, "EC2", true)),
        kv("runningFargateTasksCount", countTasks(tasks, "FARGATE", true)),
        kv("pendingEC2TasksCount", countTasks(tasks, "EC2", false)),
        kv("pendingFargateTasksCount", countTasks(tasks, "FARGATE", false)),
        kv("runningExternalTasksCount", countTasks(tasks, "EXTERNAL", true)),
        kv("pendingExternalTasksCount", countTasks(tasks, "EXTERNAL", false)),
        kv("activeEC2ServiceCount", countServices(services, "EC2", ServiceStatus.ACTIVE)),
        kv("activeFargateServiceCount", countServices(services, "FARGATE", ServiceStatus.ACTIVE)),
        kv("drainingEC2ServiceCount", countServices(services, "EC2", ServiceStatus.DRAINING)),
        kv("drainingFargateServiceCount", countServices(services, "FARGATE", ServiceStatus.DRAINING)),
        kv("activeExternalServiceCount", countServices(services, "EXTERNAL", ServiceStatus.ACTIVE)),
        kv("drainingExternalServiceCount", countServices(services, "EXTERNAL", ServiceStatus.DRAINING)));
  }

  private static long countTasks(List<Task> tasks, String launchType, boolean running) {
    return tasks.stream()
        .filter(t -> launchType.equals(launchTypeOf(t.launchType(), t.capacityProviderName())))
        .filter(t -> running ? TaskStatus.RUNNING.is(t.lastStatus()) : PENDING.contains(t.lastStatus()))
        .count();
  }

  private static long countServices(List<Service> services, String launchType, ServiceStatus status) {
    return services.stream()
        .filter(s -> status.is(s.status()))
        .filter(s -> launchType.equals(launchTypeOf(s.launchType(),
            s.capacityProviderStrategy() == null || s.capacityProviderStrategy().isEmpty()
                ? null : s.capacityProviderStrategy().get(0).capacityProvider())))
        .count();
  }

  /** A task or service run through FARGATE or FARGATE_SPOT counts as Fargate; otherwise EC2 by default. */
  private static String launchTypeOf(String launchType, String capacityProvider) {
    if (launchType != null) {
      return launchType;
    }
    if ("FARGATE".equals(capacityProvider) || "FARGATE_SPOT".equals(capacityProvider)) {
      return "FARGATE";
    }
    return "EC2";
  }

  private static KeyValuePair kv(String name, long value) {
    return KeyValuePair.builder().name(name).value(Long.toString(value)).build();
  }
}
