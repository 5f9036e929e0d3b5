package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Device;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.LinuxParameters;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.SystemControl;
import dev.ecsemulator.core.model.Tmpfs;
import dev.ecsemulator.core.taskdef.LinuxCapabilities;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.DeviceSpec;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.HealthCheckSpec;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.LinuxOptions;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.LogSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Health check, log configuration and Linux parameters of a container definition → spec parts. Pure. */
final class ContainerOptionsMapping {

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  static final int DEFAULT_RETRIES = 3;

  private ContainerOptionsMapping() {}

  /**
   * ECS {@code healthCheck} → Docker's: a command starting with neither {@code CMD} nor {@code CMD-SHELL}
   * gets {@code CMD}; defaults interval 30 s, timeout 5 s, retries 3, no start period (Model
   * {@code HealthCheck} docs). Null when the definition has none: then ECS reports UNKNOWN whatever the
   * image's own HEALTHCHECK says.
   */
  static HealthCheckSpec healthCheck(HealthCheck check) {
    if (check == null || check.command() == null || check.command().isEmpty()) {
      return null;
    }
    List<String> test = new ArrayList<>(check.command());
    String first = test.get(0);
    if (!first.equals("CMD") && !first.equals("CMD-SHELL")) {
      test.add(0, "CMD");
    }
    return new HealthCheckSpec(test,
        check.interval() == null ? DEFAULT_INTERVAL : Duration.ofSeconds(check.interval()),
        check.timeout() == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(check.timeout()),
        check.retries() == null ? DEFAULT_RETRIES : check.retries(),
        check.startPeriod() == null ? null : Duration.ofSeconds(check.startPeriod()));
  }

  /**
   * Drivers that need a remote service ({@link ContainerSpecFactory#REMOTE_LOG_DRIVERS}) become
   * {@code json-file} without options, so the logs stay readable with {@code docker logs}; others pass
   * through. Null keeps the daemon's default driver, as the agent does.
   */
  static LogSpec log(LogConfiguration configuration) {
    if (configuration == null || configuration.logDriver() == null) {
      return null;
    }
    if (ContainerSpecFactory.REMOTE_LOG_DRIVERS.contains(configuration.logDriver())) {
      return new LogSpec("json-file", Map.of());
    }
    return new LogSpec(configuration.logDriver(), configuration.options());
  }

  /** Capabilities, devices, tmpfs, shared memory, sysctls, security options, DNS, TTY, stdin. */
  static LinuxOptions linux(ContainerDefinition container, LaunchContext context, boolean ownNetwork) {
    LinuxParameters linux = container.linuxParameters();
    List<String> capAdd = List.of();
    List<String> capDrop = List.of();
    List<DeviceSpec> devices = new ArrayList<>();
    Map<String, String> tmpfs = new LinkedHashMap<>();
    Long shm = null;
    if (linux != null) {
      if (linux.capabilities() != null) {
        capAdd = capabilities(linux.capabilities().add());
        capDrop = capabilities(linux.capabilities().drop());
      }
      if (!context.fargate()) { // devices and shared memory size are EC2-only
        for (Device device : nonNull(linux.devices())) {
          devices.add(new DeviceSpec(device.hostPath(),
              device.containerPath() == null ? device.hostPath() : device.containerPath(),
              permissions(device.permissions())));
        }
        shm = linux.sharedMemorySize() == null ? null : linux.sharedMemorySize() * ResourceMapping.MIB;
      }
      for (Tmpfs mount : nonNull(linux.tmpfs())) {
        StringBuilder options = new StringBuilder("size=" + mount.size() + "m");
        for (String option : nonNull(mount.mountOptions())) {
          options.append(',').append(option);
        }
        tmpfs.put(mount.containerPath(), options.toString());
      }
    }
    Map<String, String> sysctls = new LinkedHashMap<>();
    for (SystemControl control : nonNull(container.systemControls())) {
      sysctls.put(control.namespace(), control.value());
    }
    return new LinuxOptions(capAdd, capDrop, devices, tmpfs, shm, sysctls, container.dockerSecurityOptions(),
        ownNetwork ? container.dnsServers() : null, ownNetwork ? container.dnsSearchDomains() : null,
        Boolean.TRUE.equals(container.pseudoTerminal()), Boolean.TRUE.equals(container.interactive()));
  }

  /** {@code SYS_PTRACE}, {@code CAP_SYS_PTRACE} and {@code sys_ptrace} alike (Docker accepts all three). */
  private static List<String> capabilities(List<String> names) {
    return nonNull(names).stream().filter(java.util.Objects::nonNull).map(LinuxCapabilities::normalize).toList();
  }

  /** ECS {@code read}/{@code write}/{@code mknod} → Docker's {@code rwm} letters; none given means all. */
  private static String permissions(List<String> permissions) {
    if (permissions == null || permissions.isEmpty()) {
      return "rwm";
    }
    StringBuilder letters = new StringBuilder();
    if (permissions.contains("read")) {
      letters.append('r');
    }
    if (permissions.contains("write")) {
      letters.append('w');
    }
    if (permissions.contains("mknod")) {
      letters.append('m');
    }
    return letters.toString();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
