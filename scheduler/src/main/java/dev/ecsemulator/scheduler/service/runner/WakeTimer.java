package dev.ecsemulator.scheduler.service.runner;

import java.time.Instant;

/**
 * Runs a service's next reconcile at a given instant of the engine's clock. One pending wake-up per
 * key: scheduling again replaces it. Implementations are thread-safe.
 */
public interface WakeTimer extends AutoCloseable {

  void schedule(String key, Instant at, Runnable action);

  @Override
  void close();
}
