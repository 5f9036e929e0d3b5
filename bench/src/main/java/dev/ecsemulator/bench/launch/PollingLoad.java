package dev.ecsemulator.bench.launch;

import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.tasks.EcsTasks;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The observation load of an emulator launch, for its raw baseline: DescribeTasks of a task that already stopped,
 * at the pace the launches poll, on a thread of its own from construction until {@link #close}. An emulator launch
 * is observed by polling every few milliseconds; on two shared cores that polling (the emulator answering, this
 * client parsing) takes CPU that Docker's own create and start would otherwise get, so the raw launch runs under the
 * same load and the ratio shows the emulator's own overhead. One per raw launch.
 */
final class PollingLoad implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger calls = new AtomicInteger();
  private final Thread thread;

  PollingLoad(EcsTasks ecs, String stoppedTaskArn, Duration pace) {
    thread = new Thread(() -> {
      while (running.get()) {
        ecs.describe(LaunchKinds.CLUSTER, stoppedTaskArn);
        calls.incrementAndGet();
        Poll.pause(pace);
      }
    }, "polling-load");
    thread.setDaemon(true);
    thread.start();
  }

  /** How many DescribeTasks calls it made so far. */
  int calls() {
    return calls.get();
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
