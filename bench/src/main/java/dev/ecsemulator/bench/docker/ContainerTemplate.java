package dev.ecsemulator.bench.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the raw baseline creates: a copy of a container the emulator created for a task (same image, command,
 * environment, labels, memory and CPU limits, cgroup parent, network mode, init, published ports, log
 * configuration, stop timeout, health check), read back with {@code docker inspect}, so "the same image with the same limits and
 * labels" holds by construction. The labels that would tie the copy to the emulator are replaced: the instance
 * labels by the harness's own, the task ARN by one of the same length for a task that does not exist. Immutable.
 *
 * @param networkMode Docker's network mode; for a container in a task's sandbox, {@code container:ID}
 * @param cgroupParent the cgroup parent; under a sandbox's cgroup, it ends with the sandbox's ID
 */
public record ContainerTemplate(String image, List<String> command, List<String> environment,
    Map<String, String> labels, Long memoryBytes, Long memoryReservationBytes, Long memorySwapBytes,
    Integer cpuShares, Long cpuPeriod, Long cpuQuota, String cgroupParent, String networkMode, Boolean init,
    Ports portBindings, List<ExposedPort> exposedPorts, com.github.dockerjava.api.model.LogConfig log,
    Integer stopTimeoutSeconds, HealthCheck healthCheck) {

  static final String TASK_ARN_LABEL = "com.amazonaws.ecs.task-arn";

  public ContainerTemplate {
    command = command == null ? null : List.copyOf(command);
    environment = List.copyOf(environment);
    labels = Map.copyOf(labels);
    exposedPorts = List.copyOf(exposedPorts);
  }

  /** The template of an existing container (one the emulator made); see the class comment for what changes. */
  public static ContainerTemplate of(InspectContainerResponse container, int stopTimeoutSeconds) {
    var config = container.getConfig();
    HostConfig host = container.getHostConfig();
    Map<String, String> labels = new LinkedHashMap<>(config.getLabels() == null ? Map.of() : config.getLabels());
    labels.remove(BenchDocker.MANAGED);
    labels.remove(BenchDocker.INSTANCE);
    labels.computeIfPresent(TASK_ARN_LABEL, (k, arn) -> arn.substring(0, arn.lastIndexOf('/') + 1)
        + "0".repeat(arn.length() - arn.lastIndexOf('/') - 1));
    return new ContainerTemplate(config.getImage(), config.getCmd() == null ? null : Arrays.asList(config.getCmd()),
        config.getEnv() == null ? List.of() : Arrays.asList(config.getEnv()), labels, host.getMemory(),
        host.getMemoryReservation(), host.getMemorySwap(), host.getCpuShares(), host.getCpuPeriod(),
        host.getCpuQuota(), host.getCgroupParent(), host.getNetworkMode(), host.getInit(), host.getPortBindings(),
        published(host.getPortBindings()), host.getLogConfig(), stopTimeoutSeconds, config.getHealthcheck());
  }

  /** The same container from another image (the rollout's baseline: a copy of a :1 task's container, on :2). */
  public ContainerTemplate withImage(String other) {
    return new ContainerTemplate(other, command, environment, labels, memoryBytes, memoryReservationBytes,
        memorySwapBytes, cpuShares, cpuPeriod, cpuQuota, cgroupParent, networkMode, init, portBindings,
        exposedPorts, log, stopTimeoutSeconds, healthCheck);
  }

  /**
   * The ports the emulator published (the image's own EXPOSE is not copied: Docker applies it anyway, and refuses it
   * explicitly for a container in another's network namespace).
   */
  private static List<ExposedPort> published(Ports bindings) {
    return bindings == null ? List.of() : List.copyOf(bindings.getBindings().keySet());
  }

  /**
   * The same container joined to another sandbox: network mode {@code container:ID}, and a cgroup parent under that
   * sandbox's cgroup when it had one under its own sandbox's.
   */
  public ContainerTemplate inSandbox(String oldSandboxId, String newSandboxId) {
    String parent = cgroupParent != null && cgroupParent.endsWith("/" + oldSandboxId)
        ? cgroupParent.substring(0, cgroupParent.length() - oldSandboxId.length()) + newSandboxId
        : cgroupParent;
    return new ContainerTemplate(image, command, environment, labels, memoryBytes, memoryReservationBytes,
        memorySwapBytes, cpuShares, cpuPeriod, cpuQuota, parent, "container:" + newSandboxId, init, portBindings,
        exposedPorts, log, stopTimeoutSeconds, healthCheck);
  }

  /** The create command for this template, named {@code name}, with {@code ownLabels} added. */
  CreateContainerCmd createCommand(DockerClient client, String name, Map<String, String> ownLabels) {
    Map<String, String> all = new LinkedHashMap<>(labels);
    all.putAll(ownLabels);
    HostConfig host = HostConfig.newHostConfig()
        .withNetworkMode(networkMode)
        .withCpuShares(cpuShares)
        .withMemory(memoryBytes)
        .withMemoryReservation(memoryReservationBytes)
        .withMemorySwap(memorySwapBytes)
        .withCpuPeriod(cpuPeriod)
        .withCpuQuota(cpuQuota)
        .withCgroupParent(cgroupParent == null || cgroupParent.isEmpty() ? null : cgroupParent)
        .withInit(init)
        .withLogConfig(log);
    if (portBindings != null && !portBindings.getBindings().isEmpty()) {
      host.withPortBindings(portBindings);
    }
    CreateContainerCmd cmd = client.createContainerCmd(image)
        .withName(name)
        .withLabels(all)
        .withEnv(environment)
        .withHostConfig(host)
        .withStopTimeout(stopTimeoutSeconds);
    if (command != null) {
      cmd.withCmd(command);
    }
    if (!exposedPorts.isEmpty()) {
      cmd.withExposedPorts(exposedPorts);
    }
    if (healthCheck != null && healthCheck.getTest() != null) {
      cmd.withHealthcheck(healthCheck);
    }
    return cmd;
  }
}
