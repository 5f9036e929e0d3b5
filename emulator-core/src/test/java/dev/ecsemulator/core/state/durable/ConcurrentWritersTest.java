package dev.ecsemulator.core.state.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.KindRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many threads commit at once, to different keys of shared and separate scopes, while compaction runs
 * underneath (a tiny threshold makes it run many times); after a restart everything is there.
 */
class ConcurrentWritersTest {

  static final KindRegistry KINDS = KindRegistry.of(EcsKinds.all());
  static final int THREADS = 16;
  static final int COMMITS = 60;

  @TempDir Path root;

  static Scope scopeOf(int thread) {
    // Four threads per scope: commits contend for a scope's lock and share journal syncs across scopes.
    return new Scope(String.format("%012d", thread % 4), thread % 8 < 4 ? "us-east-1" : "eu-west-1");
  }

  static String key(int thread, int i) {
    return "t" + thread + "-" + i;
  }

  /** What thread t leaves: every key it wrote, except each fifth one, which it removes again. */
  static Map<Scope, Map<String, Map<String, Object>>> expected() {
    Map<Scope, Map<String, Map<String, Object>>> out = new TreeMap<>();
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < COMMITS; i++) {
        if (i % 5 != 4) {
          out.computeIfAbsent(scopeOf(t), s -> new TreeMap<>())
              .computeIfAbsent(EcsKinds.CLUSTER.name(), k -> new TreeMap<>())
              .put(key(t, i), Shapes.cluster(key(t, i)));
        }
      }
    }
    return out;
  }

  static void run(DurableStateStore store, int thread) {
    run(store, thread, () -> {});
  }

  /** Thread {@code thread}'s writes, calling {@code afterEach} after each key's. */
  static void run(DurableStateStore store, int thread, Runnable afterEach) {
    Scope scope = scopeOf(thread);
    for (int i = 0; i < COMMITS; i++) {
      String key = key(thread, i);
      store.write(scope, txn -> {
        txn.put(EcsKinds.CLUSTER, key, Shapes.cluster(key));
        return null;
      });
      if (i % 5 == 4) {
        store.write(scope, txn -> txn.remove(EcsKinds.CLUSTER, key));
      }
      afterEach.run();
    }
  }

  static void concurrently(DurableStateStore store) throws Exception {
    concurrently(THREADS, thread -> run(store, thread));
  }

  /** Runs {@code work} on {@code threads} threads released together; returns when all are done. */
  static void concurrently(int threads, java.util.function.IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          work.accept(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "graceful={0}")
  @ValueSource(booleans = {true, false})
  void everyCommitOfEveryThreadSurvivesARestart(boolean graceful) throws Exception {
    Path dir = root.resolve("state");
    DurableOptions options = DurableOptions.defaults().withCompactAfterBytes(8 * 1024).withCompactOnClose(graceful);
    DurableStateStore store = DurableStateStore.open(dir, KINDS, options);
    Map<Scope, List<Change>> seen = new ConcurrentHashMap<>();
    store.subscribe(changes -> seen.computeIfAbsent(changes.get(0).scope(), s -> java.util.Collections.synchronizedList(new ArrayList<>())).addAll(changes));

    concurrently(store);
    assertThat(Dump.of(store, KINDS)).isEqualTo(expected());
    store.close();
    // The journal outgrew the threshold, so compaction ran, and with writers busy.
    assertThat(dir.resolve(StateFiles.SNAPSHOT)).exists();

    try (DurableStateStore reopened = DurableStateStore.open(dir, KINDS, DurableOptions.defaults())) {
      assertThat(Dump.of(reopened, KINDS)).isEqualTo(expected());
    }
    int commits = THREADS * (COMMITS + COMMITS / 5);
    assertThat(seen.values().stream().mapToInt(List::size).sum()).isEqualTo(commits);
  }

  /**
   * Writers of one scope do not hold it while their commit is synced, so the next ones commit meanwhile and one
   * sync covers several: with the scope held through each sync, every commit took a sync of its own.
   */
  @Test
  void writersOfOneScopeShareSyncs(@TempDir Path dir) throws Exception {
    Scope scope = new Scope("000000000000", "us-east-1");
    int threads = 8;
    int commits = 100;
    try (DurableStateStore store = DurableStateStore.open(dir, KINDS, DurableOptions.defaults())) {
      concurrently(threads, thread -> {
        for (int i = 0; i < commits; i++) {
          String key = key(thread, i);
          store.write(scope, txn -> {
            txn.put(EcsKinds.CLUSTER, key, Shapes.cluster(key));
            return null;
          });
        }
      });

      List<String> written = store.read(scope, v -> v.keys(EcsKinds.CLUSTER));
      assertThat(written).hasSize(threads * commits);
      System.out.printf("%d commits of one scope from %d threads took %d syncs%n", threads * commits, threads,
          store.journalSyncs());
      assertThat(store.journalSyncs()).as("syncs shared by commits").isLessThan(threads * commits);
    }
  }

  @Test
  void aResetRacingWithWritersLeavesMemoryAndDiskAlike(@TempDir Path dir) throws Exception {
    DurableStateStore store = DurableStateStore.open(dir.resolve("state"), KINDS,
        DurableOptions.defaults().withCompactOnClose(false));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> writers = pool.submit(() -> {
        concurrently(store);
        return null;
      });
      for (int i = 0; i < 5; i++) {
        store.clear();
      }
      writers.get(5, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
    var inMemory = Dump.of(store, KINDS);
    store.close();

    try (DurableStateStore reopened = DurableStateStore.open(dir.resolve("state"), KINDS, DurableOptions.defaults())) {
      assertThat(Dump.of(reopened, KINDS)).isEqualTo(inMemory);
    }
  }

  /**
   * A writer may sync its own commit and others' (it leads the sync when none runs), and an interrupt closes a file
   * channel under the thread using it: writers interrupted again and again, during their syncs too, still commit,
   * keep their interrupt, and leave the journal usable and whole.
   */
  @Test
  void interruptedWritersCommitAndKeepTheJournal(@TempDir Path dir) throws Exception {
    DurableOptions options = DurableOptions.defaults().withCompactAfterBytes(8 * 1024).withCompactOnClose(false);
    DurableStateStore store = DurableStateStore.open(dir.resolve("state"), KINDS, options);
    List<Thread> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger keptInterrupts = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    // One interrupt per write in all, to the writers in turn: at any point of their work, syncs included, yet few
    // enough that every sync gets done.
    Thread interrupter = new Thread(() -> {
      for (int next = 0; !done.get(); next++) {
        long seen = writes.get();
        List<Thread> now = List.copyOf(writers);
        if (!now.isEmpty()) {
          now.get(next % now.size()).interrupt();
        }
        while (writes.get() == seen && !done.get()) {
          Thread.yield();
        }
      }
    });
    interrupter.start();
    try {
      concurrently(THREADS, thread -> {
        writers.add(Thread.currentThread());
        run(store, thread, () -> {
          writes.incrementAndGet();
          if (Thread.interrupted()) {
            keptInterrupts.incrementAndGet();
          }
        });
        writers.remove(Thread.currentThread());
        Thread.interrupted();
      });
    } finally {
      done.set(true);
      interrupter.join();
    }
    assertThat(keptInterrupts.get()).as("writes that returned with their thread's interrupt").isPositive();
    assertThat(Dump.of(store, KINDS)).isEqualTo(expected());
    store.write(scopeOf(0), txn -> {
      txn.put(EcsKinds.CLUSTER, "after", Shapes.cluster("after"));
      return null;
    });
    store.close();

    Map<Scope, Map<String, Map<String, Object>>> expected = expected();
    expected.get(scopeOf(0)).get(EcsKinds.CLUSTER.name()).put("after", Shapes.cluster("after"));
    try (DurableStateStore reopened = DurableStateStore.open(dir.resolve("state"), KINDS, DurableOptions.defaults())) {
      assertThat(Dump.of(reopened, KINDS)).isEqualTo(expected);
    }
  }
}
