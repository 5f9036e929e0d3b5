package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.model.Attribute;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.Secret;
import dev.ecsemulator.core.model.TaskDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code requiresAttributes} AWS computes: the container instance capabilities a task of this definition
 * needs (attribute names as the ECS agent advertises them). The ECS backend's rules are not public; these are
 * read off public DescribeTaskDefinition captures (2022-2026) by comparing what each definition used with what
 * it required:
 *
 * <ul>
 *   <li>{@code com.amazonaws.ecs.capability.logging-driver.DRIVER} and {@code docker-remote-api.1.19} for a log
 *       configuration; {@code docker-remote-api.1.29} when awslogs creates its group ({@code awslogs-create-group},
 *       absent from the one capture without that option); {@code ecs.capability.execution-role-awslogs} for
 *       awslogs with an execution role;
 *   <li>{@code com.amazonaws.ecs.capability.ecr-auth} for a private ECR image, plus
 *       {@code ecs.capability.execution-role-ecr-pull} with an execution role;
 *   <li>{@code com.amazonaws.ecs.capability.task-iam-role} for a task role; {@code ecs.capability.task-eni} for
 *       awsvpc; {@code ecs.capability.container-health-check} for a health check;
 *       {@code ecs.capability.container-ordering} for dependsOn;
 *   <li>{@code docker-remote-api.1.21} for a memoryReservation; {@code docker-remote-api.1.18} when a container
 *       has neither memory nor memoryReservation (it then lives within the task's memory; every capture with
 *       such a container lists 1.18, those without do not);
 *   <li>{@code ecs.capability.secrets.ssm.environment-variables} / {@code ...asm...} for secrets from SSM
 *       Parameter Store / Secrets Manager, {@code ...private-registry-authentication.secretsmanager} for
 *       repositoryCredentials; {@code ecs.capability.efs}, {@code ecs.capability.efsAuth} and
 *       {@code docker-remote-api.1.25} for EFS volumes.
 * </ul>
 *
 * The order mimics the captures; AWS's order looks arbitrary and clients should not depend on it. Pure.
 */
public final class RequiredAttributes {

  static final String ECS = "ecs.capability.";
  static final String COM = "com.amazonaws.ecs.capability.";
  static final String DOCKER = COM + "docker-remote-api.";

  private RequiredAttributes() {}

  public static List<Attribute> of(TaskDefinition td) {
    List<ContainerDefinition> containers = td.containerDefinitions().stream().filter(c -> c != null).toList();
    boolean executionRole = td.executionRoleArn() != null && !td.executionRoleArn().isBlank();
    boolean awslogs = false;
    boolean createsLogGroup = false;
    boolean ecr = false;
    Set<String> names = new LinkedHashSet<>();
    for (ContainerDefinition c : containers) {
      LogConfiguration log = c.logConfiguration();
      if (log != null && log.logDriver() != null) {
        names.add(COM + "logging-driver." + log.logDriver());
        if (log.logDriver().equals("awslogs")) {
          awslogs = true;
          createsLogGroup |= log.options() != null && log.options().containsKey("awslogs-create-group");
        }
      }
      ecr |= Images.isEcr(c.image());
    }
    if (awslogs && executionRole) {
      names.add(ECS + "execution-role-awslogs");
    }
    if (ecr) {
      names.add(COM + "ecr-auth");
    }
    if (containers.stream().anyMatch(c -> c.logConfiguration() != null)) {
      names.add(DOCKER + "1.19");
    }
    if (containers.stream().anyMatch(c -> c.memoryReservation() != null)) {
      names.add(DOCKER + "1.21");
    }
    if (td.taskRoleArn() != null && !td.taskRoleArn().isBlank()) {
      names.add(COM + "task-iam-role");
    }
    if (containers.stream().anyMatch(c -> c.healthCheck() != null)) {
      names.add(ECS + "container-health-check");
    }
    if (containers.stream().anyMatch(c -> c.repositoryCredentials() != null)) {
      names.add(COM + "private-registry-authentication.secretsmanager");
    }
    secrets(containers, names);
    if (ecr && executionRole) {
      names.add(ECS + "execution-role-ecr-pull");
    }
    if (containers.stream().anyMatch(c -> c.memory() == null && c.memoryReservation() == null)) {
      names.add(DOCKER + "1.18");
    }
    if ("awsvpc".equals(td.networkMode())) {
      names.add(ECS + "task-eni");
    }
    if (awslogs && createsLogGroup) {
      names.add(DOCKER + "1.29");
    }
    if (td.volumes().stream().anyMatch(v -> v != null && v.efsVolumeConfiguration() != null)) {
      names.add(ECS + "efsAuth");
      names.add(ECS + "efs");
      names.add(DOCKER + "1.25");
    }
    if (containers.stream().anyMatch(c -> c.dependsOn() != null && !c.dependsOn().isEmpty())) {
      names.add(ECS + "container-ordering");
    }
    return names.stream().map(n -> Attribute.builder().name(n).build()).toList();
  }

  /** valueFrom: an ARN names its service; a bare name or path is an SSM parameter (Model Secret docs). */
  private static void secrets(List<ContainerDefinition> containers, Set<String> names) {
    for (ContainerDefinition c : containers) {
      for (Secret s : c.secrets() == null ? List.<Secret>of() : c.secrets()) {
        if (s == null || s.valueFrom() == null) {
          continue;
        }
        if (s.valueFrom().startsWith("arn:") && s.valueFrom().contains(":secretsmanager:")) {
          names.add(ECS + "secrets.asm.environment-variables");
        } else {
          names.add(ECS + "secrets.ssm.environment-variables");
        }
      }
    }
  }
}
