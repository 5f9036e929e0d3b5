package dev.ecsemulator.scheduler.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedExecutorTest {

  final ExecutorService pool = Executors.newFixedThreadPool(4);
  final KeyedExecutor executor = new KeyedExecutor(pool);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void workForOneKeyNeverOverlaps() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    executor.submit("task-1", () -> {
      inside.incrementAndGet();
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inside.decrementAndGet();
      runs.incrementAndGet();
    });
    // Submissions made before the first piece starts coalesce into it (level-triggered): wait for it.
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 50; i++) {
      executor.submit("task-1", () -> {
        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        inside.decrementAndGet();
        runs.incrementAndGet();
      });
    }
    release.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> !executor.busy("task-1"));
    assertThat(maxInside.get()).isEqualTo(1);
    // The first run, then the 50 submissions made while it ran coalesce into one.
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void differentKeysRunInParallel() throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    List<String> done = new CopyOnWriteArrayList<>();
    for (String key : List.of("a", "b")) {
      executor.submit(key, () -> {
        both.countDown();
        try {
          // Each waits for the other: only possible if they run at the same time.
          assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        done.add(key);
      });
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 2);
  }

  @Test
  void aFailingPieceDoesNotStopTheKey() {
    AtomicInteger after = new AtomicInteger();
    executor.submit("k", () -> {
      throw new IllegalStateException("boom");
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> !executor.busy("k"));
    executor.submit("k", after::incrementAndGet);

    await().atMost(Duration.ofSeconds(10)).until(() -> after.get() == 1);
  }

  @Test
  void pausingWaitsForWorkUnderWayAndDropsWhatComesMeanwhile() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> log = new CopyOnWriteArrayList<>();
    executor.submit("k", () -> {
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.add("first done");
    });
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    Thread pauser = new Thread(() -> {
      try {
        executor.whilePaused(() -> {
          log.add("paused action");
          executor.submit("k", () -> log.add("dropped"));
        });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    pauser.start();
    release.countDown();
    pauser.join(10_000);
    executor.submit("k", () -> log.add("after"));

    await().atMost(Duration.ofSeconds(10)).until(() -> log.contains("after"));
    assertThat(log).containsExactly("first done", "paused action", "after");
  }
}
