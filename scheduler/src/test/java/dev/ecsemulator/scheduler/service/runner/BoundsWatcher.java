package dev.ecsemulator.scheduler.service.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a rolling update's bounds after every committed store change: at most
 * floor(desired × maximumPercent / 100) tasks not yet STOPPED, and, once armed, at least
 * ceil(desired × minimumHealthyPercent / 100) healthy tasks (RUNNING, wanted, HEALTHY when the definition
 * has health checks, else RUNNING for 40 s: the caller says which via {@code healthy}).
 */
final class BoundsWatcher {

  interface Healthy {
    boolean test(Task task);
  }

  private final EngineHarness h;
  private final int maxTasks;
  private final int minHealthy;
  private final Healthy healthy;
  private final List<String> violations = new ArrayList<>();
  private volatile boolean armed;
  int maxSeen;
  int minHealthySeen = Integer.MAX_VALUE;

  BoundsWatcher(EngineHarness h, int desired, int minPercent, int maxPercent, Healthy healthy) {
    this.h = h;
    this.maxTasks = desired * maxPercent / 100;
    this.minHealthy = (desired * minPercent + 99) / 100;
    this.healthy = healthy;
    h.store.subscribe(changes -> check());
  }

  /** From now on the healthy floor must hold too (the service has reached its desired count). */
  void arm() {
    armed = true;
  }

  private synchronized void check() {
    List<Task> active = h.active();
    maxSeen = Math.max(maxSeen, active.size());
    if (active.size() > maxTasks) {
      violations.add(active.size() + " active tasks, above " + maxTasks);
    }
    if (armed) {
      long up = active.stream()
          .filter(t -> "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()) && healthy.test(t))
          .count();
      minHealthySeen = (int) Math.min(minHealthySeen, up);
      if (up < minHealthy) {
        violations.add(up + " healthy tasks, below " + minHealthy);
      }
    }
  }

  void assertHeld() {
    assertThat(violations).isEmpty();
  }
}
