package dev.ecsemulator.scheduler.task;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int running;
  private volatile boolean paused;
  private boolean shutDown;

  private static final class Slot {
    CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    boolean queued;
  }

  public KeyedExecutor(Executor pool) {
    this.pool = pool;
  }

  /**
   * Runs {@code work} for {@code key} after whatever runs for it now; coalesced with an already queued run.
   * Dropped while {@link #whilePaused paused}.
   */
  public void submit(String key, Runnable work) {
    if (paused) {
      return;
    }
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
        if (!enter()) {
          return;
        }
        try {
          work.run();
        } catch (RuntimeException e) {
          log.error("Bug: work for {} failed", key, e);
        } finally {
          leave();
        }
      }, pool);
    }
  }

  private boolean enter() {
    lock.lock();
    try {
      if (paused) {
        return false;
      }
      running++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void leave() {
    lock.lock();
    try {
      running--;
      idle.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code action} with this executor paused: pieces under way finish first, none starts meanwhile,
   * and what is submitted or queued meanwhile is dropped (work is level-triggered: the next trigger
   * after the pause sees the state as it then is). For a reset that must not race with work in flight.
   */
  public void whilePaused(Runnable action) throws InterruptedException {
    lock.lock();
    try {
      paused = true;
      while (running > 0) {
        idle.await();
      }
    } finally {
      lock.unlock();
    }
    try {
      action.run();
    } finally {
      lock.lock();
      try {
        paused = shutDown;
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Takes no more work, for good: what is queued or submitted from now on is dropped. Waits up to
   * {@code timeout} for the pieces under way to finish; returns whether they all did.
   */
  public boolean shutdown(java.time.Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      shutDown = true;
      paused = true;
      long nanos = timeout.toNanos();
      while (running > 0 && nanos > 0) {
        nanos = idle.awaitNanos(nanos);
      }
      return running == 0;
    } finally {
      lock.unlock();
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
