package dev.ecsemulator.core.state.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under every durable commit on this disk: append 1.5 KB and {@code fdatasync}, nothing else.
 * Measured next to {@link StateStoreBenchmark}, since a shared machine's disk varies from minute to minute.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class FsyncBenchmark {

  private Path file;
  private FileChannel channel;
  private final byte[] record = new byte[1536];

  @Setup(Level.Trial)
  public void open() throws IOException {
    file = Files.createTempFile(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))),
        "fsync-probe", ".bin");
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    channel.close();
    Files.delete(file);
  }

  @Benchmark
  public void appendAndSync() throws IOException {
    channel.write(ByteBuffer.wrap(record));
    channel.force(false);
  }
}
