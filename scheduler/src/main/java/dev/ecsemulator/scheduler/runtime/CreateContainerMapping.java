package dev.ecsemulator.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.VolumesFrom;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.HealthCheckSpec;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.LinuxOptions;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.PortPublication;
import dev.ecsemulator.scheduler.runtime.ContainerSpec.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where a {@link ContainerSpec} becomes a Docker create call. It only translates: every
 * decision (limits, ports, names) was made by {@link ContainerSpecFactory}. Building the command contacts
 * no engine, so the translation is unit-tested on the command object.
 */
public final class CreateContainerMapping {

  private CreateContainerMapping() {}

  /** A create command for {@code spec} on {@code client}; {@code exec()} it to create the container. */
  public static CreateContainerCmd toCommand(DockerClient client, ContainerSpec spec) {
    CreateContainerCmd cmd = client.createContainerCmd(spec.image())
        .withName(spec.name())
        .withLabels(spec.labels())
        .withEnv(spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
        .withHostConfig(hostConfig(spec))
        .withStopTimeout(stopTimeoutSeconds(spec));
    if (spec.command() != null) {
      cmd.withCmd(spec.command());
    }
    if (spec.entryPoint() != null) {
      cmd.withEntrypoint(spec.entryPoint());
    }
    if (spec.workingDirectory() != null) {
      cmd.withWorkingDir(spec.workingDirectory());
    }
    if (spec.user() != null) {
      cmd.withUser(spec.user());
    }
    if (spec.hostname() != null) {
      cmd.withHostName(spec.hostname());
    }
    if (spec.healthCheck() != null) {
      cmd.withHealthcheck(healthCheck(spec.healthCheck()));
    }
    if (!spec.ports().isEmpty()) {
      cmd.withExposedPorts(spec.ports().stream().map(CreateContainerMapping::exposed).distinct().toList());
    }
    if (spec.linux().tty()) {
      cmd.withTty(true);
    }
    if (spec.linux().openStdin()) {
      cmd.withStdinOpen(true);
    }
    return cmd;
  }

  static HostConfig hostConfig(ContainerSpec spec) {
    Resources r = spec.resources();
    HostConfig host = HostConfig.newHostConfig()
        .withNetworkMode(spec.networkMode())
        .withCpuShares(r.cpuShares())
        .withMemory(r.memoryBytes())
        .withMemoryReservation(r.memoryReservationBytes())
        .withMemorySwap(r.memorySwapBytes())
        .withMemorySwappiness(r.swappiness())
        .withCpuPeriod(r.cpuPeriodMicros())
        .withCpuQuota(r.cpuQuotaMicros())
        .withCgroupParent(r.cgroupParent())
        .withReadonlyRootfs(spec.readonlyRootFilesystem() ? Boolean.TRUE : null)
        .withPrivileged(spec.privileged() ? Boolean.TRUE : null)
        .withInit(spec.init() ? Boolean.TRUE : null)
        .withPidMode(spec.pidMode())
        .withIpcMode(spec.ipcMode());
    if (!spec.ports().isEmpty()) {
      Ports ports = new Ports();
      for (PortPublication port : spec.ports()) {
        ports.bind(exposed(port), new Ports.Binding(port.hostIp(),
            port.hostPort() == null ? null : String.valueOf(port.hostPort())));
      }
      host.withPortBindings(ports);
    }
    if (!spec.links().isEmpty()) {
      host.withLinks(spec.links().stream().map(l -> {
        String[] parts = l.split(":", 2);
        return new Link(parts[0], parts[1]);
      }).toList());
    }
    if (!spec.mounts().isEmpty()) {
      host.withBinds(spec.mounts().stream().map(m -> Bind.parse(m.toBindString())).toList());
    }
    if (!spec.volumesFrom().isEmpty()) {
      host.withVolumesFrom(spec.volumesFrom().stream().map(v -> v.endsWith(":ro")
          ? new VolumesFrom(v.substring(0, v.length() - 3), AccessMode.ro)
          : new VolumesFrom(v, AccessMode.rw)).toList());
    }
    if (!spec.ulimits().isEmpty()) {
      host.withUlimits(spec.ulimits().stream().map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList());
    }
    if (!spec.extraHosts().isEmpty()) {
      host.withExtraHosts(spec.extraHosts().toArray(String[]::new));
    }
    if (spec.log() != null) {
      host.withLogConfig(new LogConfig(LogConfig.LoggingType.fromValue(spec.log().driver()), spec.log().options()));
    }
    linux(host, spec.linux());
    return host;
  }

  private static void linux(HostConfig host, LinuxOptions linux) {
    if (!linux.capAdd().isEmpty()) {
      host.withCapAdd(linux.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new));
    }
    if (!linux.capDrop().isEmpty()) {
      host.withCapDrop(linux.capDrop().stream().map(Capability::valueOf).toArray(Capability[]::new));
    }
    if (!linux.devices().isEmpty()) {
      host.withDevices(linux.devices().stream()
          .map(d -> new Device(d.permissions(), d.containerPath(), d.hostPath())).toList());
    }
    if (!linux.tmpfs().isEmpty()) {
      host.withTmpFs(Map.copyOf(linux.tmpfs()));
    }
    if (linux.shmSizeBytes() != null) {
      host.withShmSize(linux.shmSizeBytes());
    }
    if (!linux.sysctls().isEmpty()) {
      host.withSysctls(Map.copyOf(linux.sysctls()));
    }
    if (!linux.securityOptions().isEmpty()) {
      host.withSecurityOpts(new ArrayList<>(linux.securityOptions()));
    }
    if (!linux.dnsServers().isEmpty()) {
      host.withDns(linux.dnsServers());
    }
    if (!linux.dnsSearchDomains().isEmpty()) {
      host.withDnsSearch(linux.dnsSearchDomains());
    }
  }

  /** Docker wants nanoseconds. */
  static HealthCheck healthCheck(HealthCheckSpec check) {
    return new HealthCheck()
        .withTest(List.copyOf(check.test()))
        .withInterval(check.interval().toNanos())
        .withTimeout(check.timeout().toNanos())
        .withRetries(check.retries())
        .withStartPeriod(check.startPeriod() == null ? null : check.startPeriod().toNanos());
  }

  private static ExposedPort exposed(PortPublication port) {
    return new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
  }

  /** Docker counts whole seconds: round up, at least 1. */
  static int stopTimeoutSeconds(ContainerSpec spec) {
    long millis = spec.stopTimeout().toMillis();
    return (int) Math.max(1, (millis + 999) / 1000);
  }
}
