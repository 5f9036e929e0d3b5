package dev.ecsemulator.scheduler.service.runner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link WakeTimer} that fires only when a test says the time has come. */
final class ManualWakeTimer implements WakeTimer {

  private record Wake(Instant at, Runnable action) {}

  private final Map<String, Wake> pending = new LinkedHashMap<>();

  @Override
  public synchronized void schedule(String key, Instant at, Runnable action) {
    pending.put(key, new Wake(at, action));
  }

  /** Runs every wake-up due at {@code now} (those they schedule in turn wait for the next call). */
  void fireDue(Instant now) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      pending.entrySet().removeIf(e -> {
        if (!e.getValue().at().isAfter(now)) {
          due.add(e.getValue().action());
          return true;
        }
        return false;
      });
    }
    due.forEach(Runnable::run);
  }

  synchronized Optional<Instant> next() {
    return pending.values().stream().map(Wake::at).min(Instant::compareTo);
  }

  @Override
  public void close() {}
}
