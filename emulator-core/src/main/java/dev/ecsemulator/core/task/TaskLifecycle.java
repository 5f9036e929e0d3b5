package dev.ecsemulator.core.task;

import dev.ecsemulator.core.model.Attachment;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The task state machine as ECS reports it, as pure functions from (task, event, now) to the next task.
 * No Docker, no store, no clock: the scheduler observes, calls these, and writes the result.
 *
 * <p>Rules, with their sources:
 *
 * <ul>
 *   <li>lastStatus only moves forward through {@link TaskStatus}; the task is RUNNING once every
 *       container that has not stopped is RUNNING (agent: task status is the minimum over its
 *       containers; a stopped container does not hold it back).
 *   <li>When an essential container stops, the task's desiredStatus becomes STOPPED with stopCode
 *       EssentialContainerExited and "Essential container in task exited" (agent
 *       {@code updateTaskDesiredStatusUnsafe}); a non-essential container stopping changes nothing.
 *   <li>The first stop reason wins: a later essential exit does not overwrite "Task stopped by user".
 *   <li>An OOM-killed container's reason is "OutOfMemoryError: Container killed due to memory usage"
 *       (agent {@code dockerapi/errors.go}); reasons are cut to 1024 characters.
 *   <li>Task health counts essential containers only: UNHEALTHY if any is, HEALTHY if all are, else
 *       UNKNOWN.
 *   <li>{@code version} grows by one with every change.
 * </ul>
 */
public final class TaskLifecycle {

  public static final String ESSENTIAL_EXITED = "Essential container in task exited";
  public static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";
  public static final int MAX_REASON = 1024;

  private TaskLifecycle() {}

  /** Folds the runtime's view of the task's containers into the task (a task no load balancer registers). */
  public static Task observe(Task task, TaskDefinition definition, List<ContainerObservation> observations, Instant now) {
    return observe(task, definition, observations, now, false);
  }

  /**
   * Folds the runtime's view of the task's containers into the task. With {@code registers} (a task of a service
   * with {@code loadBalancers}), a started task is ACTIVATING until {@link #activated}, and a task asked to stop
   * while ACTIVATING or RUNNING is DEACTIVATING until {@link #deactivated} (Guide {@code task-lifecycle.md}: the
   * target is registered while ACTIVATING and drained while DEACTIVATING).
   */
  public static Task observe(Task task, TaskDefinition definition, List<ContainerObservation> observations,
      Instant now, boolean registers) {
    Map<String, ContainerObservation> byName = new HashMap<>();
    observations.forEach(o -> byName.put(o.name(), o));
    List<Container> containers = new ArrayList<>();
    for (Container container : task.containers()) {
      ContainerObservation seen = byName.get(container.name());
      containers.add(seen == null ? container : updateContainer(container, seen));
    }
    Task next = task.toBuilder()
        .containers(containers)
        .healthStatus(taskHealth(containers, definition))
        .build();
    if (isDesiredRunning(next) && anyEssentialStopped(containers, definition)) {
      next = stop(next, "EssentialContainerExited", ESSENTIAL_EXITED, now);
    }
    next = advance(next, now, registers);
    return versioned(task, next);
  }

  /**
   * A late fact about an already stopped container: Docker's OOM verdict can arrive after the exit was
   * recorded. Sets the OOM reason on that container when it has none; changes nothing else.
   */
  public static Task amendOutOfMemory(Task task, String containerName) {
    List<Container> containers = new ArrayList<>();
    boolean changed = false;
    for (Container c : task.containers()) {
      if (c.name().equals(containerName) && c.reason() == null && ContainerStatus.STOPPED.is(c.lastStatus())) {
        containers.add(c.toBuilder().reason(OOM_REASON).build());
        changed = true;
      } else {
        containers.add(c);
      }
    }
    return changed ? versioned(task, task.toBuilder().containers(containers).build()) : task;
  }

  /**
   * Asks the task to stop: desiredStatus STOPPED, stoppingAt now, and the stop code and reason, unless a
   * stop was already asked (the first reason wins). Idempotent.
   */
  public static Task requestStop(Task task, String stopCode, String reason, Instant now) {
    return requestStop(task, stopCode, reason, now, false);
  }

  /**
   * As {@link #requestStop(Task, String, String, Instant)}; with {@code registers} a task ACTIVATING or RUNNING
   * goes DEACTIVATING (its targets drain) rather than STOPPING.
   */
  public static Task requestStop(Task task, String stopCode, String reason, Instant now, boolean registers) {
    return versioned(task, advance(stop(task, stopCode, reason, now), now, registers));
  }

  /** The task's targets are registered: ACTIVATING → RUNNING, {@code startedAt} now. Otherwise unchanged. */
  public static Task activated(Task task, Instant now) {
    if (!TaskStatus.ACTIVATING.is(task.lastStatus()) || TaskStatus.STOPPED.is(task.desiredStatus())) {
      return task;
    }
    return versioned(task, task.toBuilder().lastStatus(TaskStatus.RUNNING.name()).startedAt(now).build());
  }

