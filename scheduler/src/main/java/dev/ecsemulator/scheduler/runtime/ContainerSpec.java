package dev.ecsemulator.scheduler.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to create one Docker container, described without docker-java types. Built by
 * {@link ContainerSpecFactory} from a task definition (the ECS agent's mapping), turned into a Docker
 * create call in exactly one place ({@link CreateContainerMapping}).
 *
 * <p>{@code null} in an optional component means "not set": Docker's or the image's default applies
 * (for {@code command}, {@code entryPoint}, {@code workingDirectory}, {@code user}, {@code hostname},
 * {@code healthCheck}, {@code log}). Collections are never null, and are immutable.
 *
 * @param name the Docker container name (the agent's {@code ecs-<family>-<rev>-<name>-<hex>}); creation
 *     is idempotent by this name
 * @param image the image to create from; it must be present locally (see
 *     {@link ContainerRuntime#ensureImage}); create never pulls
 * @param environment {@code Config.Env}, in order
 * @param labels {@code Config.Labels}, including the ECS agent's and the emulator's ownership labels
 * @param networkMode {@code bridge}, {@code host}, {@code none} or {@code container:<sandbox id>}
 * @param pidMode {@code HostConfig.PidMode}: {@code host}, {@code container:<sandbox id>}, or null for a
 *     namespace of its own
 * @param ipcMode {@code HostConfig.IpcMode}: {@code host}, {@code none}, {@code shareable} (a sandbox whose
 *     namespace the task's containers join), {@code container:<sandbox id>}, or null for the daemon's default
 * @param ports published ports (never for {@code container:} or {@code host} modes)
 * @param links {@code <docker name>:<alias>}
 * @param volumesFrom {@code <docker name>[:ro]}
 * @param extraHosts {@code host:ip}
 * @param stopTimeout the container's stop timeout (ECS {@code stopTimeout}, default 30 s); also written
 *     as {@code Config.StopTimeout}, so a manual {@code docker stop} behaves as ECS would
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    List<String> entryPoint,
    Map<String, String> environment,
    Map<String, String> labels,
    String workingDirectory,
    String user,
    String hostname,
    Resources resources,
    String networkMode,
    String pidMode,
    String ipcMode,
    List<PortPublication> ports,
    List<String> links,
    List<Mount> mounts,
    List<String> volumesFrom,
    List<UlimitSpec> ulimits,
    boolean readonlyRootFilesystem,
    boolean privileged,
    List<String> extraHosts,
    boolean init,
    HealthCheckSpec healthCheck,
    LogSpec log,
    Duration stopTimeout,
    LinuxOptions linux) {

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(networkMode, "networkMode");
    command = command == null ? null : List.copyOf(command);
    entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
    environment = environment == null ? Map.of() : unmodifiableOrdered(environment);
    labels = labels == null ? Map.of() : unmodifiableOrdered(labels);
    resources = resources == null ? Resources.NONE : resources;
    ports = ports == null ? List.of() : List.copyOf(ports);
    links = links == null ? List.of() : List.copyOf(links);
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
    volumesFrom = volumesFrom == null ? List.of() : List.copyOf(volumesFrom);
    ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
    extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
    stopTimeout = stopTimeout == null ? Duration.ofSeconds(30) : stopTimeout;
    linux = linux == null ? LinuxOptions.NONE : linux;
  }

  private static Map<String, String> unmodifiableOrdered(Map<String, String> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** This spec with another image reference (for example the local name an ECR URI resolved to). */
  public ContainerSpec withImage(String otherImage) {
    return toBuilder().image(otherImage).build();
  }

  public static Builder builder(String name, String image) {
    return new Builder().name(name).image(image);
  }

  public Builder toBuilder() {
    return new Builder()
        .name(name).image(image).command(command).entryPoint(entryPoint).environment(environment)
        .labels(labels).workingDirectory(workingDirectory).user(user).hostname(hostname)
        .resources(resources).networkMode(networkMode).pidMode(pidMode).ipcMode(ipcMode).ports(ports)
        .links(links).mounts(mounts)
        .volumesFrom(volumesFrom).ulimits(ulimits).readonlyRootFilesystem(readonlyRootFilesystem)
        .privileged(privileged).extraHosts(extraHosts).init(init).healthCheck(healthCheck).log(log)
        .stopTimeout(stopTimeout).linux(linux);
  }

  /**
   * Resource limits, in Docker's units.
   *
   * @param cpuShares {@code HostConfig.CpuShares} (the agent never leaves it unset: minimum 2)
   * @param memoryBytes {@code HostConfig.Memory}, a hard limit, or null for none
   * @param memoryReservationBytes {@code HostConfig.MemoryReservation}, a soft limit, or null
   * @param cpuPeriodMicros with {@code cpuQuotaMicros}, a CFS quota ({@code HostConfig.CpuPeriod/CpuQuota})
   * @param cgroupParent {@code HostConfig.CgroupParent}, or null for the daemon's default
   * @param memorySwapBytes {@code HostConfig.MemorySwap} (from {@code linuxParameters.maxSwap}), or null
   * @param swappiness {@code HostConfig.MemorySwappiness}, or null
   */
  public record Resources(
      Integer cpuShares,
      Long memoryBytes,
      Long memoryReservationBytes,
      Long cpuPeriodMicros,
      Long cpuQuotaMicros,
      String cgroupParent,
      Long memorySwapBytes,
      Long swappiness) {

    public static final Resources NONE = new Resources(null, null, null, null, null, null, null, null);
  }

  /**
   * One published port.
   *
   * @param protocol {@code tcp} or {@code udp}
   * @param hostIp the address the host side listens on (the emulator's bind address)
   * @param hostPort the host port, or null for a dynamic one chosen by Docker
   */
  public record PortPublication(int containerPort, String protocol, String hostIp, Integer hostPort) {}

  /**
   * A {@code HostConfig.Binds} entry: a host path or a Docker named volume mounted at a container path.
   *
   * @param source an absolute host path ({@link Kind#BIND}) or a volume name ({@link Kind#VOLUME})
   */
  public record Mount(Kind kind, String source, String containerPath, boolean readOnly) {

    public enum Kind { BIND, VOLUME }

    /** Docker's {@code src:dst[:ro]} form. */
    public String toBindString() {
      return source + ":" + containerPath + (readOnly ? ":ro" : "");
    }
  }

  /** One {@code HostConfig.Ulimits} entry. */
  public record UlimitSpec(String name, long soft, long hard) {}

  /**
   * {@code Config.Healthcheck}; durations as {@link Duration}s, written in nanoseconds.
   *
   * @param test the full test, starting with {@code CMD} or {@code CMD-SHELL}
   * @param startPeriod null when the task definition sets none (Docker's default: 0)
   */
  public record HealthCheckSpec(List<String> test, Duration interval, Duration timeout, int retries,
      Duration startPeriod) {

    public HealthCheckSpec {
      test = List.copyOf(test);
    }
  }

  /** {@code HostConfig.LogConfig}: a Docker log driver and its options. */
  public record LogSpec(String driver, Map<String, String> options) {

    public LogSpec {
      options = options == null ? Map.of() : Map.copyOf(options);
    }
  }

  /** A device mapping ({@code linuxParameters.devices}). */
  public record DeviceSpec(String hostPath, String containerPath, String permissions) {}

  /**
   * The rarer Linux settings a task definition may carry: capabilities, devices, tmpfs, shared memory,
   * sysctls, security options, DNS, TTY and stdin. Empty by default.
   */
  public record LinuxOptions(
      List<String> capAdd,
      List<String> capDrop,
      List<DeviceSpec> devices,
      Map<String, String> tmpfs,
      Long shmSizeBytes,
      Map<String, String> sysctls,
      List<String> securityOptions,
      List<String> dnsServers,
      List<String> dnsSearchDomains,
      boolean tty,
      boolean openStdin) {

    public static final LinuxOptions NONE = new LinuxOptions(null, null, null, null, null, null, null, null,
        null, false, false);

    public LinuxOptions {
      capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
      capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
      devices = devices == null ? List.of() : List.copyOf(devices);
      tmpfs = tmpfs == null ? Map.of() : unmodifiableOrdered(tmpfs);
      sysctls = sysctls == null ? Map.of() : unmodifiableOrdered(sysctls);
      securityOptions = securityOptions == null ? List.of() : List.copyOf(securityOptions);
      dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
      dnsSearchDomains = dnsSearchDomains == null ? List.of() : List.copyOf(dnsSearchDomains);
    }
  }

  /** A mutable builder; {@link #build} makes the immutable spec. */
  public static final class Builder {
    private String name;
    private String image;
    private List<String> command;
    private List<String> entryPoint;
    private Map<String, String> environment;
    private Map<String, String> labels;
    private String workingDirectory;
    private String user;
    private String hostname;
    private Resources resources;
    private String networkMode = "bridge";
    private String pidMode;
    private String ipcMode;
    private List<PortPublication> ports;
    private List<String> links;
    private List<Mount> mounts;
    private List<String> volumesFrom;
    private List<UlimitSpec> ulimits;
    private boolean readonlyRootFilesystem;
    private boolean privileged;
    private List<String> extraHosts;
    private boolean init;
    private HealthCheckSpec healthCheck;
    private LogSpec log;
    private Duration stopTimeout;
    private LinuxOptions linux;

    private Builder() {}

    public Builder name(String v) { name = v; return this; }
    public Builder image(String v) { image = v; return this; }
    public Builder command(List<String> v) { command = v; return this; }
    public Builder entryPoint(List<String> v) { entryPoint = v; return this; }
    public Builder environment(Map<String, String> v) { environment = v; return this; }
    public Builder labels(Map<String, String> v) { labels = v; return this; }
    public Builder workingDirectory(String v) { workingDirectory = v; return this; }
    public Builder user(String v) { user = v; return this; }
    public Builder hostname(String v) { hostname = v; return this; }
    public Builder resources(Resources v) { resources = v; return this; }
    public Builder networkMode(String v) { networkMode = v; return this; }
    public Builder pidMode(String v) { pidMode = v; return this; }
    public Builder ipcMode(String v) { ipcMode = v; return this; }
    public Builder ports(List<PortPublication> v) { ports = v; return this; }
    public Builder links(List<String> v) { links = v; return this; }
    public Builder mounts(List<Mount> v) { mounts = v; return this; }
    public Builder volumesFrom(List<String> v) { volumesFrom = v; return this; }
    public Builder ulimits(List<UlimitSpec> v) { ulimits = v; return this; }
    public Builder readonlyRootFilesystem(boolean v) { readonlyRootFilesystem = v; return this; }
    public Builder privileged(boolean v) { privileged = v; return this; }
    public Builder extraHosts(List<String> v) { extraHosts = v; return this; }
    public Builder init(boolean v) { init = v; return this; }
    public Builder healthCheck(HealthCheckSpec v) { healthCheck = v; return this; }
    public Builder log(LogSpec v) { log = v; return this; }
    public Builder stopTimeout(Duration v) { stopTimeout = v; return this; }
    public Builder linux(LinuxOptions v) { linux = v; return this; }

    public ContainerSpec build() {
      return new ContainerSpec(name, image, command, entryPoint, environment, labels, workingDirectory, user,
          hostname, resources, networkMode, pidMode, ipcMode, ports, links, mounts, volumesFrom, ulimits,
          readonlyRootFilesystem, privileged, extraHosts, init, healthCheck, log, stopTimeout, linux);
    }
  }
}
