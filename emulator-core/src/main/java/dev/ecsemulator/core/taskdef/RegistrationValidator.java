package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.Volume;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RegisterTaskDefinition's validation of a draft (a request after {@link TaskDefinitionDefaults}), in this order:
 * family; container list; each container's name and image, names unique; an execution role for secrets and
 * private registry credentials; the FARGATE requirements when {@code requiresCompatibilities} names FARGATE; the
 * EC2 task cpu range; the ephemeral storage size ({@link EphemeralStorageSize}); each container's own rules
 * ({@link ContainerRules}); ports shared by containers of one network stack; at least one essential container;
 * {@code dependsOn} ({@link DependencyRules}); container totals against the task size. AWS's own order is not
 * documented: this one reports structural mistakes before resource mistakes. Pure; throws
 * {@link ClientException}.
 */
public final class RegistrationValidator {

  /** Model: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." */
  static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

  private RegistrationValidator() {}

  public static void validate(TaskDefinition draft) {
    checkFamily(draft.family());
    List<ContainerDefinition> containers = draft.containerDefinitions();
    if (containers.isEmpty()) {
      throw new ClientException(Messages.CONTAINER_LIST_EMPTY);
    }
    Set<String> names = namesAndImages(containers);
    executionRoleForSecrets(draft);
    if (draft.requiresCompatibilities() != null && draft.requiresCompatibilities().contains("FARGATE")) {
      FargateRules.firstViolation(draft).ifPresent(reason -> {
        throw new ClientException(reason);
      });
    }
    Integer taskCpu = draft.cpu() == null ? null : Integer.valueOf(draft.cpu());
    Integer taskMemory = draft.memory() == null ? null : Integer.valueOf(draft.memory());
    if (taskCpu != null && (taskCpu < TaskSize.MIN_EC2_CPU || taskCpu > TaskSize.MAX_EC2_CPU)) {
      throw new ClientException(Messages.invalidTaskSetting("cpu"));
    }
    EphemeralStorageSize.violation(draft.ephemeralStorage()).ifPresent(reason -> {
      throw new ClientException(reason);
    });
    String mode = TaskDefinitionDefaults.effectiveNetworkMode(draft.networkMode());
    Set<String> volumeNames = new HashSet<>();
    draft.volumes().stream().filter(Objects::nonNull).map(Volume::name).forEach(volumeNames::add);
    ContainerRules.TaskContext context = new ContainerRules.TaskContext(mode, taskMemory, volumeNames, names);
    containers.forEach(c -> ContainerRules.check(c, context));
    portsSharedByTheTask(containers, mode);
    if (containers.stream().noneMatch(c -> Boolean.TRUE.equals(c.essential()))) {
      throw new ClientException(Messages.NO_ESSENTIAL_CONTAINER);
    }
    DependencyRules.check(containers);
    totals(containers, taskCpu, taskMemory);
  }

  /** Model RegisterTaskDefinitionRequest.family: up to 255 letters, numbers, underscores and hyphens. */
  static void checkFamily(String family) {
    if (family == null || !NAME.matcher(family).matches()) {
      throw new ClientException(Messages.FAMILY_INVALID);
    }
  }

  private static Set<String> namesAndImages(List<ContainerDefinition> containers) {
    Set<String> names = new HashSet<>();
    for (ContainerDefinition c : containers) {
      if (c == null || c.name() == null || c.name().isEmpty()) {
        throw new ClientException(Messages.CONTAINER_NAME_MISSING);
      }
      if (c.image() == null || c.image().isEmpty()) {
        throw new ClientException(Messages.CONTAINER_IMAGE_MISSING);
      }
      if (!NAME.matcher(c.name()).matches()) {
        throw new ClientException(Messages.invalidContainerSetting("name", c.name()));
      }
      if (!names.add(c.name())) {
        throw new ClientException(Messages.duplicateContainerName(c.name()));
      }
    }
    return names;
  }

  /**
   * Secrets and private registry credentials are read with the task's execution role, so ECS refuses them without
   * one. Log driver {@code secretOptions} are not checked: no capture of such a refusal was found (unverified).
   */
  private static void executionRoleForSecrets(TaskDefinition draft) {
    if (draft.executionRoleArn() != null && !draft.executionRoleArn().isBlank()) {
      return;
    }
    for (ContainerDefinition c : draft.containerDefinitions()) {
      if (c.secrets() != null && !c.secrets().isEmpty()) {
        throw new ClientException(Messages.SECRETS_NEED_EXECUTION_ROLE);
      }
    }
    for (ContainerDefinition c : draft.containerDefinitions()) {
      if (c.repositoryCredentials() != null) {
        throw new ClientException(Messages.REPOSITORY_CREDENTIALS_NEED_EXECUTION_ROLE);
      }
    }
  }

  /** In awsvpc and host modes every container of the task shares one network stack, so one port each. */
  private static void portsSharedByTheTask(List<ContainerDefinition> containers, String mode) {
    if (!mode.equals("awsvpc") && !mode.equals("host")) {
      return;
    }
    Set<String> taken = new HashSet<>();
    for (ContainerDefinition c : containers) {
      Set<String> own = new HashSet<>();
      for (PortMapping p : c.portMappings()) {
        if (p != null && p.containerPort() != null) {
          own.add(p.containerPort() + "/" + p.protocol());
        }
      }
      for (String port : own) {
        if (!taken.add(port)) {
          String[] parts = port.split("/");
          throw new ClientException(Messages.portUsedTwiceInTask(Integer.parseInt(parts[0]), parts[1], mode));
        }
      }
    }
  }

  /**
   * Model ContainerDefinition.cpu/memory: "the total amount of CPU reserved for all containers within a task be
   * lower than the task-level cpu value"; the same for memory reservations.
   */
  private static void totals(List<ContainerDefinition> containers, Integer taskCpu, Integer taskMemory) {
    if (taskMemory != null) {
      long reserved = containers.stream()
          .mapToLong(c -> c.memoryReservation() == null ? 0 : c.memoryReservation()).sum();
      if (reserved > taskMemory) {
        throw new ClientException(Messages.RESERVATION_SUM_ABOVE_TASK);
      }
    }
    if (taskCpu != null) {
      long cpu = containers.stream().mapToLong(c -> c.cpu() == null ? 0 : c.cpu()).sum();
      if (cpu > taskCpu) {
        throw new ClientException(Messages.CPU_SUM_ABOVE_TASK);
      }
    }
  }
}
