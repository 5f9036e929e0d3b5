package dev.ecsemulator.core.instance;

import static dev.ecsemulator.core.EcsKinds.CONTAINER_INSTANCE;
import static dev.ecsemulator.core.EcsKinds.TASK;
import static dev.ecsemulator.core.EcsKinds.TASK_DEFINITION;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.Attribute;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.Resource;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.VersionInfo;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.task.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The local Docker engine seen as an EC2 container instance. It joins a cluster at that cluster's first
 * EC2 placement (a new cluster has none, as on AWS), is shared by every cluster (one capacity pool), and
 * is marked with the attribute {@link #LOCAL_ENGINE_ATTRIBUTE} so that it never blocks DeleteCluster.
 * Registered resources are stored; remaining resources and task counts are computed from the tasks on
 * it whenever it is described, so they cannot drift.
 */
public final class ContainerInstances {

  public static final String LOCAL_ENGINE_ATTRIBUTE = dev.ecsemulator.core.cluster.ClusterDeletion.LOCAL_INSTANCE_ATTRIBUTE;
  /** The ports the ECS agent reserves on every instance (agent config {@code ReservedPorts}). */
  public static final List<Integer> RESERVED_PORTS = List.of(22, 2375, 2376, 51678, 51679);
  public static final String AGENT_VERSION = "1.89.0";

  private ContainerInstances() {}

  /** The local instance of {@code clusterName}, registering it now if the cluster has none. */
  public static ContainerInstance ensureLocal(StateTxn txn, Scope scope, String clusterName, String emulatorId,
      HostResources host, Instant now) {
    String id = instanceId(emulatorId, scope, clusterName);
    String key = EcsKinds.containerInstanceKey(clusterName, id);
    Optional<ContainerInstance> existing = txn.get(CONTAINER_INSTANCE, key);
    if (existing.isPresent()) {
      return existing.get();
    }
    ContainerInstance created = ContainerInstance.builder()
        .containerInstanceArn(Arns.containerInstance(scope, clusterName, id))
        .ec2InstanceId("i-" + emulatorId + id.substring(0, 5))
        .version(1L)
        .versionInfo(VersionInfo.builder()
            .agentVersion(AGENT_VERSION)
            .agentHash("ecs-emulator")
            .dockerVersion("DockerVersion: " + host.dockerVersion())
            .build())
        .status(ContainerInstanceStatus.ACTIVE.name())
        .agentConnected(host.connected())
        .registeredResources(resources(host.cpuUnits(), host.memoryMiB(), new TreeSet<>(RESERVED_PORTS), new TreeSet<>()))
        .registeredAt(now)
        .attributes(attributes(host))
        .attachments(List.of())
        .build();
    txn.put(CONTAINER_INSTANCE, key, created);
    return created;
  }

  /** The instance as DescribeContainerInstances shows it: live counts, remaining resources, agent state. */
  public static ContainerInstance describe(StateView view, ContainerInstance instance, boolean agentConnected) {
    int cpu = 0;
    int memory = 0;
    TreeSet<Integer> tcp = new TreeSet<>(RESERVED_PORTS);
    TreeSet<Integer> udp = new TreeSet<>();
    int running = 0;
    int pending = 0;
    for (Task task : tasksOn(view, instance)) {
      TaskStatus status = TaskStatus.of(task.lastStatus());
      if (status.isStopped()) {
        continue;
      }
      running += status == TaskStatus.RUNNING ? 1 : 0;
      pending += status.isPending() ? 1 : 0;
      TaskDefinition td = definitionOf(view, task);
      if (td != null) {
        TaskResources used = TaskResources.of(task, td);
        cpu += used.cpu();
        memory += used.memory();
        tcp.addAll(used.tcpPorts());
        udp.addAll(used.udpPorts());
      }
    }
    return instance.toBuilder()
        .agentConnected(agentConnected)
        .runningTasksCount(running)
        .pendingTasksCount(pending)
        .remainingResources(resources(
            registered(instance, "CPU") - cpu, registered(instance, "MEMORY") - memory, tcp, udp))
        .build();
  }

  /** Why the task would not fit on the instance (ECS failure reasons), or empty when it fits. */
  public static Optional<String> misfit(ContainerInstance described, TaskResources need) {
    if (need.cpu() > remaining(described, "CPU")) {
      return Optional.of("RESOURCE:CPU");
    }
    if (need.memory() > remaining(described, "MEMORY")) {
      return Optional.of("RESOURCE:MEMORY");
    }
    if (need.tcpPorts().stream().anyMatch(p -> usedPorts(described, "PORTS").contains(String.valueOf(p)))) {
      return Optional.of("RESOURCE:PORTS");
    }
    if (need.udpPorts().stream().anyMatch(p -> usedPorts(described, "PORTS_UDP").contains(String.valueOf(p)))) {
      return Optional.of("RESOURCE:PORTS_UDP");
    }
    return Optional.empty();
  }

  /** Adds a placed task's use to a described instance, so several tasks of one RunTask are placed in turn. */
  public static ContainerInstance withPlaced(ContainerInstance described, TaskResources used) {
    TreeSet<Integer> tcp = ports(described, "PORTS");
    TreeSet<Integer> udp = ports(described, "PORTS_UDP");
    tcp.addAll(used.tcpPorts());
    udp.addAll(used.udpPorts());
    return described.toBuilder()
        .remainingResources(resources(remaining(described, "CPU") - used.cpu(),
            remaining(described, "MEMORY") - used.memory(), tcp, udp))
        .build();
  }

  public static List<Task> tasksOn(StateView view, ContainerInstance instance) {
    return view.list(TASK, t -> instance.containerInstanceArn().equals(t.containerInstanceArn()));
  }

  public static List<ContainerInstance> inCluster(StateView view, String clusterName) {
    return view.listByKeyPrefix(CONTAINER_INSTANCE, EcsKinds.clusterKeyPrefix(clusterName));
  }

  private static TaskDefinition definitionOf(StateView view, Task task) {
    String arn = task.taskDefinitionArn();
    String familyRev = arn.substring(arn.indexOf("task-definition/") + "task-definition/".length());
    int colon = familyRev.lastIndexOf(':');
    return view.get(TASK_DEFINITION, EcsKinds.taskDefinitionKey(
        familyRev.substring(0, colon), Long.parseLong(familyRev.substring(colon + 1)))).orElse(null);
  }

  private static List<Resource> resources(int cpu, int memory, TreeSet<Integer> tcp, TreeSet<Integer> udp) {
    return List.of(
        Resource.builder().name("CPU").type("INTEGER").integerValue(cpu).doubleValue(0.0).longValue(0L).build(),
        Resource.builder().name("MEMORY").type("INTEGER").integerValue(memory).doubleValue(0.0).longValue(0L).build(),
        Resource.builder().name("PORTS").type("STRINGSET").stringSetValue(tcp.stream().map(String::valueOf).toList())
            .integerValue(0).doubleValue(0.0).longValue(0L).build(),
        Resource.builder().name("PORTS_UDP").type("STRINGSET").stringSetValue(udp.stream().map(String::valueOf).toList())
            .integerValue(0).doubleValue(0.0).longValue(0L).build());
  }

  private static int registered(ContainerInstance instance, String name) {
    return valueOf(instance.registeredResources(), name);
  }

  private static int remaining(ContainerInstance instance, String name) {
    return valueOf(instance.remainingResources(), name);
  }

  private static int valueOf(List<Resource> resources, String name) {
    return resources.stream().filter(r -> r.name().equals(name)).findFirst()
        .map(r -> r.integerValue() == null ? 0 : r.integerValue()).orElse(0);
  }

  private static List<String> usedPorts(ContainerInstance instance, String name) {
    return instance.remainingResources().stream().filter(r -> r.name().equals(name)).findFirst()
        .map(Resource::stringSetValue).orElse(List.of());
  }

  private static TreeSet<Integer> ports(ContainerInstance instance, String name) {
    TreeSet<Integer> out = new TreeSet<>();
    usedPorts(instance, name).forEach(p -> out.add(Integer.parseInt(p)));
    return out;
  }

  private static List<Attribute> attributes(HostResources host) {
    List<Attribute> out = new ArrayList<>();
    out.add(Attribute.builder().name(LOCAL_ENGINE_ATTRIBUTE).value("true").build());
    out.add(Attribute.builder().name("ecs.os-type").value("linux").build());
    out.add(Attribute.builder().name("ecs.os-family").value("LINUX").build());
    out.add(Attribute.builder().name("ecs.cpu-architecture").value(host.architecture()).build());
    out.add(Attribute.builder().name("ecs.capability.task-eni").build());
    out.add(Attribute.builder().name("ecs.capability.container-health-check").build());
    for (String driver : List.of("json-file", "syslog", "journald", "none")) {
      out.add(Attribute.builder().name("com.amazonaws.ecs.capability.logging-driver." + driver).build());
    }
    for (String api : List.of("1.17", "1.18", "1.19", "1.20", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26",
        "1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36", "1.37", "1.38", "1.39",
        "1.40", "1.41")) {
      out.add(Attribute.builder().name("com.amazonaws.ecs.capability.docker-remote-api." + api).build());
    }
    return out;
  }

  /** A stable 32-hex ID per (emulator, scope, cluster), so the instance survives restarts unchanged. */
  static String instanceId(String emulatorId, Scope scope, String clusterName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          (emulatorId + "/" + scope + "/" + clusterName).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
