package dev.ecsemulator.api;

import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The local Docker engine as a container instance, without blocking: the last known engine status,
 * refreshed in the background when older than a few seconds. CPU units are 1024 per core and memory the
 * host's physical memory (as an ECS agent registers them). A minimal supplier for the service scheduler
 * until the task engine provides its own. Thread-safe.
 */
final class LocalHostResources implements Supplier<HostResources> {

  private static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final DockerEngine docker;
  private final Clock clock;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile EngineStatus status;
  private volatile Instant probedAt = Instant.EPOCH;

  LocalHostResources(DockerEngine docker, Clock clock) {
    this.docker = docker;
    this.clock = clock;
    this.status = EngineStatus.down(docker.host(), "not probed yet");
  }

  /** Probes now, on the caller's thread (start-up warm-up). */
  void refresh() {
    status = docker.probe();
    probedAt = clock.instant();
  }

  @Override
  public HostResources get() {
    if (probedAt.plus(MAX_AGE).isBefore(clock.instant()) && refreshing.compareAndSet(false, true)) {
      Thread probe = new Thread(() -> {
        try {
          refresh();
        } finally {
          refreshing.set(false);
        }
      }, "docker-probe");
      probe.setDaemon(true);
      probe.start();
    }
    EngineStatus engine = status;
    return new HostResources(engine.reachable(), Runtime.getRuntime().availableProcessors() * 1024, memoryMiB(),
        engine.version() == null ? "unknown" : engine.version(), architecture());
  }

  private static int memoryMiB() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
      return (int) (bean.getTotalMemorySize() / (1024 * 1024));
    }
    return (int) (Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  private static String architecture() {
    String arch = System.getProperty("os.arch");
    return "aarch64".equals(arch) || "arm64".equals(arch) ? "arm64" : "x86_64";
  }
}
