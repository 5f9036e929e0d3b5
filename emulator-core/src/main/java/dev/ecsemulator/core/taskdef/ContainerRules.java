package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.MountPoint;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.VolumeFrom;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules RegisterTaskDefinition applies to one container definition (after {@link TaskDefinitionDefaults}),
 * given what it needs of the task. Each throws {@link ClientException}, the code AWS uses for every task
 * definition rule captured so far. Pure.
 */
final class ContainerRules {

  /** What a container's rules need to know about the task it belongs to. */
  record TaskContext(String networkMode, Integer taskMemory, Set<String> volumeNames, Set<String> containerNames) {}

  private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");

  private ContainerRules() {}

  static void check(ContainerDefinition c, TaskContext task) {
    if (c.cpu() != null && c.cpu() < 0) {
      throw new ClientException(Messages.invalidContainerSetting("cpu", c.name()));
    }
    memory(c, task.taskMemory());
    portMappings(c, task.networkMode());
    healthCheck(c);
    networkModeFeatures(c, task.networkMode());
    mounts(c, task);
  }

  /**
   * Model ContainerDefinition.memory/memoryReservation: without task memory one of them must be a non-zero
   * integer; memory at least memoryReservation (awsdocs/amazon-ecs-developer-guide#242: "greater than or equal");
   * no container memory above the task's. A memory of 0 is accepted and counts as absent: a 2023 Fargate
   * DescribeTaskDefinition capture shows {@code "memory": 0}.
   */
  private static void memory(ContainerDefinition c, Integer taskMemory) {
    if (c.memory() != null && c.memory() < 0) {
      throw new ClientException(Messages.invalidContainerSetting("memory", c.name()));
    }
    if (c.memoryReservation() != null && c.memoryReservation() < 0) {
      throw new ClientException(Messages.invalidContainerSetting("memoryReservation", c.name()));
    }
    boolean hard = c.memory() != null && c.memory() > 0;
    boolean soft = c.memoryReservation() != null && c.memoryReservation() > 0;
    if (taskMemory == null && !hard && !soft) {
      throw new ClientException(Messages.memoryRequired(c.name()));
    }
    if (hard && soft && c.memory() < c.memoryReservation()) {
      throw new ClientException(Messages.memoryBelowReservation(c.name()));
    }
    if (hard && taskMemory != null && c.memory() > taskMemory) {
      throw new ClientException(Messages.containerMemoryAboveTask(c.name()));
    }
  }

  /**
   * Model PortMapping and NetworkMode docs: no port mappings in none mode; in awsvpc and host modes the host
   * port is omitted or equal to the container port (the defaults already copied omitted ones); container ports
   * 1-65535; a container port range only in bridge or awsvpc mode and without a host port.
   */
  private static void portMappings(ContainerDefinition c, String networkMode) {
    if (c.portMappings().isEmpty()) {
      return;
    }
    if (networkMode.equals("none")) {
      throw new ClientException(Messages.portMappingsNotSupported("none"));
    }
    boolean sharedStack = networkMode.equals("awsvpc") || networkMode.equals("host");
    Set<String> seen = new HashSet<>();
    for (PortMapping p : c.portMappings()) {
      if (p == null) {
        continue;
      }
      if (p.containerPortRange() != null) {
        portRange(c, p, networkMode);
        continue;
      }
      if (p.containerPort() == null || p.containerPort() < 1 || p.containerPort() > 65535) {
        throw new ClientException(Messages.invalidContainerSetting("containerPort", c.name()));
      }
      if (p.hostPort() != null && (p.hostPort() < 0 || p.hostPort() > 65535)) {
        throw new ClientException(Messages.invalidContainerSetting("hostPort", c.name()));
      }
      if (sharedStack && !p.containerPort().equals(p.hostPort())) {
        throw new ClientException(Messages.hostPortMismatch(networkMode));
      }
      if (!seen.add(p.containerPort() + "/" + p.protocol())) {
        throw new ClientException(Messages.duplicatePortMapping(c.name(), p.containerPort(), p.protocol()));
      }
    }
  }

  private static void portRange(ContainerDefinition c, PortMapping p, String networkMode) {
    Matcher m = PORT_RANGE.matcher(p.containerPortRange());
    boolean valid = (networkMode.equals("bridge") || networkMode.equals("awsvpc"))
        && p.hostPort() == null
        && m.matches()
        && Integer.parseInt(m.group(1)) >= 1
        && Integer.parseInt(m.group(2)) <= 65535
        && Integer.parseInt(m.group(1)) < Integer.parseInt(m.group(2));
    if (!valid) {
      throw new ClientException(Messages.invalidContainerSetting("containerPortRange", c.name()));
    }
  }

  /** Model HealthCheck docs: interval 5-300 s, timeout 2-60 s, retries 1-10, startPeriod 0-300 s. */
  private static void healthCheck(ContainerDefinition c) {
    HealthCheck h = c.healthCheck();
    if (h == null) {
      return;
    }
    if (h.command() == null || h.command().isEmpty()) {
      throw new ClientException(Messages.invalidContainerSetting("healthCheck", c.name()));
    }
    range(c, "interval", h.interval(), 5, 300);
    range(c, "timeout", h.timeout(), 2, 60);
    range(c, "retries", h.retries(), 1, 10);
    range(c, "startPeriod", h.startPeriod(), 0, 300);
  }

  private static void range(ContainerDefinition c, String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw new ClientException(Messages.healthCheckOutOfRange(c.name(), field, min, max));
    }
  }

  /**
   * Model ContainerDefinition docs: links "only supported if the network mode of a task definition is bridge";
   * hostname "not supported if you're using the awsvpc network mode"; extraHosts "isn't supported for ... tasks
   * that use the awsvpc network mode".
   */
  private static void networkModeFeatures(ContainerDefinition c, String networkMode) {
    if (c.links() != null && !c.links().isEmpty() && !networkMode.equals("bridge")) {
      throw new ClientException(Messages.linksNotSupported(networkMode));
    }
    if (networkMode.equals("awsvpc") && c.hostname() != null) {
      throw new ClientException(Messages.HOSTNAME_NOT_SUPPORTED_AWSVPC);
    }
    if (networkMode.equals("awsvpc") && c.extraHosts() != null && !c.extraHosts().isEmpty()) {
      throw new ClientException(Messages.EXTRA_HOSTS_NOT_SUPPORTED_AWSVPC);
    }
  }

  /** Model MountPoint.sourceVolume: "must match the name of a volume"; VolumeFrom names a container. */
  private static void mounts(ContainerDefinition c, TaskContext task) {
    for (MountPoint mount : c.mountPoints()) {
      if (mount != null && mount.sourceVolume() != null && !task.volumeNames().contains(mount.sourceVolume())) {
        throw new ClientException(Messages.unknownVolume(c.name(), mount.sourceVolume()));
      }
    }
    for (VolumeFrom from : c.volumesFrom()) {
      if (from != null && from.sourceContainer() != null && !task.containerNames().contains(from.sourceContainer())) {
        throw new ClientException(Messages.unknownVolumesFromSource(c.name(), from.sourceContainer()));
      }
    }
  }
}