  /** The task's targets have drained: DEACTIVATING → STOPPING. Otherwise unchanged. */
  public static Task deactivated(Task task) {
    if (!TaskStatus.DEACTIVATING.is(task.lastStatus())) {
      return task;
    }
    return versioned(task, task.toBuilder().lastStatus(TaskStatus.STOPPING.name()).build());
  }

  /** The task could not start (pull, create or start failed, or a secret cannot be resolved). */
  public static Task failedToStart(Task task, String reason, Instant now) {
    return requestStop(task, "TaskFailedToStart", reason, now);
  }

  public static Task pullStarted(Task task, Instant now) {
    return task.pullStartedAt() != null ? task : versioned(task, task.toBuilder().pullStartedAt(now).build());
  }

  public static Task pullStopped(Task task, Instant now) {
    return task.pullStoppedAt() != null ? task : versioned(task, task.toBuilder().pullStoppedAt(now).build());
  }

  /**
   * The awsvpc sandbox is up: PROVISIONING → PENDING and the ENI attachment ATTACHED with the task's
   * private IP (the sandbox's address).
   */
  public static Task provisioned(Task task, String privateIpv4Address, Instant now) {
    if (TaskStatus.of(task.lastStatus()) != TaskStatus.PROVISIONING) {
      return task;
    }
    List<Attachment> attachments = new ArrayList<>();
    for (Attachment a : nullToEmpty(task.attachments())) {
      if ("ElasticNetworkInterface".equals(a.type())) {
        List<KeyValuePair> details = new ArrayList<>();
        for (KeyValuePair d : nullToEmpty(a.details())) {
          details.add("privateIPv4Address".equals(d.name()) ? new KeyValuePair(d.name(), privateIpv4Address) : d);
        }
        if (details.stream().noneMatch(d -> "privateIPv4Address".equals(d.name()))) {
          details.add(new KeyValuePair("privateDnsName", privateDnsName(task, privateIpv4Address)));
          details.add(new KeyValuePair("privateIPv4Address", privateIpv4Address));
        }
        attachments.add(a.toBuilder().status("ATTACHED").details(details).build());
      } else {
        attachments.add(a);
      }
    }
    List<Container> containers = task.containers().stream()
        .map(c -> c.toBuilder().networkInterfaces(List.of(
            dev.ecsemulator.core.model.NetworkInterface.builder()
                .attachmentId(eniId(task))
                .privateIpv4Address(privateIpv4Address)
                .build())).build())
        .toList();
    Task next = task.toBuilder()
        .lastStatus(TaskStatus.PENDING.name())
        .attachments(attachments)
        .containers(containers)
        .connectivity("CONNECTED")
        .connectivityAt(now)
        .build();
    return versioned(task, next);
  }

  /** The awsvpc sandbox is gone: DEPROVISIONING → STOPPED, the ENI attachment DELETED. */
  public static Task deprovisioned(Task task, Instant now) {
    if (TaskStatus.of(task.lastStatus()) != TaskStatus.DEPROVISIONING) {
      return task;
    }
    List<Attachment> attachments = nullToEmpty(task.attachments()).stream()
        .map(a -> "ElasticNetworkInterface".equals(a.type()) ? a.toBuilder().status("DELETED").build() : a)
        .toList();
    return versioned(task, task.toBuilder()
        .attachments(attachments)
        .lastStatus(TaskStatus.STOPPED.name())
        .stoppedAt(now)
        .build());
  }

  /** EC2's private DNS name form: {@code ip-10-0-0-1.ec2.internal} in us-east-1, else {@code .REGION.compute.internal}. */
  private static String privateDnsName(Task task, String ip) {
    String zone = task.availabilityZone() == null ? "us-east-1a" : task.availabilityZone();
    String region = zone.substring(0, zone.length() - 1);
    String host = "ip-" + ip.replace('.', '-');
    return region.equals("us-east-1") ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
  }

  /** Whether the task uses the awsvpc sandbox (it has an ENI attachment). */
  public static boolean hasEni(Task task) {
    return nullToEmpty(task.attachments()).stream().anyMatch(a -> "ElasticNetworkInterface".equals(a.type()));
  }

  private static String eniId(Task task) {
    return nullToEmpty(task.attachments()).stream()
        .filter(a -> "ElasticNetworkInterface".equals(a.type()))
        .map(Attachment::id)
        .findFirst()
        .orElse(null);
  }

  private static Container updateContainer(Container container, ContainerObservation seen) {
    ContainerObservation.State previous = ContainerObservation.State.valueOf(container.lastStatus());
    ContainerObservation.State state = seen.state().ordinal() < previous.ordinal() ? previous : seen.state();
    Container.Builder next = container.toBuilder()
        .lastStatus(state.name())
        .healthStatus(seen.healthStatus() == null ? "UNKNOWN" : seen.healthStatus());
    if (seen.runtimeId() != null) {
      next.runtimeId(seen.runtimeId());
    }
    if (state == ContainerObservation.State.RUNNING && !seen.networkBindings().isEmpty()) {
      next.networkBindings(seen.networkBindings());
    }
    if (state == ContainerObservation.State.STOPPED && previous != ContainerObservation.State.STOPPED) {
      next.exitCode(seen.exitCode());
      String reason = seen.oomKilled() ? OOM_REASON : seen.reason();
      if (reason != null) {
        next.reason(truncate(reason));
      }
    } else if (previous == ContainerObservation.State.STOPPED && seen.oomKilled() && container.reason() == null) {
      // Docker may report the OOM after the exit (its oom event can trail die): the reason follows.
      next.reason(OOM_REASON);
    }
    return next.build();
  }

