package dev.ecsemulator.core.task;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.Attachment;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.core.taskdef.EphemeralStorageSize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a new task as ECS first reports it: PROVISIONING (awsvpc) or PENDING, desiredStatus RUNNING,
 * every container PENDING, version 1. Pure.
 */
public final class TaskFactory {

  /** The platform version Fargate reports for LATEST (Guide {@code platform-linux-fargate.md}). */
  public static final String FARGATE_PLATFORM_VERSION = "1.4.0";

  private TaskFactory() {}

  public static Task create(LaunchSpec spec, Ids ids, Instant now) {
    return create(spec, ids.taskId(), ids, now);
  }

  /** With a task ID chosen by the caller (the service scheduler names its launches in its plan). */
  public static Task create(LaunchSpec spec, String taskId, Ids ids, Instant now) {
    String taskArn = Arns.task(spec.scope(), spec.clusterName(), taskId);
    TaskOverride overrides = overridesOf(spec);
    boolean awsvpc = "awsvpc".equals(spec.networkMode());

    List<Container> containers = new ArrayList<>();
    for (ContainerDefinition cd : spec.definition().containerDefinitions()) {
      ContainerOverride override = overrideFor(overrides, cd.name());
      Integer cpu = override != null && override.cpu() != null ? override.cpu() : cd.cpu();
      Integer memory = override != null && override.memory() != null ? override.memory() : cd.memory();
      Integer reservation = override != null && override.memoryReservation() != null
          ? override.memoryReservation() : cd.memoryReservation();
      containers.add(Container.builder()
          .containerArn(Arns.container(spec.scope(), spec.clusterName(), taskId, ids.uuid()))
          .taskArn(taskArn)
          .name(cd.name())
          .image(cd.image())
          .lastStatus(ContainerStatus.PENDING.name())
          .networkBindings(awsvpc ? null : List.of())
          .networkInterfaces(List.of())
          .healthStatus("UNKNOWN")
          .cpu(String.valueOf(cpu == null ? 0 : cpu))
          .memory(memory == null ? null : String.valueOf(memory))
          .memoryReservation(reservation == null ? null : String.valueOf(reservation))
          .build());
    }

    Task.Builder task = Task.builder()
        .taskArn(taskArn)
        .clusterArn(Arns.cluster(spec.scope(), spec.clusterName()))
        .taskDefinitionArn(spec.definition().taskDefinitionArn())
        .containerInstanceArn(spec.containerInstanceArn())
        .capacityProviderName(spec.capacityProviderName())
        .launchType(spec.launchType())
        .availabilityZone(spec.scope().region() + "a")
        .overrides(overrides)
        .containers(containers)
        .cpu(overrides.cpu() != null ? overrides.cpu() : spec.definition().cpu())
        .memory(overrides.memory() != null ? overrides.memory() : spec.definition().memory())
        .lastStatus(awsvpc ? TaskStatus.PROVISIONING.name() : TaskStatus.PENDING.name())
        .desiredStatus(TaskStatus.RUNNING.name())
        .group(spec.group() != null ? spec.group() : "family:" + spec.definition().family())
        .startedBy(spec.startedBy())
        .enableExecuteCommand(spec.enableExecuteCommand())
        .healthStatus("UNKNOWN")
        .createdAt(now)
        .version(1L)
        .attachments(awsvpc ? List.of(eni(spec, ids)) : List.of());
    if (!awsvpc) {
      task.connectivity("CONNECTED").connectivityAt(now);
    }
    if (spec.isFargate()) {
      task.platformVersion(spec.platformVersion() == null || "LATEST".equals(spec.platformVersion())
              ? FARGATE_PLATFORM_VERSION : spec.platformVersion())
          .platformFamily("Linux")
          .ephemeralStorage(EphemeralStorageSize.forFargateTask(spec.definition(), overrides));
    }
    return task.build();
  }

  /** AWS echoes an overrides object naming every container even when none were given. */
  private static TaskOverride overridesOf(LaunchSpec spec) {
    TaskOverride given = spec.overrides();
    List<ContainerOverride> perContainer = new ArrayList<>();
    for (ContainerDefinition cd : spec.definition().containerDefinitions()) {
      ContainerOverride o = given == null ? null : overrideFor(given, cd.name());
      perContainer.add(o != null ? o : ContainerOverride.builder().name(cd.name()).build());
    }
    TaskOverride.Builder out = given == null ? TaskOverride.builder() : given.toBuilder();
    return out.containerOverrides(perContainer)
        .inferenceAcceleratorOverrides(given != null && given.inferenceAcceleratorOverrides() != null
            ? given.inferenceAcceleratorOverrides() : List.of())
        .build();
  }

  static ContainerOverride overrideFor(TaskOverride overrides, String name) {
    if (overrides == null || overrides.containerOverrides() == null) {
      return null;
    }
    return overrides.containerOverrides().stream().filter(o -> name.equals(o.name())).findFirst().orElse(null);
  }

  private static Attachment eni(LaunchSpec spec, Ids ids) {
    List<KeyValuePair> details = new ArrayList<>();
    var vpc = spec.networkConfiguration() == null ? null : spec.networkConfiguration().awsvpcConfiguration();
    if (vpc != null && vpc.subnets() != null && !vpc.subnets().isEmpty()) {
      details.add(new KeyValuePair("subnetId", vpc.subnets().get(0)));
    }
    details.add(new KeyValuePair("networkInterfaceId", ids.networkInterfaceId()));
    String mac = "0a:" + ids.taskId().substring(0, 10).replaceAll("(..)(?!$)", "$1:");
    details.add(new KeyValuePair("macAddress", mac));
    return Attachment.builder()
        .id(ids.uuid())
        .type("ElasticNetworkInterface")
        .status("PRECREATED")
        .details(details)
        .build();
  }
}
