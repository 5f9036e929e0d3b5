package dev.ecsemulator.bench.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

/**
 * The disk's own rate of durable appends, the baseline of a durable write: one writer appending a record into
 * zeroed, preallocated space and calling {@code fdatasync} after each, as the emulator's journal does for every
 * commit (docs/durability.md). A caller that must wait for its record to be on disk before it is answered, one
 * request at a time, can go no faster than this, whatever the server does. Not thread-safe.
 */
final class SyncFloor {

  /** A RegisterTaskDefinition commit of the API benchmark's task definition is about this size. */
  static final int RECORD_BYTES = 1_500;
  private static final int FILE_BYTES = 16 * 1024 * 1024;

  /** The measured rate and the median time of one append + sync. */
  record Result(double perSecond, double p50Millis) {}

  private SyncFloor() {}

  /** Measures for {@code duration} in a scratch file under {@code dir} (same file system as the emulator's data). */
  static Result measure(Path dir, Duration duration) {
    Path file = dir.resolve("sync-floor.tmp");
    try {
      Files.createDirectories(dir);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        ByteBuffer zeros = ByteBuffer.allocate(1024 * 1024);
        for (long pos = 0; pos < FILE_BYTES; pos += zeros.capacity()) {
          zeros.clear();
          channel.write(zeros, pos);
        }
        channel.force(true);
        byte[] record = new byte[RECORD_BYTES];
        Arrays.fill(record, (byte) '{');
        long[] times = new long[1 << 20];
        int n = 0;
        long pos = 0;
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < end && n < times.length) {
          long t = System.nanoTime();
          if (pos + RECORD_BYTES > FILE_BYTES) {
            pos = 0;
          }
          ByteBuffer buf = ByteBuffer.wrap(record);
          while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
          }
          channel.force(false);
          times[n++] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] taken = Arrays.copyOf(times, n);
        Arrays.sort(taken);
        return new Result(n / seconds, n == 0 ? 0 : taken[n / 2] / 1e6);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure the disk's sync rate in " + dir, e);
    }
  }
}
