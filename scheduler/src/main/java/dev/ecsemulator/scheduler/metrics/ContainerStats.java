package dev.ecsemulator.scheduler.metrics;

import java.io.IOException;
import java.util.Optional;

/**
 * One sample of a container's counters: where the metrics loop gets usage from. The Docker implementation asks the
 * engine once per container per period ({@link DockerContainerStats}). Thread-safe: reads may run in parallel.
 */
public interface ContainerStats extends java.io.Closeable {

  /** How many reads may be made at once (a source answering at its own pace benefits from many). */
  default int parallelism() {
    return 1;
  }

  @Override
  default void close() throws IOException {}

  /**
   * The container's counters now; empty when it is gone.
   *
   * @throws IOException when the engine does not answer
   */
  Optional<Sample> read(String containerId) throws IOException;

  /**
   * @param cpuNanos CPU time used since the container started, in nanoseconds (Docker's
   *     {@code cpu_stats.cpu_usage.total_usage})
   * @param memoryBytes memory used now, page cache excluded, as the ECS agent counts it
   *     ({@code memory_stats.usage} less {@code stats.cache} on cgroup v1, {@code inactive_file} on v2)
   * @param readNanos when the sample was read, on a monotonic clock of the caller's
   */
  record Sample(long cpuNanos, long memoryBytes, long readNanos) {}
}
