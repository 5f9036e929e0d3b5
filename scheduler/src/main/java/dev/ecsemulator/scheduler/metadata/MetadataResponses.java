package dev.ecsemulator.scheduler.metadata;

import dev.ecsemulator.core.model.Attachment;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.task.ContainerStatus;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.metadata.MetadataShapes.ContainerResponse;
import dev.ecsemulator.scheduler.metadata.MetadataShapes.Health;
import dev.ecsemulator.scheduler.metadata.MetadataShapes.Limits;
import dev.ecsemulator.scheduler.metadata.MetadataShapes.Network;
import dev.ecsemulator.scheduler.metadata.MetadataShapes.Port;
import dev.ecsemulator.scheduler.metadata.MetadataShapes.TaskResponse;
import dev.ecsemulator.scheduler.metadata.MetadataShapes.Volume;
import dev.ecsemulator.scheduler.runtime.AgentLabels;
import dev.ecsemulator.scheduler.runtime.ContainerSpecFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the agent's task metadata answers from a {@link TaskSnapshot}, as the agent builds them from its
 * state (agent {@code agent/handlers/v2/response.go} {@code NewTaskResponse}/{@code NewContainerResponse},
 * {@code agent/handlers/v4/response.go}, {@code agent/handlers/v4/container_metadata_handler.go}). Pure: the
 * same snapshot always gives the same answer.
 *
 * <p>Where the emulator's task differs from the agent's, the agent's vocabulary is derived from the ECS one:
 * the task's known status is {@code NONE} until its containers exist, {@code CREATED} once they all do,
 * {@code RUNNING} until its containers have stopped, then {@code STOPPED}.
 */
public final class MetadataResponses {

  /** Which endpoint version answers: v3 lacks the launch type, log and ARN members and the ENI details. */
  public enum Version { V3, V4 }

  /** The agent's floor for a container's CPU in these answers (agent {@code minimumCPUUnit}). */
  static final int MINIMUM_CPU_UNITS = 2;
  /** The container type of task definition containers, and of the awsvpc sandbox (agent {@code ContainerType}). */
  static final String NORMAL = "NORMAL";
  static final String CNI_PAUSE = "CNI_PAUSE";

  private MetadataResponses() {}

  /** {@code /task} (and {@code /taskWithTags} when the snapshot carries tags). */
  public static TaskResponse task(Version version, TaskSnapshot s) {
    Task task = s.task();
    boolean v4 = version == Version.V4;
    List<ContainerResponse> containers = new ArrayList<>();
    sandbox(version, s).ifPresent(containers::add);
    for (Container container : nonNull(task.containers())) {
      container(version, s, container.name()).ifPresent(containers::add);
    }
    return new TaskResponse(
        cluster(task),
        task.taskArn(),
        s.definition().family(),
        String.valueOf(s.definition().revision()),
        task.desiredStatus(),
        taskKnownStatus(task, s),
        taskLimits(task),
        GoJson.time(task.pullStartedAt()),
        GoJson.time(task.pullStoppedAt()),
        GoJson.time(task.executionStoppedAt()),
        task.availabilityZone(),
        tags(s.taskTags()),
        tags(s.containerInstanceTags()),
        v4 ? task.launchType() : null,
        containers,
        null, // VPCID: the EC2 instance's VPC; the local engine has none
        v4 ? serviceName(task) : null,
        v4 ? Boolean.TRUE.equals(s.definition().enableFaultInjection()) : null);
  }

