package dev.ecsemulator.bench.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a server at a fixed pace until a condition holds, for steps that wait on it (tasks RUNNING, a rollout). */
public final class Poll {

  private Poll() {}

  /** @throws IllegalStateException when {@code condition} still does not hold after {@code timeout} */
  public static void until(String what, Duration timeout, Duration interval, BooleanSupplier condition) {
    until(what, timeout, interval, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }

  /**
   * Asks {@code probe} every {@code interval} until it answers non-null, and returns that answer.
   *
   * @throws IllegalStateException when it still answers null after {@code timeout}
   */
  public static <T> T until(String what, Duration timeout, Duration interval, Supplier<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      pause(interval);
    }
  }

  /** Pacing between polls, not a synchronization: the server offers no event to wait on. */
  public static void pause(Duration interval) {
    CompletableFuture.runAsync(() -> { },
        CompletableFuture.delayedExecutor(interval.toMillis(), TimeUnit.MILLISECONDS)).join();
  }
}
