package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.LinuxParameters;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a task definition needs to run on Fargate. RegisterTaskDefinition refuses a definition that requires
 * FARGATE and breaks one of these rules with the first reason found; any other definition simply does not list
 * FARGATE in its {@code compatibilities} (which is how AWS computes that member: in a public capture, an awsvpc
 * 1024/3072 definition registered without requiresCompatibilities got EC2 and FARGATE back), so RunTask and
 * CreateService refuse to launch it on Fargate.
 *
 * <p>The rules follow the Developer Guide's "Amazon ECS task definition differences for Fargate": no host
 * volumes ({@code sourcePath}) nor Docker volumes, no privileged containers, no added capability but
 * SYS_PTRACE, no {@code devices}, {@code sharedMemorySize} or {@code dockerSecurityOptions}, no ipcMode, pidMode
 * {@code task} only; awslogs needs {@code awslogs-stream-prefix} (the model's LogConfiguration.options: "Required:
 * Yes, when using the Fargate launch type"). {@code tmpfs} is allowed: Fargate supports it since 2026-01-06 (AWS
 * What's New, and the model's LinuxParameters.tmpfs no longer excludes Fargate). The order of the checks is AWS's
 * where known (task level before containers), else ours. Pure.
 */
public final class FargateRules {

  /** Model LogConfiguration.logDriver: "For tasks on Fargate, the supported log drivers are awslogs, splunk, and awsfirelens." */
  static final Set<String> FARGATE_LOG_DRIVERS = Set.of("awslogs", "splunk", "awsfirelens");

  private FargateRules() {}

  /** The first reason the definition cannot run on Fargate, worded as RegisterTaskDefinition answers it. */
  public static Optional<String> firstViolation(TaskDefinition td) {
    if (!"awsvpc".equals(td.networkMode())) {
      return Optional.of(Messages.FARGATE_NETWORK_MODE);
    }
    if (td.cpu() == null) {
      return Optional.of(Messages.FARGATE_CPU_REQUIRED);
    }
    if (td.memory() == null) {
      return Optional.of(Messages.FARGATE_MEMORY_REQUIRED);
    }
    int cpu = Integer.parseInt(td.cpu());
    int memory = Integer.parseInt(td.memory());
    if (!TaskSize.isFargateSize(cpu, memory)) {
      return Optional.of(Messages.fargateSize(cpu, memory));
    }
    if (td.placementConstraints() != null && !td.placementConstraints().isEmpty()) {
      return Optional.of(Messages.FARGATE_PLACEMENT_CONSTRAINTS);
    }
    if (td.ipcMode() != null) {
      return Optional.of(Messages.FARGATE_IPC_MODE);
    }
    if (td.pidMode() != null && !td.pidMode().equals("task")) {
      return Optional.of(Messages.fargatePidMode(td.pidMode()));
    }
    Optional<String> volume = volumeViolation(td.volumes());
    if (volume.isPresent()) {
      return volume;
    }
    for (ContainerDefinition c : td.containerDefinitions()) {
      if (c == null) {
        continue;
      }
      Optional<String> reason = containerViolation(c, td.executionRoleArn());
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  /** Model Volume: "host and sourcePath parameters aren't supported for tasks run on Fargate". */
  private static Optional<String> volumeViolation(List<Volume> volumes) {
    for (Volume v : volumes) {
      if (v == null) {
        continue;
      }
      if (v.host() != null && v.host().sourcePath() != null) {
        return Optional.of(Messages.fargateUnsupported("sourcePath"));
      }
      if (v.dockerVolumeConfiguration() != null) {
        return Optional.of(Messages.fargateUnsupported("dockerVolumeConfiguration"));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> containerViolation(ContainerDefinition c, String executionRoleArn) {
    if (Boolean.TRUE.equals(c.privileged())) {
      return Optional.of(Messages.FARGATE_PRIVILEGED);
    }
    Optional<String> linux = linuxViolation(c.linuxParameters());
    if (linux.isPresent()) {
      return linux;
    }
    if (c.dockerSecurityOptions() != null && !c.dockerSecurityOptions().isEmpty()) {
      return Optional.of(Messages.fargateUnsupported("dockerSecurityOptions"));
    }
    if (c.logConfiguration() != null && c.logConfiguration().logDriver() != null) {
      String driver = c.logConfiguration().logDriver();
      if (!FARGATE_LOG_DRIVERS.contains(driver)) {
        return Optional.of(Messages.fargateLogDriver(driver));
      }
      if (driver.equals("awslogs") && isBlank(executionRoleArn)) {
        return Optional.of(Messages.FARGATE_AWSLOGS_ROLE);
      }
      Map<String, String> options = c.logConfiguration().options();
      if (driver.equals("awslogs") && (options == null || isBlank(options.get("awslogs-stream-prefix")))) {
        return Optional.of(Messages.FARGATE_AWSLOGS_PREFIX);
      }
    }
    if (Images.isEcr(c.image()) && isBlank(executionRoleArn)) {
      return Optional.of(Messages.FARGATE_ECR_ROLE);
    }
    return Optional.empty();
  }

  /** Model KernelCapabilities.add: "Tasks launched on Fargate only support adding the SYS_PTRACE kernel capability." */
  private static Optional<String> linuxViolation(LinuxParameters linux) {
    if (linux == null) {
      return Optional.empty();
    }
    if (linux.capabilities() != null && linux.capabilities().add() != null) {
      for (String capability : linux.capabilities().add()) {
        if (capability != null && !LinuxCapabilities.isSysPtrace(capability)) {
          return Optional.of(Messages.fargateCapability(capability));
        }
      }
    }
    if (linux.devices() != null && !linux.devices().isEmpty()) {
      return Optional.of(Messages.fargateUnsupported("devices"));
    }
    if (linux.sharedMemorySize() != null) {
      return Optional.of(Messages.fargateUnsupported("sharedMemorySize"));
    }
    return Optional.empty();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