  /** {@code ${URI}}: one container of the task; empty when Docker does not have it (not created yet, or gone). */
  public static Optional<ContainerResponse> container(Version version, TaskSnapshot s, String name) {
    Container container = nonNull(s.task().containers()).stream().filter(c -> name.equals(c.name())).findFirst()
        .orElse(null);
    ContainerFacts facts = s.facts().get(name);
    if (container == null || facts == null) {
      return Optional.empty();
    }
    boolean v4 = version == Version.V4;
    ContainerDefinition definition = nonNull(s.definition().containerDefinitions()).stream()
        .filter(cd -> name.equals(cd.name())).findFirst().orElse(null);
    LogConfiguration log = definition == null ? null : definition.logConfiguration();
    return Optional.of(new ContainerResponse(
        facts.dockerId(),
        name,
        facts.dockerName(),
        container.image() != null ? container.image() : definition == null ? "" : definition.image(),
        facts.imageId(),
        ports(version, s, container),
        new TreeMap<>(facts.labels()), // Go writes a map's keys sorted
        TaskStatus.STOPPED.is(s.task().desiredStatus()) ? "STOPPED" : "RUNNING",
        containerKnownStatus(container.lastStatus()),
        container.exitCode(),
        new Limits(GoJson.float64(Math.max(MINIMUM_CPU_UNITS, number(container.cpu()))),
            (long) number(container.memory())),
        GoJson.time(facts.createdAt()),
        GoJson.time(facts.startedAt()),
        GoJson.time(facts.finishedAt()),
        NORMAL,
        definition != null && definition.healthCheck() != null ? health(container, facts) : null,
        volumes(facts),
        v4 && log != null ? log.logDriver() : null,
        v4 && log != null ? logOptions(log, name, s.task()) : null,
        v4 ? container.containerArn() : null,
        networks(version, s, facts)));
  }

  /** The awsvpc sandbox as the agent lists its pause container in {@code /task}: EC2 only (Fargate hides it). */
  private static Optional<ContainerResponse> sandbox(Version version, TaskSnapshot s) {
    ContainerFacts facts = s.facts().get(AgentLabels.PAUSE_CONTAINER_NAME);
    if (facts == null || !awsvpc(s) || "FARGATE".equals(s.task().launchType())) {
      return Optional.empty();
    }
    String status = facts.finishedAt() == null ? "RESOURCES_PROVISIONED" : "STOPPED";
    return Optional.of(new ContainerResponse(facts.dockerId(), AgentLabels.PAUSE_CONTAINER_NAME, facts.dockerName(),
        ContainerSpecFactory.PAUSE_IMAGE_PLACEHOLDER, "" /* the agent never records the pause image's ID */,
        null, new TreeMap<>(facts.labels()), status, status, null,
        new Limits(GoJson.float64(MINIMUM_CPU_UNITS), 0L), GoJson.time(facts.createdAt()),
        GoJson.time(facts.startedAt()), GoJson.time(facts.finishedAt()), CNI_PAUSE, null, volumes(facts), null, null,
        null, networks(version, s, facts)));
  }

  /** EC2: the cluster as the agent is configured with it (its short name); Fargate: the cluster's ARN. */
  static String cluster(Task task) {
    String arn = task.clusterArn();
    if (arn == null || "FARGATE".equals(task.launchType())) {
      return arn;
    }
    return arn.substring(arn.indexOf('/') + 1);
  }

  static String taskKnownStatus(Task task, TaskSnapshot s) {
    String last = task.lastStatus() == null ? "" : task.lastStatus();
    return switch (last) {
      case "RUNNING", "DEACTIVATING", "STOPPING" -> "RUNNING";
      case "DEPROVISIONING", "STOPPED" -> "STOPPED";
      default -> {
        List<Container> containers = nonNull(task.containers());
        boolean allCreated = !containers.isEmpty()
            && containers.stream().allMatch(c -> s.facts().containsKey(c.name()));
        yield allCreated ? "CREATED" : "NONE";
      }
    };
  }

  static String containerKnownStatus(String lastStatus) {
    if (ContainerStatus.RUNNING.is(lastStatus) || ContainerStatus.STOPPED.is(lastStatus)) {
      return lastStatus;
    }
    return "CREATED"; // Docker has it (else it would not be listed) but it has not started
  }

  /** Task-level limits: CPU in vCPUs, memory in MiB; null when the task sets neither. */
  static Limits taskLimits(Task task) {
    Double cpu = task.cpu() == null ? null : number(task.cpu()) / 1024.0;
    Long memory = task.memory() == null ? null : (long) number(task.memory());
    if ((cpu == null || cpu == 0) && (memory == null || memory == 0)) {
      return null;
    }
    return new Limits(cpu == null || cpu == 0 ? null : GoJson.float64(cpu),
        memory == null || memory == 0 ? null : memory);
  }

  private static String serviceName(Task task) {
    String group = task.group();
    return group != null && group.startsWith("service:") ? group.substring("service:".length()) : null;
  }

