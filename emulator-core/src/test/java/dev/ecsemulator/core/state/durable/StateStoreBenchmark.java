package dev.ecsemulator.core.state.durable;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commit throughput and latency of the state stores: one commit = one changed Task (about 1.5 KB of
 * JSON), as a task status update is. Not a test: run on demand (see docs/durability.md), e.g. with
 * {@code -t 1} and {@code -t 16}. Parameters: {@code store} memory, durable, or durable without group
 * commit; {@code scopes} whether each thread writes its own (account, region) or all share one (a scope
 * is written by one commit at a time, so sharing it serializes the writers, as one account's API
 * traffic is).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class StateStoreBenchmark {

  @Param({"memory", "durable", "durable-nogroup"})
  public String store;

  @Param({"own", "shared"})
  public String scopes;

  private final AtomicInteger threads = new AtomicInteger();
  private Path dir;
  private StateStore target;
  private Task task;

  @Setup(Level.Trial)
  public void open() throws IOException {
    KindRegistry kinds = KindRegistry.of(EcsKinds.all());
    task = Shapes.task("bench", "0123456789abcdef0123456789abcdef");
    dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))),
        "ecs-state-bench");
    target = switch (store) {
      case "memory" -> new InMemoryStateStore(kinds);
      case "durable" -> DurableStateStore.open(dir.resolve("state"), kinds, DurableOptions.defaults());
      case "durable-nogroup" -> DurableStateStore.open(dir.resolve("state"), kinds, DurableOptions.defaults().withMaxBatch(1));
      default -> throw new IllegalArgumentException(store);
    };
  }

  @TearDown(Level.Trial)
  public void close() {
    target.close();
    TestFiles.deleteDir(dir);
  }

  /** Each thread's scope and counter. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Writer {
    Scope scope;
    long version;

    @Setup(Level.Trial)
    public void init(StateStoreBenchmark bench) {
      int n = bench.threads.getAndIncrement();
      scope = bench.scopes.equals("own") ? new Scope(String.format("%012d", n), "us-east-1") : Shapes.EAST;
    }
  }

  @Benchmark
  public Object commit(Writer w) {
    long v = ++w.version;
    // 1000 tasks per writer, each rewritten with a new version: every commit is a real change.
    String key = EcsKinds.taskKey("bench", Thread.currentThread().getName() + "-" + (v % 1000));
    Task next = task.toBuilder().version(v).build();
    return target.write(w.scope, txn -> {
      txn.put(EcsKinds.TASK, key, next);
      return null;
    });
  }
}
