package dev.ecsemulator.bench.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Polls a condition at a fixed pace until it holds, for set-up steps that wait on a server (tasks RUNNING). */
final class Poll {

  private Poll() {}

  /** @throws IllegalStateException when {@code condition} still does not hold after {@code timeout} */
  static void until(String what, Duration timeout, Duration interval, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      // Pacing between polls, not a synchronization: the server gives no event to wait on.
      CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(interval.toMillis(), TimeUnit.MILLISECONDS)).join();
    }
  }
}