  /**
   * The agent's known port bindings. In awsvpc mode the host port is the container port (agent: a task with an
   * ENI), whatever the emulator publishes on the host for the developer's sake.
   */
  private static List<Port> ports(Version version, TaskSnapshot s, Container container) {
    List<Port> ports = new ArrayList<>();
    boolean awsvpc = awsvpc(s);
    for (NetworkBinding binding : nonNull(container.networkBindings())) {
      int containerPort = binding.containerPort() == null ? 0 : binding.containerPort();
      int hostPort = awsvpc ? containerPort : binding.hostPort() == null ? 0 : binding.hostPort();
      ports.add(new Port(containerPort, binding.protocol() == null ? "tcp" : binding.protocol(), hostPort,
          version == Version.V4 ? binding.bindIP() : null));
    }
    return ports;
  }

  private static Health health(Container container, ContainerFacts facts) {
    String status = container.healthStatus();
    ContainerFacts.HealthFacts probe = facts.health();
    return new Health(
        "HEALTHY".equals(status) || "UNHEALTHY".equals(status) ? status : null, // UNKNOWN is left out
        probe == null ? null : GoJson.time(probe.since()),
        probe == null ? 0 : probe.exitCode(),
        probe == null ? null : probe.output());
  }

  private static List<Volume> volumes(ContainerFacts facts) {
    return facts.mounts().stream().map(m -> new Volume(m.name(), m.source(), m.destination())).toList();
  }

  /**
   * The log options as ECS hands them to the agent: for awslogs, {@code awslogs-stream-prefix} becomes the
   * stream itself, {@code <prefix>/<container name>/<task id>} (as the developer guide's example shows).
   */
  static Map<String, String> logOptions(LogConfiguration log, String containerName, Task task) {
    Map<String, String> options = new LinkedHashMap<>(log.options() == null ? Map.of() : log.options());
    String prefix = options.remove("awslogs-stream-prefix");
    if ("awslogs".equals(log.logDriver()) && prefix != null && task.taskArn() != null) {
      String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
      options.put("awslogs-stream", prefix + "/" + containerName + "/" + taskId);
    } else if (prefix != null) {
      options.put("awslogs-stream-prefix", prefix);
    }
    return new TreeMap<>(options); // Go writes a map's keys sorted
  }

  /**
   * awsvpc: the task's ENI (the sandbox's address on the engine's bridge), with the v4 interface properties;
   * other modes: the container's Docker networks (agent {@code GetContainerNetworkMetadata}).
   */
  private static List<Network> networks(Version version, TaskSnapshot s, ContainerFacts facts) {
    if (!awsvpc(s)) {
      return facts.networks().stream()
          .map(n -> Network.plain(n.name(), List.of(n.ipv4Address()),
              n.ipv6Address().isEmpty() ? null : List.of(n.ipv6Address())))
          .toList();
    }
    Map<String, String> eni = eniDetails(s.task());
    String ip = eni.get("privateIPv4Address");
    if (ip == null) {
      return List.of();
    }
    if (version == Version.V3) {
      return List.of(Network.plain("awsvpc", List.of(ip), null));
    }
    ContainerFacts sandbox = s.facts().get(AgentLabels.PAUSE_CONTAINER_NAME);
    ContainerFacts.NetworkFacts bridge = sandbox == null ? null
        : sandbox.networks().stream().filter(n -> n.ipv4Address().equals(ip)).findFirst().orElse(null);
    String cidr = bridge == null || bridge.prefixLength() == 0 ? null : Cidr.network(ip, bridge.prefixLength());
    String gateway = bridge == null || bridge.gateway().isEmpty() || bridge.prefixLength() == 0 ? null
        : bridge.gateway() + "/" + bridge.prefixLength();
    return List.of(new Network("awsvpc", List.of(ip), null, 0, eni.get("macAddress"), cidr,
        eni.get("privateDnsName"), gateway));
  }

  private static Map<String, String> eniDetails(Task task) {
    Map<String, String> details = new LinkedHashMap<>();
    for (Attachment attachment : nonNull(task.attachments())) {
      if ("ElasticNetworkInterface".equals(attachment.type())) {
        for (KeyValuePair pair : nonNull(attachment.details())) {
          details.put(pair.name(), pair.value());
        }
      }
    }
    return details;
  }

  private static boolean awsvpc(TaskSnapshot s) {
    return "awsvpc".equals(ContainerSpecFactory.networkMode(s.definition()));
  }

  private static Map<String, String> tags(List<Tag> tags) {
    if (tags == null) {
      return null;
    }
    Map<String, String> map = new TreeMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }

  private static double number(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
