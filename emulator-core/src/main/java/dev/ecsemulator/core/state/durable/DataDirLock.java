package dev.ecsemulator.core.state.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An exclusive lock on a directory, held for as long as this object is open: the file {@code .lock} in it,
 * locked with {@link FileChannel#tryLock()} (an OS advisory lock, released by the OS when the process dies,
 * even by SIGKILL, so a crash never leaves a stale lock). The holder writes its pid into the file so that a
 * refused process can say who holds it. Two emulators on one data directory would corrupt each other's
 * state and remove each other's containers, hence the lock.
 *
 * <p>OS locks belong to the process, and on Linux closing <em>any</em> descriptor of the file drops them,
 * so holders in this JVM are also tracked here and a second one is refused before it opens the file.
 * For the same reason nothing in the holding process may open the lock file (copying it included).
 */
public final class DataDirLock implements AutoCloseable {

  public static final String FILE_NAME = ".lock";

  /** Directories locked by this JVM: the process-wide state the OS lock itself is. */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DataDirLock(Path dir, Path key, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed and locks it.
   *
   * @throws DataDirLockedException if another process, or another holder in this JVM, has it
   * @throws UncheckedIOException if the directory or lock file cannot be created
   */
  public static DataDirLock acquire(Path dir) {
    Path key;
    try {
      Files.createDirectories(dir);
      key = dir.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    if (!HELD_HERE.add(key)) {
      throw new DataDirLockedException(dir, "this process");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(key.resolve(FILE_NAME),
          StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        HELD_HERE.remove(key);
        throw new DataDirLockedException(dir, holder);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      return new DataDirLock(dir, key, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      HELD_HERE.remove(key);
      throw new UncheckedIOException("cannot lock " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code dir} was an emulator's data directory whose emulator is gone: it holds a lock file that no
   * process locks now (the OS drops the lock of a killed process). False when the directory or its lock file
   * does not exist here (it may be another machine's or another container's), when anyone holds it, or when the
   * file cannot be read. Writes nothing. The probe holds the lock for an instant, so an emulator starting on
   * {@code dir} at that very moment is refused as if it were held.
   */
  public static boolean abandoned(Path dir) {
    Path key;
    try {
      key = dir.toRealPath();
    } catch (IOException e) {
      return false;
    }
    Path file = key.resolve(FILE_NAME);
    // Registered as held while probing: closing this descriptor would drop a lock another thread here took.
    if (!Files.isRegularFile(file) || !HELD_HERE.add(key)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock probe = channel.tryLock();
      if (probe == null) {
        return false;
      }
      probe.release();
      return true;
    } catch (IOException | OverlappingFileLockException e) {
      return false;
    } finally {
      HELD_HERE.remove(key);
    }
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(64);
      int n = channel.read(buf, 0);
      String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "lock file " + FILE_NAME : text;
    } catch (IOException e) {
      return "lock file " + FILE_NAME;
    }
  }

  public Path dir() {
    return dir;
  }

  /** Releases the lock. Idempotent. The file stays: deleting it would race with the next holder. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      // closing the channel releases it anyway
    }
    closeQuietly(channel);
    HELD_HERE.remove(key);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }
}
