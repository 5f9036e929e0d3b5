import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The floor under a durable commit on a disk, by sync primitive: one thread appends records at increasing offsets and
 * waits for each to be durable, two passes per variant; prints appends/s, latency percentiles and the thread's CPU per
 * append (mostly the kernel's). Variants: {@code fdatasync} (write + {@code force(false)} into a file preallocated
 * with synced zeros, as the journal does), {@code fdatasync-noprealloc}, {@code dsync} (the file opened
 * {@code O_DSYNC}), {@code direct-dsync} ({@code O_DIRECT|O_DSYNC}, 4 KiB-aligned writes). Findings: docs/benchmarks.md.
 *
 * <p>Usage: {@code java tools/bench/SyncProbe.java DIR SECONDS fdatasync,dsync,direct-dsync 300,1500,4096}
 */
public class SyncProbe {

  private static final long PREALLOCATED = 256L << 20;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int seconds = Integer.parseInt(args[1]);
    String[] variants = args[2].split(",");
    int[] sizes = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    for (int pass = 0; pass < 2; pass++) {
      for (String variant : variants) {
        for (int size : sizes) {
          probe(dir.resolve("sync-probe-" + variant + ".bin"), variant, size, seconds);
        }
      }
    }
  }

  private static void probe(Path file, String variant, int size, int seconds) throws IOException {
    boolean direct = variant.contains("direct");
    boolean dsync = variant.contains("dsync");
    Files.deleteIfExists(file);
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      if (!variant.contains("noprealloc")) {
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        for (long p = 0; p < PREALLOCATED; p += zeros.capacity()) {
          c.write(zeros.clear(), p);
        }
        c.force(true);
      }
    }
    Set<OpenOption> options = new HashSet<>(List.of(StandardOpenOption.WRITE));
    if (dsync) {
      options.add(StandardOpenOption.DSYNC);
    }
    if (direct) {
      options.add(com.sun.nio.file.ExtendedOpenOption.DIRECT);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (FileChannel c = FileChannel.open(file, options)) {
      int block = direct ? (size + 4095) / 4096 * 4096 : size;
      int rounded = (block + 4095) / 4096 * 4096;
      ByteBuffer record = ByteBuffer.allocateDirect(rounded + 4096).alignedSlice(4096).limit(block).slice();
      long[] latencies = new long[1 << 21];
      int n = 0;
      long position = 0;
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      while (System.nanoTime() < end && n < latencies.length && position + block <= PREALLOCATED) {
        long t = System.nanoTime();
        record.clear().put(0, (byte) n);
        c.write(record, position);
        if (!dsync) {
          c.force(false);
        }
        position += block;
        latencies[n++] = System.nanoTime() - t;
      }
      long elapsed = System.nanoTime() - start;
      long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
      long[] sorted = Arrays.copyOf(latencies, n);
      Arrays.sort(sorted);
      System.out.printf("%-22s size=%5d appends/s=%7.0f p50=%7.1fus p90=%8.1fus p99=%8.1fus cpu/append=%6.1fus%n",
          variant, size, n * 1e9 / elapsed, sorted[n / 2] / 1e3, sorted[n * 9 / 10] / 1e3, sorted[n * 99 / 100] / 1e3,
          cpu / 1e3 / n);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
