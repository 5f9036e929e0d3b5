package dev.ecsemulator.scheduler.task;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for many keys on a shared pool, one piece at a time per key and in submission order, so that
 * a task is never reconciled by two threads at once (java-operator-sdk's rule: one reconcile at a time per
 * resource). Submissions for a key that already has work queued behind a running piece are coalesced:
 * reconciles are level-triggered, so one more run after the current one sees every change.
 * Thread-safe.
 */
public final class KeyedExecutor {

  private static final Logger log = LoggerFactory.getLogger(KeyedExecutor.class);

  private final Executor pool;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    boolean queued;
  }

  public KeyedExecutor(Executor pool) {
    this.pool = pool;
  }

  /** Runs {@code work} for {@code key} after whatever runs for it now; coalesced with an already queued run. */
  public void submit(String key, Runnable work) {
    Slot slot = slots.computeIfAbsent(key, k -> new Slot());
    synchronized (slot) {
      if (slot.queued) {
        return;
      }
      slot.queued = true;
      slot.tail = slot.tail.thenRunAsync(() -> {
        synchronized (slot) {
          slot.queued = false;
        }
        try {
          work.run();
        } catch (RuntimeException e) {
          log.error("Bug: work for {} failed", key, e);
        }
      }, pool);
    }
  }

  /** Whether any work is queued or running for {@code key}. */
  public boolean busy(String key) {
    Slot slot = slots.get(key);
    return slot != null && !slot.tail.isDone();
  }

  /** Forgets idle keys (call now and then; keys of finished tasks would otherwise accumulate). */
  public void prune() {
    slots.entrySet().removeIf(e -> e.getValue().tail.isDone());
  }
}