  private static String taskHealth(List<Container> containers, TaskDefinition definition) {
    boolean anyEssential = false;
    boolean allHealthy = true;
    for (Container c : containers) {
      if (!isEssential(definition, c.name())) {
        continue;
      }
      anyEssential = true;
      if ("UNHEALTHY".equals(c.healthStatus())) {
        return "UNHEALTHY";
      }
      allHealthy &= "HEALTHY".equals(c.healthStatus());
    }
    return anyEssential && allHealthy ? "HEALTHY" : "UNKNOWN";
  }

  private static boolean anyEssentialStopped(List<Container> containers, TaskDefinition definition) {
    return containers.stream()
        .anyMatch(c -> ContainerStatus.STOPPED.is(c.lastStatus()) && isEssential(definition, c.name()));
  }

  /** {@code essential} defaults to true (Model, ContainerDefinition.essential). */
  public static boolean isEssential(TaskDefinition definition, String containerName) {
    for (ContainerDefinition cd : definition.containerDefinitions()) {
      if (cd.name().equals(containerName)) {
        return cd.essential() == null || cd.essential();
      }
    }
    return true;
  }

  private static boolean isDesiredRunning(Task task) {
    return TaskStatus.RUNNING.is(task.desiredStatus());
  }

  private static Task stop(Task task, String stopCode, String reason, Instant now) {
    if (TaskStatus.STOPPED.is(task.desiredStatus())) {
      return task;
    }
    return task.toBuilder()
        .desiredStatus(TaskStatus.STOPPED.name())
        .stopCode(stopCode)
        .stoppedReason(truncate(reason))
        .stoppingAt(now)
        .build();
  }

  /** Moves lastStatus forward as far as the containers and desiredStatus allow. */
  private static Task advance(Task task, Instant now, boolean registers) {
    TaskStatus current = TaskStatus.of(task.lastStatus());
    if (current.isStopped() || current == TaskStatus.DEPROVISIONING) {
      return task;
    }
    List<Container> containers = task.containers();
    boolean allStopped = containers.stream().allMatch(c -> ContainerStatus.STOPPED.is(c.lastStatus()));
    boolean stopping = TaskStatus.STOPPED.is(task.desiredStatus());
    Task.Builder next = task.toBuilder();
    if (stopping && allStopped) {
      next.executionStoppedAt(task.executionStoppedAt() != null ? task.executionStoppedAt() : now);
      if (hasEni(task) && current != TaskStatus.PROVISIONING) {
        next.lastStatus(TaskStatus.DEPROVISIONING.name());
      } else {
        next.lastStatus(TaskStatus.STOPPED.name()).stoppedAt(now);
        if (hasEni(task)) {
          next.attachments(task.attachments().stream()
              .map(a -> "ElasticNetworkInterface".equals(a.type()) ? a.toBuilder().status("DELETED").build() : a)
              .toList());
        }
      }
      return next.build();
    }
    if (stopping) {
      boolean attached = current == TaskStatus.ACTIVATING || current == TaskStatus.RUNNING;
      if (registers && attached) {
        next.lastStatus(TaskStatus.DEACTIVATING.name());
      } else if (current.ordinal() < TaskStatus.DEACTIVATING.ordinal() && current != TaskStatus.PROVISIONING) {
        next.lastStatus(TaskStatus.STOPPING.name());
      }
      return next.build();
    }
    boolean started = containers.stream()
        .allMatch(c -> ContainerStatus.RUNNING.is(c.lastStatus()) || ContainerStatus.STOPPED.is(c.lastStatus()))
        && containers.stream().anyMatch(c -> ContainerStatus.RUNNING.is(c.lastStatus()));
    if (started && registers && current.ordinal() < TaskStatus.ACTIVATING.ordinal()
        && current != TaskStatus.PROVISIONING) {
      next.lastStatus(TaskStatus.ACTIVATING.name());
    } else if (started && !registers && current.ordinal() < TaskStatus.RUNNING.ordinal()
        && current != TaskStatus.PROVISIONING) {
      next.lastStatus(TaskStatus.RUNNING.name()).startedAt(now);
      if (task.pullStoppedAt() == null) {
        next.pullStoppedAt(now);
      }
    }
    return next.build();
  }

  /** The next version of {@code before}: {@code after} with version + 1 when anything changed. */
  private static Task versioned(Task before, Task after) {
    Task comparable = after.toBuilder().version(before.version()).build();
    if (Objects.equals(comparable, before)) {
      return before;
    }
    long version = before.version() == null ? 1 : before.version() + 1;
    return after.toBuilder().version(version).build();
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
