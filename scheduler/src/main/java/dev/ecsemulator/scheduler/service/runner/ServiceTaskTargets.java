package dev.ecsemulator.scheduler.service.runner;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.scheduler.service.ObservedTask;
import dev.ecsemulator.scheduler.service.targets.TaskRegistrations;
import java.util.List;

/** The load balancer side of a service pass: its tasks' target health, for the reconciler's observation. */
final class ServiceTaskTargets {

  private ServiceTaskTargets() {}

  /** Whether the service's tasks are registered with target groups (it names load balancers). */
  static boolean registers(Service service) {
    return service.loadBalancers() != null && !service.loadBalancers().isEmpty();
  }

  /** The observed tasks, each with its targets' health when the service names load balancers. */
  static List<ObservedTask> observe(StateView view, ServiceRef ref, Service service, List<ObservedTask> tasks) {
    if (!registers(service)) {
      return tasks;
    }
    return tasks.stream().map(t -> {
      String key = EcsKinds.taskKey(ref.clusterName(), t.taskId());
      Task task = view.get(TASK, key).orElse(null);
      return task == null ? t
          : t.withTargets(TaskRegistrations.health(view, TaskRegistrations.of(view, key, service, task)));
    }).toList();
  }
}
