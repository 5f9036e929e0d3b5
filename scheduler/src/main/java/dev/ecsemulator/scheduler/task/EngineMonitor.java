package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.HostInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows whether the Docker engine answers, without asking it on every request: the periodic probe (see
 * {@link #probe}) keeps the last status, and a change of reachability is announced to listeners (the
 * task engine resyncs when the engine comes back). Supplies the local engine's capacity as ECS sees an
 * instance: 1024 CPU units per core and the host's memory, unless configured. Thread-safe.
 */
public final class EngineMonitor {

  private static final Logger log = LoggerFactory.getLogger(EngineMonitor.class);

  private final Supplier<ContainerRuntime> runtime;
  private final Integer configuredCpuUnits;
  private final Integer configuredMemoryMiB;
  private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();
  private volatile EngineStatus status;
  private volatile HostInfo host;

  /**
   * @param configuredCpuUnits {@code --instance-cpu}, or null for the host's cores × 1024
   * @param configuredMemoryMiB {@code --instance-memory}, or null for the host's memory
   */
  public EngineMonitor(Supplier<ContainerRuntime> runtime, Integer configuredCpuUnits, Integer configuredMemoryMiB) {
    this.runtime = runtime;
    this.configuredCpuUnits = configuredCpuUnits;
    this.configuredMemoryMiB = configuredMemoryMiB;
  }

  /** Asks the engine now and records the answer; announces a reconnection. Never throws. */
  public EngineStatus probe() {
    EngineStatus now = runtime.get().status();
    EngineStatus before = status;
    status = now;
    if (now.reachable() && host == null) {
      try {
        host = runtime.get().host();
      } catch (RuntimeException e) {
        log.debug("host facts not available yet: {}", e.getMessage());
      }
    }
    if (before != null && before.reachable() != now.reachable()) {
      log.warn(now.reachable() ? "Docker engine at {} answers again" : "Docker engine at {} does not answer: {}",
          now.host(), now.reachable() ? "" : now.error());
      if (now.reachable()) {
        onReconnect.forEach(Runnable::run);
      }
    }
    return now;
  }

  /** The last known status (probing once if there is none yet). */
  public EngineStatus status() {
    EngineStatus known = status;
    return known != null ? known : probe();
  }

  public boolean reachable() {
    return status().reachable();
  }

  public void onReconnect(Runnable listener) {
    onReconnect.add(listener);
  }

  /** The local engine as a container instance, for placement. */
  public HostResources resources() {
    EngineStatus now = status();
    HostInfo facts = host;
    int cores = facts != null ? facts.cpus() : Runtime.getRuntime().availableProcessors();
    long memoryBytes = facts != null ? facts.memoryBytes() : 0;
    int cpu = configuredCpuUnits != null ? configuredCpuUnits : cores * 1024;
    int memory = configuredMemoryMiB != null ? configuredMemoryMiB
        : memoryBytes > 0 ? (int) (memoryBytes / (1024 * 1024)) : 2048;
    String arch = facts == null ? "x86_64" : facts.architecture().equals("aarch64") ? "arm64" : facts.architecture();
    return new HostResources(now.reachable(), cpu, memory, now.version() == null ? "unknown" : now.version(), arch);
  }
}
