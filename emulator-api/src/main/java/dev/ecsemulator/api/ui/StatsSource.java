package dev.ecsemulator.api.ui;

import java.util.Collection;
import java.util.Map;

/** Reads containers' counters now. Implementations are thread-safe. */
interface StatsSource {

  /**
   * A reading of each container that answered; those gone, not running, or on an engine that does not answer are
   * left out. Never throws.
   */
  Map<String, ContainerReading> read(Collection<String> containerIds);
}
