package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.Volume;
import java.util.Optional;
import java.util.Set;

/**
 * What a task definition needs to run on Fargate. RegisterTaskDefinition refuses a definition that requires
 * FARGATE and breaks one of these rules with the first reason found; any other definition simply does not list
 * FARGATE in its {@code compatibilities} (which is how AWS computes that member: the wpp capture in the README
 * registered an awsvpc 1024/3072 definition without requiresCompatibilities and got EC2 and FARGATE back).
 * Pure.
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

  /**
   * Features Fargate does not offer that RegisterTaskDefinition is not known to refuse with a message of its
   * own: they only keep FARGATE out of {@code compatibilities} (Model Volume docs: "host and sourcePath
   * parameters aren't supported for tasks run on Fargate"; dockerVolumeConfiguration "only supported for tasks
   * hosted on Amazon EC2").
   */
  static boolean usesEc2OnlyVolumes(TaskDefinition td) {
    for (Volume v : td.volumes()) {
      if (v == null) {
        continue;
      }
      boolean hostPath = v.host() != null && v.host().sourcePath() != null;
      if (hostPath || v.dockerVolumeConfiguration() != null) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> containerViolation(ContainerDefinition c, String executionRoleArn) {
    if (Boolean.TRUE.equals(c.privileged())) {
      return Optional.of(Messages.FARGATE_PRIVILEGED);
    }
    if (c.logConfiguration() != null && c.logConfiguration().logDriver() != null) {
      String driver = c.logConfiguration().logDriver();
      if (!FARGATE_LOG_DRIVERS.contains(driver)) {
        return Optional.of(Messages.fargateLogDriver(driver));
      }
      if (driver.equals("awslogs") && isBlank(executionRoleArn)) {
        return Optional.of(Messages.FARGATE_AWSLOGS_ROLE);
      }
    }
    if (Images.isEcr(c.image()) && isBlank(executionRoleArn)) {
      return Optional.of(Messages.FARGATE_ECR_ROLE);
    }
    return Optional.empty();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
