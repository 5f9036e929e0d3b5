package dev.ecsemulator.core.hostaccess;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Device;
import dev.ecsemulator.core.model.DockerVolumeConfiguration;
import dev.ecsemulator.core.model.LinuxParameters;
import dev.ecsemulator.core.model.MountPoint;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.Volume;
import dev.ecsemulator.core.taskdef.LinuxCapabilities;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What in a task definition gives its task host-level access: what lets it act on the machine the emulator runs
 * on rather than only inside its containers. The emulator runs such a task only with {@code --allow-host-access};
 * without it the task stops with TaskFailedToStart. Registration is not affected: ECS registers such
 * definitions, as an EC2 instance could run them.
 *
 * <p>Host-level access is:
 * <ul>
 *   <li>{@code pidMode} or {@code ipcMode} {@code host};
 *   <li>a mounted host volume ({@code host.sourcePath}) whose path {@link HostPathPolicy} does not allow;
 *   <li>a Docker volume of the {@code local} driver whose {@code device} option is a host path the policy does not
 *       allow (a bind through {@code o=bind}, or a block device);
 *   <li>a privileged container;
 *   <li>an added Linux capability other than SYS_PTRACE (the one Fargate, which isolates each task in its own
 *       machine, lets a task add; dropping capabilities is always fine);
 *   <li>a host device ({@code linuxParameters.devices});
 *   <li>a {@code dockerSecurityOptions} entry other than {@code no-new-privileges}, which only tightens:
 *       {@code seccomp}, {@code apparmor} and {@code label} options can undo the confinement Docker applies.
 * </ul>
 *
 * Not counted: network mode {@code host} (the task shares the host's network stack, as on an EC2 instance),
 * sysctls (Docker allows only namespaced ones, and none that reach a shared host namespace), volume drivers other
 * than {@code local} (plugins someone installed on the engine; their options are theirs). Pure.
 */
public final class HostAccessRules {

  private HostAccessRules() {}

  /** The first host-level access the definition asks for, in task-then-container order; empty when none. */
  public static Optional<HostAccessUse> firstUse(TaskDefinition definition, HostPathPolicy paths) {
    if ("host".equals(definition.pidMode())) {
      return task("pidMode host shares the host's process namespace");
    }
    if ("host".equals(definition.ipcMode())) {
      return task("ipcMode host shares the host's IPC namespace");
    }
    Set<String> mounted = mountedVolumes(definition);
    for (Volume volume : nonNull(definition.volumes())) {
      Optional<HostAccessUse> use = volumeUse(volume, mounted, paths);
      if (use.isPresent()) {
        return use;
      }
    }
    for (ContainerDefinition container : nonNull(definition.containerDefinitions())) {
      Optional<HostAccessUse> use = containerUse(container);
      if (use.isPresent()) {
        return use;
      }
    }
    return Optional.empty();
  }

  private static Optional<HostAccessUse> volumeUse(Volume volume, Set<String> mounted, HostPathPolicy paths) {
    if (volume == null) {
      return Optional.empty();
    }
    String source = volume.host() == null ? null : volume.host().sourcePath();
    if (source != null && mounted.contains(volume.name()) && !paths.allows(source)) {
      return task("volume '" + volume.name() + "' binds the host path " + source);
    }
    DockerVolumeConfiguration docker = volume.dockerVolumeConfiguration();
    if (docker != null && (docker.driver() == null || docker.driver().equals("local"))) {
      String device = nonNull(docker.driverOpts()).get("device");
      if (device != null && device.startsWith("/") && !paths.allows(device)) {
        return task("volume '" + volume.name() + "' binds the host path " + device + " through its driver options");
      }
    }
    return Optional.empty();
  }

  private static Optional<HostAccessUse> containerUse(ContainerDefinition c) {
    if (c == null) {
      return Optional.empty();
    }
    String who = "container '" + c.name() + "' ";
    if (Boolean.TRUE.equals(c.privileged())) {
      return container(c, who + "is privileged");
    }
    LinuxParameters linux = c.linuxParameters();
    if (linux != null && linux.capabilities() != null) {
      for (String capability : nonNull(linux.capabilities().add())) {
        if (capability != null && !LinuxCapabilities.isSysPtrace(capability)) {
          return container(c, who + "adds the Linux capability " + capability);
        }
      }
    }
    if (linux != null) {
      for (Device device : nonNull(linux.devices())) {
        if (device != null) {
          return container(c, who + "maps the host device " + device.hostPath());
        }
      }
    }
    for (String option : nonNull(c.dockerSecurityOptions())) {
      if (option != null && !tightensOnly(option)) {
        return container(c, who + "sets the security option " + option);
      }
    }
    return Optional.empty();
  }

  /** {@code no-new-privileges}, alone or {@code :true}/{@code =true}, as Docker spells it. */
  static boolean tightensOnly(String securityOption) {
    String option = securityOption.trim().toLowerCase(Locale.ROOT);
    return option.equals("no-new-privileges") || option.equals("no-new-privileges:true")
        || option.equals("no-new-privileges=true");
  }

  private static Set<String> mountedVolumes(TaskDefinition definition) {
    Set<String> names = new HashSet<>();
    for (ContainerDefinition c : nonNull(definition.containerDefinitions())) {
      if (c != null) {
        for (MountPoint point : nonNull(c.mountPoints())) {
          if (point != null && point.sourceVolume() != null) {
            names.add(point.sourceVolume());
          }
        }
      }
    }
    return names;
  }

  private static Optional<HostAccessUse> task(String description) {
    return Optional.of(new HostAccessUse(null, description));
  }

  private static Optional<HostAccessUse> container(ContainerDefinition c, String description) {
    return Optional.of(new HostAccessUse(c.name(), description));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, String> nonNull(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
