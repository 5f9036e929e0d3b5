package dev.ecsemulator.core.state.durable;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.KindRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What writing the whole state takes: a compaction (snapshot written, synced, renamed into place), and
 * the cost every commit would pay if each commit rewrote the state file atomically instead of appending to
 * a journal. Also the start-up cost: reading it back ({@link #reopen}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SnapshotBenchmark {

  @Param({"100", "1000", "10000"})
  public int tasks;

  private final KindRegistry kinds = KindRegistry.of(EcsKinds.all());
  private Path dir;
  private DurableStateStore store;

  @Setup(Level.Trial)
  public void fill() throws IOException {
    dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))),
        "ecs-snapshot-bench");
    store = DurableStateStore.open(dir.resolve("state"), kinds, DurableOptions.defaults());
    Task task = Shapes.task("bench", "0123456789abcdef0123456789abcdef");
    for (int i = 0; i < tasks; i += 100) {
      int from = i;
      store.write(Shapes.EAST, txn -> {
        for (int k = from; k < Math.min(tasks, from + 100); k++) {
          txn.put(EcsKinds.TASK, EcsKinds.taskKey("bench", "t" + k), task.toBuilder().version((long) k).build());
        }
        return null;
      });
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
    TestFiles.deleteDir(dir);
  }

  @Benchmark
  public void compact() {
    store.compact();
  }

  @Benchmark
  public Object reopen() {
    return Recovery.recover(dir.resolve("state"), new StateCodec(kinds));
  }
}
