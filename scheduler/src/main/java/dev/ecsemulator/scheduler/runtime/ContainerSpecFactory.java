package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.EnvironmentFile;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.LinuxParameters;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.core.model.Ulimit;
import dev.ecsemulator.core.model.VolumeFrom;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.PortPublication;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.Resources;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.UlimitSpec;
import dev.ecsemulator.scheduler.runtime.ResourceMapping.ContainerLimits;
import dev.ecsemulator.scheduler.runtime.ResourceMapping.Enforcement;
import dev.ecsemulator.scheduler.runtime.ResourceMapping.TaskLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a task definition, its overrides and a {@link LaunchContext} into {@link ContainerSpec}s, the way
 * the ECS agent configures Docker (agent {@code task.go}: {@code dockerConfig}, {@code dockerHostConfig},
 * {@code dockerPortMap}, {@code dockerLinks}; {@code docker_task_engine.go}: {@code createContainer};
 * {@code /work/shared/reference/ecs-semantics.md} §2). Pure: no Docker, no clock, no randomness; the same
 * inputs always give the same specs, names included.
 *
 * <p>How a launch uses it:
 * <ol>
 *   <li>{@link #unresolved}: inputs the emulator cannot provide (S3 env files, EFS...). If any,
 *       the caller fails the task rather than start it without them.
 *   <li>{@link #sandbox}: the task's sandbox, if it needs one; create it with
 *       {@link ContainerRuntime#createSandbox} and put it in the context ({@link LaunchContext#withSandbox}).
 *   <li>{@link #volumes}: Docker volumes to ensure before creating containers.
 *   <li>{@link #container}: one spec per container definition.
 * </ol>
 */
public final class ContainerSpecFactory {

  /** The cgroup under which sandboxes holding task limits are created (cgroupfs driver only). */
  public static final String TASK_CGROUP_ROOT = "/ecs-emulator";
  /** Stands for the pause image in sandbox specs; {@link ContainerRuntime#createSandbox} uses its own. */
  public static final String PAUSE_IMAGE_PLACEHOLDER = "ecs-emulator/pause";
  /** The pidMode and ipcMode that share one namespace among the task's containers. */
  private static final String TASK = "task";
  /** ECS's stop timeout when the container definition sets none ({@code ECS_CONTAINER_STOP_TIMEOUT}). */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
  /** Log drivers that need AWS or another remote service: run as {@code json-file} locally. */
  public static final Set<String> REMOTE_LOG_DRIVERS = Set.of("awslogs", "awsfirelens", "splunk");

  /** The task's network mode: the definition's, else {@code bridge} (the ECS default on Linux). */
  public static String networkMode(TaskDefinition definition) {
    String mode = definition.networkMode();
    return mode == null || mode.isBlank() ? "bridge" : mode;
  }

  /**
   * The task's sandbox, if it needs one: always in {@code awsvpc} mode (on the default bridge, publishing
   * every container port on a dynamic host port of the bind address); otherwise (network {@code none}) to hold
   * the namespaces of pidMode or ipcMode {@code task}, or the task's cgroup when
   * {@link ResourceMapping#enforcement} says {@link Enforcement#SHARED_CGROUP}. With ipcMode {@code task} its
   * IPC namespace is {@code shareable}, as the agent makes its namespace pause container's (agent
   * {@code task.go}: {@code addNamespaceSharingProvisioningDependency}, {@code ipcModeOverride}); its process
   * namespace is its own, which the containers join. Its image is {@link #PAUSE_IMAGE_PLACEHOLDER}.
   */
  public Optional<ContainerSpec> sandbox(TaskDefinition definition, TaskOverride overrides, LaunchContext context) {
    boolean awsvpc = "awsvpc".equals(networkMode(definition));
    TaskLimits task = ResourceMapping.taskLimits(definition, overrides);
    Enforcement enforcement = ResourceMapping.enforcement(task, containers(definition).size(), awsvpc,
        context.taskCgroups());
    if (!awsvpc && enforcement != Enforcement.SHARED_CGROUP && !sharesNamespaces(definition)) {
      return Optional.empty();
    }
    Resources resources = enforcement == Enforcement.SHARED_CGROUP
        ? taskCgroupResources(definition, overrides, task)
        : Resources.NONE;
    List<PortPublication> ports = new ArrayList<>();
    if (awsvpc) {
      Set<String> seen = new LinkedHashSet<>();
      for (ContainerDefinition container : containers(definition)) {
        for (PortPublication port : publications(container, context, true)) {
          if (seen.add(port.containerPort() + "/" + port.protocol())) {
            ports.add(port);
          }
        }
      }
    }
    return Optional.of(ContainerSpec.builder(
            AgentLabels.dockerName(definition.family(), VolumeMapping.revision(definition),
                AgentLabels.PAUSE_CONTAINER_NAME, context.taskArn()),
            PAUSE_IMAGE_PLACEHOLDER)
        .labels(labels(definition, AgentLabels.PAUSE_CONTAINER_NAME, null, context))
        .networkMode(awsvpc ? "bridge" : "none")
        .ipcMode(TASK.equals(definition.ipcMode()) ? "shareable" : null)
        .ports(ports)
        .resources(resources)
        .stopTimeout(Duration.ofSeconds(1))
        .build());
  }

  /** Whether the task's containers share a process or IPC namespace, which the sandbox holds. */
  static boolean sharesNamespaces(TaskDefinition definition) {
    return TASK.equals(definition.pidMode()) || TASK.equals(definition.ipcMode());
  }

  /**
   * ECS {@code pidMode}/{@code ipcMode} → Docker's, as the agent maps them ({@code pidModeOverride},
   * {@code ipcModeOverride}): {@code host} and {@code none} as they are, {@code task} to the sandbox's namespace,
   * unset to Docker's default.
   */
  private static String namespaceMode(String ecsMode, LaunchContext context) {
    if (ecsMode == null || ecsMode.isBlank()) {
      return null;
    }
    return TASK.equals(ecsMode) ? context.sandbox().joinMode() : ecsMode;
  }

  /** The Docker volumes to ensure before any container is created. */
  public List<VolumeSpec> volumes(TaskDefinition definition, LaunchContext context) {
    return VolumeMapping.volumes(definition, context);
  }

  /** Inputs of the task that cannot be resolved locally, in definition order; empty when all can. */
  public List<UnresolvedInput> unresolved(TaskDefinition definition, TaskOverride overrides) {
    List<UnresolvedInput> unresolved = new ArrayList<>();
    for (ContainerDefinition container : containers(definition)) {
      String name = container.name();
      List<EnvironmentFile> files = new ArrayList<>(nonNull(container.environmentFiles()));
      ContainerOverride override = overrideFor(overrides, name);
      if (override != null) {
        files.addAll(nonNull(override.environmentFiles()));
      }
      for (EnvironmentFile file : files) {
        unresolved.add(new UnresolvedInput(name, UnresolvedInput.Kind.ENVIRONMENT_FILE, file.type(), file.value()));
      }
    }
    unresolved.addAll(VolumeMapping.unresolved(definition));
    return unresolved;
  }

  /**
   * The spec of one container of the task.
   *
   * @throws IllegalStateException for an {@code awsvpc} task, or one whose containers share a namespace, whose
   *     context has no sandbox yet
   */
  public ContainerSpec container(TaskDefinition definition, ContainerDefinition container, TaskOverride overrides,
      LaunchContext context) {
    String mode = networkMode(definition);
    boolean awsvpc = "awsvpc".equals(mode);
    boolean bridge = "bridge".equals(mode);
    if ((awsvpc || sharesNamespaces(definition)) && context.sandbox() == null) {
      throw new IllegalStateException("this task's containers join its sandbox: create the sandbox first");
    }
    ContainerOverride override = overrideFor(overrides, container.name());
    LinuxParameters linux = container.linuxParameters();
    return ContainerSpec.builder(dockerName(definition, container.name(), context), container.image())
        .command(override != null && override.command() != null ? override.command() : container.command())
        .entryPoint(container.entryPoint())
        .environment(environment(container, override, taskRoleArn(definition, overrides), context))
        .labels(labels(definition, container.name(), container.dockerLabels(), context))
        .workingDirectory(container.workingDirectory())
        .user(container.user())
        .hostname(bridge || "none".equals(mode) ? container.hostname() : null)
        .resources(resources(definition, container, overrides, override, context))
        .networkMode(awsvpc ? context.sandbox().joinMode() : mode)
        .pidMode(namespaceMode(definition.pidMode(), context))
        .ipcMode(namespaceMode(definition.ipcMode(), context))
        .ports(bridge ? publications(container, context, false) : List.of())
        .links(bridge ? links(definition, container, context) : List.of())
        .mounts(VolumeMapping.mounts(definition, container, context))
        .volumesFrom(volumesFrom(definition, container, context))
        .ulimits(ulimits(container))
        .readonlyRootFilesystem(Boolean.TRUE.equals(container.readonlyRootFilesystem()))
        .privileged(!context.fargate() && Boolean.TRUE.equals(container.privileged()))
        .extraHosts(awsvpc ? List.of() : nonNull(container.extraHosts()).stream()
            .map(h -> h.hostname() + ":" + h.ipAddress()).toList())
        .init(linux != null && Boolean.TRUE.equals(linux.initProcessEnabled()))
        .healthCheck(ContainerOptionsMapping.healthCheck(container.healthCheck()))
        .log(ContainerOptionsMapping.log(container.logConfiguration()))
        .stopTimeout(container.stopTimeout() == null ? DEFAULT_STOP_TIMEOUT : Duration.ofSeconds(container.stopTimeout()))
        .linux(ContainerOptionsMapping.linux(container, context, !awsvpc))
        .build();
  }

  private static Resources resources(TaskDefinition definition, ContainerDefinition container, TaskOverride overrides,
      ContainerOverride override, LaunchContext context) {
    ContainerLimits own = ResourceMapping.containerLimits(container, override);
    Long memory = ResourceMapping.memoryBytes(own.memoryMiB());
    Long reservation = ResourceMapping.reservationBytes(own.memoryReservationMiB());
    Long period = null;
    Long quota = null;
    String parent = null;
    TaskLimits task = ResourceMapping.taskLimits(definition, overrides);
    Sandbox sandbox = context.sandbox();
    if (sandbox != null && sandbox.memberCgroupParent() != null) {
      parent = sandbox.memberCgroupParent(); // the sandbox's cgroup carries the task's limits
    } else {
      if (task.memoryMiB() != null) {
        long cap = task.memoryMiB() * ResourceMapping.MIB;
        memory = memory == null ? cap : Math.min(memory, cap);
      }
      if (task.cpuUnits() != null) {
        period = ResourceMapping.CPU_PERIOD_MICROS;
        quota = ResourceMapping.cpuQuotaMicros(task.cpuUnits());
      }
    }
    if (reservation != null && memory != null && reservation > memory) {
      reservation = memory; // Docker refuses a reservation above the limit
    }
    LinuxParameters linux = container.linuxParameters();
    Long swap = null;
    Long swappiness = null;
    if (linux != null) {
      if (linux.maxSwap() != null && memory != null) {
        swap = memory + linux.maxSwap() * ResourceMapping.MIB; // agent: Memory + maxSwap; 0 means no swap
      }
      swappiness = linux.swappiness() == null ? null : linux.swappiness().longValue();
    }
    return new Resources(ResourceMapping.cpuShares(own.cpu()), memory, reservation, period, quota, parent, swap,
        swappiness);
  }

  /** The limits of a sandbox that holds the task's cgroup. */
  private static Resources taskCgroupResources(TaskDefinition definition, TaskOverride overrides, TaskLimits task) {
    Integer shares = null;
    if (task.cpuUnits() == null) {
      // Agent buildImplicitLinuxCPUSpec: without task cpu, the task cgroup's shares are the containers' sum.
      long sum = 0;
      for (ContainerDefinition container : containers(definition)) {
        sum += ResourceMapping.cpuShares(
            ResourceMapping.containerLimits(container, overrideFor(overrides, container.name())).cpu());
      }
      shares = (int) Math.min(sum, ResourceMapping.MAX_CPU_SHARES);
    }
    Long memory = task.memoryMiB() == null ? null : task.memoryMiB() * ResourceMapping.MIB;
    Long period = task.cpuUnits() == null ? null : ResourceMapping.CPU_PERIOD_MICROS;
    Long quota = task.cpuUnits() == null ? null : ResourceMapping.cpuQuotaMicros(task.cpuUnits());
    // No OomScoreAdj: lowering it needs CAP_SYS_RESOURCE, which engines in containers or VMs often lack
    // (runc then fails to start); the pause program's few kilobytes are never the OOM killer's choice.
    return new Resources(shares, memory, null, period, quota, TASK_CGROUP_ROOT, null, null);
  }

  /**
   * Definition environment, then the override's (replacing same-named entries), then what ECS injects.
   * The agent merges its variables last, so they win (agent {@code MergeEnvironmentVariables}).
   */
  private static Map<String, String> environment(ContainerDefinition container, ContainerOverride override,
      String taskRoleArn, LaunchContext context) {
    Map<String, String> env = new LinkedHashMap<>();
    for (KeyValuePair pair : nonNull(container.environment())) {
      env.put(pair.name(), pair.value() == null ? "" : pair.value());
    }
    if (override != null) {
      for (KeyValuePair pair : nonNull(override.environment())) {
        env.put(pair.name(), pair.value() == null ? "" : pair.value());
      }
    }
    // Documented as set by ECS (developer guide, "Amazon ECS environment variables"); a task's own value
    // is kept (unverified which wins on AWS).
    env.putIfAbsent("AWS_DEFAULT_REGION", context.scope().region());
    env.putIfAbsent("AWS_REGION", context.scope().region());
    TaskEndpoint endpoint = context.taskEndpoint();
    if (endpoint != null) {
      env.putAll(endpoint.agentVariables(context.taskArn(), container.name(), taskRoleArn));
      if (endpoint.awsEndpointUrl() != null) {
        env.putIfAbsent("AWS_ENDPOINT_URL", endpoint.awsEndpointUrl()); // ours, not the agent's: the task's wins
      }
    }
    env.put("AWS_EXECUTION_ENV", context.fargate() ? "AWS_ECS_FARGATE" : "AWS_ECS_EC2");
    return env;
  }

  /** The task's IAM role: the override's, else the task definition's; null for none. */
  public static String taskRoleArn(TaskDefinition definition, TaskOverride overrides) {
    if (overrides != null && overrides.taskRoleArn() != null && !overrides.taskRoleArn().isBlank()) {
      return overrides.taskRoleArn();
    }
    return definition.taskRoleArn();
  }

  /** dockerLabels first; the agent's labels, then the emulator's ownership labels, override them. */
  private static Map<String, String> labels(TaskDefinition definition, String containerName,
      Map<String, String> dockerLabels, LaunchContext context) {
    Map<String, String> labels = new LinkedHashMap<>(dockerLabels == null ? Map.of() : dockerLabels);
    labels.put(AgentLabels.TASK_ARN, context.taskArn());
    labels.put(AgentLabels.CONTAINER_NAME, containerName);
    labels.put(AgentLabels.TASK_DEFINITION_FAMILY, definition.family());
    labels.put(AgentLabels.TASK_DEFINITION_VERSION, String.valueOf(VolumeMapping.revision(definition)));
    labels.put(AgentLabels.CLUSTER, context.clusterName());
    labels.putAll(context.instanceLabels());
    return labels;
  }

  /**
   * Port mappings → publications on the bind address. {@code hostPort} absent or 0 gives a dynamic port;
   * in awsvpc (published on the sandbox) every port is dynamic, so replicas never collide.
   * {@code containerPortRange} publishes each port of the range on a dynamic port.
   */
  private static List<PortPublication> publications(ContainerDefinition container, LaunchContext context,
      boolean allDynamic) {
    List<PortPublication> ports = new ArrayList<>();
    for (PortMapping mapping : nonNull(container.portMappings())) {
      String protocol = mapping.protocol() == null ? "tcp" : mapping.protocol();
      if (mapping.containerPort() != null) {
        Integer host = allDynamic || mapping.hostPort() == null || mapping.hostPort() == 0 ? null : mapping.hostPort();
        ports.add(new PortPublication(mapping.containerPort(), protocol, context.bindAddress(), host));
      } else if (mapping.containerPortRange() != null) {
        String[] bounds = mapping.containerPortRange().split("-");
        int from = Integer.parseInt(bounds[0].trim());
        int to = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : from;
        for (int port = from; port <= to; port++) {
          ports.add(new PortPublication(port, protocol, context.bindAddress(), null));
        }
      }
    }
    return ports;
  }

  /** {@code name[:alias]} → {@code <docker name of name>:<alias or name>} (agent {@code dockerLinks}). */
  private static List<String> links(TaskDefinition definition, ContainerDefinition container, LaunchContext context) {
    List<String> links = new ArrayList<>();
    for (String link : nonNull(container.links())) {
      String[] parts = link.split(":", 2);
      String alias = parts.length > 1 ? parts[1] : parts[0];
      links.add(dockerName(definition, parts[0], context) + ":" + alias);
    }
    return links;
  }

  private static List<String> volumesFrom(TaskDefinition definition, ContainerDefinition container,
      LaunchContext context) {
    List<String> from = new ArrayList<>();
    for (VolumeFrom source : nonNull(container.volumesFrom())) {
      from.add(dockerName(definition, source.sourceContainer(), context)
          + (Boolean.TRUE.equals(source.readOnly()) ? ":ro" : ""));
    }
    return from;
  }

  private static List<UlimitSpec> ulimits(ContainerDefinition container) {
    List<UlimitSpec> ulimits = new ArrayList<>();
    for (Ulimit ulimit : nonNull(container.ulimits())) {
      Integer soft = ulimit.softLimit() != null ? ulimit.softLimit() : ulimit.hardLimit();
      Integer hard = ulimit.hardLimit() != null ? ulimit.hardLimit() : ulimit.softLimit();
      if (ulimit.name() != null && soft != null) {
        ulimits.add(new UlimitSpec(ulimit.name(), soft, hard));
      }
    }
    // Fargate's default nofile (65535) is deliberately not added: raising a hard limit above the engine's
    // own needs CAP_SYS_RESOURCE, which engines in VMs and containers often lack (runc then refuses to
    // start the container). Containers inherit the engine's limit unless the definition sets one.
    return ulimits;
  }

  private static String dockerName(TaskDefinition definition, String containerName, LaunchContext context) {
    return AgentLabels.dockerName(definition.family(), VolumeMapping.revision(definition), containerName,
        context.taskArn());
  }

  static ContainerOverride overrideFor(TaskOverride overrides, String containerName) {
    if (overrides == null || overrides.containerOverrides() == null) {
      return null;
    }
    return overrides.containerOverrides().stream()
        .filter(o -> containerName.equals(o.name())).findFirst().orElse(null);
  }

  private static List<ContainerDefinition> containers(TaskDefinition definition) {
    return nonNull(definition.containerDefinitions());
  }

  static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
