package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.DockerVolumeConfiguration;
import dev.ecsemulator.core.model.MountPoint;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.Volume;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.Mount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Task definition volumes and mount points → Docker binds and named volumes, as the agent does it
 * ({@code task.go}: {@code dockerHostBinds}, {@code initializeDockerLocalVolumes},
 * {@code initializeDockerVolumes}). Pure.
 *
 * <ul>
 *   <li>{@code host.sourcePath}: a bind of that host path.
 *   <li>{@code dockerVolumeConfiguration} with scope {@code task} (the default): a volume created for the
 *       task, named {@code ecs-<family>-<rev>-<name>-<hex>}; with scope {@code shared}: the volume named
 *       as in the task definition, created when missing if {@code autoprovision}.
 *   <li>Neither (no host path): an empty task-scoped {@code local} volume, the agent's "empty host volume",
 *       created only when a container mounts it.
 *   <li>EFS, FSx, S3 Files and configured-at-launch volumes cannot be provided locally: reported as
 *       {@link UnresolvedInput}s, and not mounted.
 * </ul>
 */
final class VolumeMapping {

  private VolumeMapping() {}

  static List<VolumeSpec> volumes(TaskDefinition definition, LaunchContext context) {
    List<VolumeSpec> specs = new ArrayList<>();
    for (Volume volume : nonNull(definition.volumes())) {
      if (remote(volume).isPresent()) {
        continue;
      }
      DockerVolumeConfiguration docker = volume.dockerVolumeConfiguration();
      if (docker != null) {
        boolean shared = "shared".equals(docker.scope());
        Map<String, String> labels = new LinkedHashMap<>(nonNull(docker.labels()));
        labels.putAll(context.instanceLabels());
        if (!shared) {
          labels.put(AgentLabels.TASK_ARN, context.taskArn());
        }
        specs.add(new VolumeSpec(volume.name(), shared ? volume.name() : taskVolumeName(definition, volume, context),
            docker.driver(), docker.driverOpts(), labels, shared ? VolumeSpec.Scope.SHARED : VolumeSpec.Scope.TASK,
            Boolean.TRUE.equals(docker.autoprovision())));
      } else if (!hasHostPath(volume) && mounted(definition, volume.name())) {
        Map<String, String> labels = new LinkedHashMap<>(context.instanceLabels());
        labels.put(AgentLabels.TASK_ARN, context.taskArn());
        specs.add(new VolumeSpec(volume.name(), taskVolumeName(definition, volume, context), "local", null, labels,
            VolumeSpec.Scope.TASK, false));
      }
    }
    return specs;
  }

  static List<Mount> mounts(TaskDefinition definition, ContainerDefinition container, LaunchContext context) {
    List<Mount> mounts = new ArrayList<>();
    for (MountPoint point : nonNull(container.mountPoints())) {
      Volume volume = find(definition, point.sourceVolume());
      if (volume == null || remote(volume).isPresent()) {
        continue;
      }
      boolean readOnly = Boolean.TRUE.equals(point.readOnly());
      if (hasHostPath(volume)) {
        mounts.add(new Mount(Mount.Kind.BIND, volume.host().sourcePath(), point.containerPath(), readOnly));
      } else {
        DockerVolumeConfiguration docker = volume.dockerVolumeConfiguration();
        String name = docker != null && "shared".equals(docker.scope())
            ? volume.name() : taskVolumeName(definition, volume, context);
        mounts.add(new Mount(Mount.Kind.VOLUME, name, point.containerPath(), readOnly));
      }
    }
    return mounts;
  }

  static List<UnresolvedInput> unresolved(TaskDefinition definition) {
    List<UnresolvedInput> unresolved = new ArrayList<>();
    for (Volume volume : nonNull(definition.volumes())) {
      remote(volume).ifPresent(source ->
          unresolved.add(new UnresolvedInput(null, UnresolvedInput.Kind.VOLUME, volume.name(), source)));
    }
    return unresolved;
  }

  /** What a volume needs from AWS, if anything: the file system's ID, or a description. */
  private static Optional<String> remote(Volume volume) {
    if (volume.efsVolumeConfiguration() != null) {
      return Optional.of("efs:" + volume.efsVolumeConfiguration().fileSystemId());
    }
    if (volume.fsxWindowsFileServerVolumeConfiguration() != null) {
      return Optional.of("fsx:" + volume.fsxWindowsFileServerVolumeConfiguration().fileSystemId());
    }
    if (volume.s3filesVolumeConfiguration() != null) {
      return Optional.of("s3files:" + volume.s3filesVolumeConfiguration().fileSystemArn());
    }
    if (Boolean.TRUE.equals(volume.configuredAtLaunch())) {
      return Optional.of("configuredAtLaunch");
    }
    return Optional.empty();
  }

  private static String taskVolumeName(TaskDefinition definition, Volume volume, LaunchContext context) {
    return AgentLabels.taskVolumeName(definition.family(), revision(definition), volume.name(), context.taskArn());
  }

  static int revision(TaskDefinition definition) {
    return definition.revision() == null ? 1 : definition.revision();
  }

  private static boolean hasHostPath(Volume volume) {
    return volume.host() != null && volume.host().sourcePath() != null && !volume.host().sourcePath().isBlank();
  }

  private static boolean mounted(TaskDefinition definition, String volumeName) {
    return nonNull(definition.containerDefinitions()).stream()
        .flatMap(c -> nonNull(c.mountPoints()).stream())
        .anyMatch(p -> volumeName.equals(p.sourceVolume()));
  }

  private static Volume find(TaskDefinition definition, String name) {
    return nonNull(definition.volumes()).stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, String> nonNull(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
