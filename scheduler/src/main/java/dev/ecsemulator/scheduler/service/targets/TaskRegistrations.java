package dev.ecsemulator.scheduler.service.targets;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.elbv2.Elbv2Kinds;
import dev.ecsemulator.core.elbv2.StoredTarget;
import dev.ecsemulator.core.elbv2.TargetStates;
import dev.ecsemulator.core.model.Attachment;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.LoadBalancer;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.service.TaskLoadBalancers;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.scheduler.service.TargetsHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a service's task is registered: one target per {@code loadBalancers} entry. An awsvpc task is an {@code ip}
 * target at its ENI's address and the entry's containerPort; a bridge or host task is an {@code instance} target, its
 * container instance's EC2 instance ID, at the host port its container publishes the containerPort on (ECS developer
 * guide, "Use load balancing to distribute Amazon ECS service traffic"). Pure reads of a store view.
 */
public final class TaskRegistrations {

  /** One target of a task. */
  public record Registration(String targetGroupArn, String id, int port) {
    String key() {
      return StoredTarget.key(targetGroupArn, id, port);
    }
  }

  private TaskRegistrations() {}

  /** The service of a task (by its group {@code service:NAME}) when the task registers with load balancers. */
  public static Optional<Service> serviceOf(StateView view, String taskKey, Task task) {
    return TaskLoadBalancers.serviceOf(view, cluster(taskKey), task)
        .filter(service -> !TaskLoadBalancers.of(view, service, task).isEmpty());
  }

  /**
   * The task's targets (in the target groups of its deployment's revision), as far as its record tells: none for a load balancer entry whose address is not known yet
   * (no ENI address, no published port, no container instance).
   */
  public static List<Registration> of(StateView view, String taskKey, Service service, Task task) {
    List<Registration> out = new ArrayList<>();
    // The groups of the task's own deployment's revision: a blue/green, linear or canary service's deployments
    // alternate between two groups, and an UpdateService may have changed the service's load balancers.
    for (LoadBalancer lb : TaskLoadBalancers.of(view, service, task)) {
      if (lb.targetGroupArn() == null || lb.containerPort() == null) {
        continue;
      }
      if (TaskLifecycle.hasEni(task)) {
        eniAddress(task).ifPresent(ip -> out.add(new Registration(lb.targetGroupArn(), ip, lb.containerPort())));
      } else {
        Optional<Integer> hostPort = hostPort(task, lb.containerName(), lb.containerPort());
        Optional<String> instance = instanceId(view, taskKey, task);
        if (hostPort.isPresent() && instance.isPresent()) {
          out.add(new Registration(lb.targetGroupArn(), instance.get(), hostPort.get()));
        }
      }
    }
    return out;
  }

  /** What the load balancers say of the task's targets (for the service reconciler). */
  public static TargetsHealth health(StateView view, List<Registration> registrations) {
    if (registrations.isEmpty()) {
      return TargetsHealth.WAITING;
    }
    boolean allHealthy = true;
    for (Registration r : registrations) {
      String state = view.get(Elbv2Kinds.TARGET, r.key()).map(StoredTarget::state).orElse(null);
      if (TargetStates.UNHEALTHY.equals(state)) {
        return TargetsHealth.unhealthyIn(r.targetGroupArn());
      }
      allHealthy &= TargetStates.HEALTHY.equals(state);
    }
    return allHealthy ? TargetsHealth.HEALTHY : TargetsHealth.WAITING;
  }

  private static Optional<String> eniAddress(Task task) {
    if (task.attachments() == null) {
      return Optional.empty();
    }
    for (Attachment a : task.attachments()) {
      if ("ElasticNetworkInterface".equals(a.type()) && a.details() != null) {
        for (KeyValuePair d : a.details()) {
          if ("privateIPv4Address".equals(d.name()) && d.value() != null) {
            return Optional.of(d.value());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> hostPort(Task task, String containerName, int containerPort) {
    for (Container c : task.containers()) {
      if (!c.name().equals(containerName) || c.networkBindings() == null) {
        continue;
      }
      for (NetworkBinding b : c.networkBindings()) {
        if (b.containerPort() != null && b.containerPort() == containerPort && b.hostPort() != null) {
          return Optional.of(b.hostPort());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> instanceId(StateView view, String taskKey, Task task) {
    String arn = task.containerInstanceArn();
    if (arn == null) {
      return Optional.empty();
    }
    return view.get(EcsKinds.CONTAINER_INSTANCE, EcsKinds.containerInstanceKey(cluster(taskKey), arn.substring(arn.lastIndexOf('/') + 1)))
        .map(ContainerInstance::ec2InstanceId);
  }

  private static String cluster(String taskKey) {
    return taskKey.substring(0, taskKey.indexOf('/'));
  }
}
