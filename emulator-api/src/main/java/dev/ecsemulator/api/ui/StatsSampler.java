package dev.ecsemulator.api.ui;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns readings of containers' counters into usage: CPU is a difference between two readings, so the sampler keeps
 * each container's last one. It is asked only while someone watches the dashboard, so it keeps nothing once the
 * containers it is asked about change.
 *
 * <p>Not thread-safe: one thread samples.
 */
final class StatsSampler {

  private final StatsSource source;
  private Map<String, ContainerReading> last = new HashMap<>();

  StatsSampler(StatsSource source) {
    this.source = source;
  }

  /** Reads each container now; usage by container ID, for those that answered. Forgets the containers not named. */
  Map<String, ContainerUsage> sample(Collection<String> containerIds) {
    Map<String, ContainerReading> readings = source.read(containerIds);
    Map<String, ContainerUsage> usage = new LinkedHashMap<>();
    for (String id : containerIds) {
      ContainerReading now = readings.get(id);
      if (now == null) {
        continue;
      }
      ContainerReading before = last.get(id);
      usage.put(id, new ContainerUsage(before == null ? null : now.cpuPercentSince(before), now.memoryBytes(),
          now.memoryLimitBytes(), now.onlineCpus()));
    }
    last = new HashMap<>(readings);
    return usage;
  }

  /** Forgets every reading (nobody watches any more). */
  void forget() {
    last = new HashMap<>();
  }
}
