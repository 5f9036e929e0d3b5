package dev.ecsemulator.scheduler.runtime;

/**
 * The Docker host's facts that launching depends on.
 *
 * @param architecture the engine's architecture as Docker names it ({@code x86_64}, {@code aarch64})
 * @param cpus the host's CPU count
 * @param memoryBytes the host's total memory
 * @param cgroupVersion {@code 1} or {@code 2}
 * @param cgroupDriver {@code cgroupfs} or {@code systemd}
 */
public record HostInfo(String architecture, int cpus, long memoryBytes, String cgroupVersion,
    String cgroupDriver) {

  /**
   * Whether a task's containers can nest under a cgroup that carries the task's limits: true with cgroup
   * v1 and the {@code cgroupfs} driver, where Docker accepts any {@code CgroupParent} path, including one
   * inside another container's cgroup. With the {@code systemd} driver a parent must be a slice, and with
   * cgroup v2 a cgroup holding a process cannot have children with controllers, so there each container
   * is capped at the task's limits instead.
   */
  public boolean taskCgroups() {
    return "1".equals(cgroupVersion) && "cgroupfs".equals(cgroupDriver);
  }

  /** The pause binary's architecture for this host, or null when the emulator has none for it. */
  public PauseBinary.Arch pauseArch() {
    return PauseBinary.Arch.fromDocker(architecture);
  }
}
