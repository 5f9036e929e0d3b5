package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.core.Scope;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ContainerSpecFactory} needs to know about one task launch beyond its task definition and
 * overrides. Immutable; {@link #withSandbox} adds the sandbox once it runs.
 *
 * @param scope the task's account and region
 * @param clusterName the cluster's short name (label {@code com.amazonaws.ecs.cluster})
 * @param taskArn the task's ARN (label {@code com.amazonaws.ecs.task-arn}); also seeds the stable
 *     suffixes of Docker names, so that creating a task's containers twice finds the same names
 * @param taskId the task's 32-hex ID
 * @param launchType {@code EC2}, {@code FARGATE} or {@code EXTERNAL}
 * @param bindAddress the address published ports listen on (the emulator's {@code --bind})
 * @param instanceLabels this emulator instance's ownership labels ({@code Labels.ownedBy(instance)})
 * @param taskEndpoint the task metadata and credentials endpoint tasks reach, or null when the emulator
 *     serves none now: then {@code ECS_CONTAINER_METADATA_URI(_V4)} and the credentials URI are not
 *     injected
 * @param taskCgroups whether the engine lets containers nest under a task's cgroup
 *     ({@link HostInfo#taskCgroups()}); when false, task-level limits are applied to each container
 * @param sandbox the running sandbox of this task (awsvpc, or the holder of the task's cgroup), or null
 *     before it is created or when the task has none
 */
public record LaunchContext(
    Scope scope,
    String clusterName,
    String taskArn,
    String taskId,
    String launchType,
    String bindAddress,
    Map<String, String> instanceLabels,
    TaskEndpoint taskEndpoint,
    boolean taskCgroups,
    Sandbox sandbox) {

  public LaunchContext {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(taskArn, "taskArn");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(launchType, "launchType");
    Objects.requireNonNull(bindAddress, "bindAddress");
    instanceLabels = instanceLabels == null ? Map.of() : Map.copyOf(instanceLabels);
  }

  public boolean fargate() {
    return "FARGATE".equals(launchType);
  }

  /** This context once the task's sandbox runs: containers then join its network or cgroup. */
  public LaunchContext withSandbox(Sandbox running) {
    return new LaunchContext(scope, clusterName, taskArn, taskId, launchType, bindAddress, instanceLabels,
        taskEndpoint, taskCgroups, running);
  }
}
