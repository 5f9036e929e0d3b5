package dev.ecsemulator.scheduler.runtime;

import java.util.List;

/**
 * A task's running sandbox: a tiny container (the emulator's own pause image) that holds what the
 * task's containers share. In {@code awsvpc} mode it holds the network namespace on Docker's default
 * bridge (its IP is the task's private IP; every container port is published on it). With pidMode or
 * ipcMode {@code task} it holds the process or IPC namespace the containers join, as the agent's namespace
 * pause container does. When the task has task-level limits and the engine allows nesting, it also holds
 * the task's cgroup, which carries those limits, and the containers are created under it.
 *
 * @param id the Docker container ID
 * @param ipAddress the sandbox's address on the default bridge, or null when it has no network
 *     ({@code none}: a cgroup holder only)
 * @param memberCgroupParent the {@code CgroupParent} for the task's containers, or null when the sandbox
 *     holds no task limits
 * @param ports the sandbox's published ports, as Docker bound them (host ports are known only now)
 */
public record Sandbox(String id, String name, String ipAddress, String memberCgroupParent,
    List<ObservedContainer.PortBinding> ports) {

  public Sandbox {
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  /**
   * The {@code NetworkMode}, {@code PidMode} or {@code IpcMode} that makes a container join this sandbox's
   * network, process or IPC namespace.
   */
  public String joinMode() {
    return "container:" + id;
  }
}
