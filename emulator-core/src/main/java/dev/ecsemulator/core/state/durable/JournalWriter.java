package dev.ecsemulator.core.state.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends commit records to the journal and returns only once they are on disk, with group commit: the
 * writers that arrive while one {@code fdatasync} runs are written and synced together by the next, so
 * N concurrent writers share one sync instead of queueing for N. One flusher thread does all file I/O;
 * writers wait uninterruptibly, because an interrupted {@link FileChannel} closes itself and would take the
 * journal down for everyone.
 *
 * <p>Each file is preallocated with zeros, {@link #CHUNK} bytes at a time, and synced, so that an append
 * overwrites blocks the file system has already allocated and its {@code fdatasync} has no file size to
 * record: on ext4 that skips a journal commit and roughly halves the cost of the sync (measured in
 * docs/durability.md). Readers take zeros after the last record as unused space ({@link Frames.End#ZEROS}).
 *
 * <p>Records are numbered 1, 2, 3, ... in the order they are appended; a journal file is named after its
 * first record. {@link #rotate} starts a new file so that a snapshot can make the old ones redundant.
 * After an I/O error every append fails with {@link DurabilityException} (see there why). Thread-safe.
 */
final class JournalWriter implements AutoCloseable {

  /** How much zeroed space a journal file gains at a time. */
  static final int CHUNK = 1024 * 1024;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

  private final Path dir;
  private final int maxBatch;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition progress = lock.newCondition();
  private final Thread flusher;

  // Guarded by lock.
  private final ArrayDeque<ByteBuffer[]> pending = new ArrayDeque<>();
  private long lastSeq;
  private long durableSeq;
  private long rotateRequests;
  private long rotationsDone;
  private long lastRotatedSeq;
  private DurabilityException failure;
  private boolean closing;
  private boolean closed;

  // Used by the flusher thread only (and read racily for statistics).
  private FileChannel channel;
  private Path file;
  private long fileFirstSeq;
  private long allocated;
  private volatile long fileBytes;
  private volatile long syncs;

  private JournalWriter(Path dir, long firstSeq, int maxBatch) throws IOException {
    this.dir = dir;
    this.maxBatch = maxBatch;
    this.lastSeq = firstSeq - 1;
    this.durableSeq = firstSeq - 1;
    this.lastRotatedSeq = firstSeq - 1;
    openFile(firstSeq);
    this.flusher = new Thread(this::flushLoop, "ecs-emulator-journal");
    flusher.setDaemon(true);
    flusher.start();
  }

  /**
   * Creates a new journal file whose first record will be {@code firstSeq}.
   *
   * @param maxBatch the most records one sync may cover; 1 turns group commit off
   */
  static JournalWriter create(Path dir, long firstSeq, int maxBatch) {
    try {
      return new JournalWriter(dir, firstSeq, maxBatch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a journal file in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Appends one record and returns its number once it is synced to disk.
   *
   * @throws DurabilityException if it (or an earlier record) could not be written
   * @throws IllegalStateException if the writer is closed
   * @throws IllegalArgumentException if the record exceeds {@link Frames#MAX_PAYLOAD}
   */
  long append(byte[] payload) {
    long seq = enqueue(payload);
    awaitDurable(seq);
    return seq;
  }

  /**
   * Queues one record for the flusher and returns its number at once; {@link #awaitDurable} waits for its sync.
   * Records are written in the order they are queued.
   *
   * @throws DurabilityException if an earlier record could not be written
   * @throws IllegalStateException if the writer is closed
   * @throws IllegalArgumentException if the record exceeds {@link Frames#MAX_PAYLOAD}
   */
  long enqueue(byte[] payload) {
    if (payload.length > Frames.MAX_PAYLOAD) {
      // Checked before a number is taken: the numbers must have no gaps.
      throw new IllegalArgumentException("a state commit of " + payload.length + " bytes exceeds " + Frames.MAX_PAYLOAD);
    }
    ByteBuffer body = ByteBuffer.wrap(payload);
    int payloadCrc = Frames.crc(payload, 0, payload.length);
    lock.lock();
    try {
      checkUsable();
      long seq = ++lastSeq;
      pending.add(new ByteBuffer[] {Frames.header(seq, payload.length, payloadCrc), body});
      work.signal();
      return seq;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns once record {@code seq} (and so every earlier one) is synced to disk.
   *
   * @throws DurabilityException if it (or an earlier record) could not be written
   * @throws IllegalStateException if the writer closed before it was written
   */
  void awaitDurable(long seq) {
    lock.lock();
    try {
      while (durableSeq < seq) {
        if (failure != null) {
          throw failure;
        }
        if (closed) {
          throw new IllegalStateException("the state store closed before record " + seq + " was written");
        }
        progress.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether record {@code seq} is synced to disk. */
  boolean isDurable(long seq) {
    lock.lock();
    try {
      return durableSeq >= seq;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Syncs what is pending to the current file and starts a new one; returns the number of the last record
   * in the files before it. Those files then hold nothing a snapshot taken after this call lacks.
   */
  long rotate() {
    lock.lock();
    try {
      checkUsable();
      long request = ++rotateRequests;
      work.signal();
      while (rotationsDone < request) {
        if (failure != null) {
          throw failure;
        }
        if (closed) {
          throw new IllegalStateException("the state store is closed");
        }
        progress.awaitUninterruptibly();
      }
      return lastRotatedSeq;
    } finally {
      lock.unlock();
    }
  }

  /** The number of the last record appended (synced or about to be). */
  long lastSeq() {
    lock.lock();
    try {
      return lastSeq;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes of records in the current journal file (not its zeroed space): what compaction would make redundant. */
  long currentFileBytes() {
    return fileBytes;
  }

  /** How many syncs wrote records so far: fewer than the records when commits shared them. */
  long syncs() {
    return syncs;
  }

  boolean failed() {
    lock.lock();
    try {
      return failure != null;
    } finally {
      lock.unlock();
    }
  }

  private void checkUsable() {
    if (failure != null) {
      throw failure;
    }
    if (closing || closed) {
      throw new IllegalStateException("the state store is closed");
    }
  }

  /** Syncs what is pending, then closes the file. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      work.signal();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (flusher.isAlive()) {
      try {
        flusher.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void flushLoop() {
    try {
      while (true) {
        List<ByteBuffer> batch = new ArrayList<>();
        long upTo;
        boolean rotate;
        lock.lock();
        try {
          while (pending.isEmpty() && rotationsDone == rotateRequests && !closing && failure == null) {
            work.awaitUninterruptibly();
          }
          if (failure != null || (closing && pending.isEmpty())) {
            return;
          }
          rotate = rotationsDone < rotateRequests;
          // A rotation takes everything appended before it, so the old file ends exactly at upTo.
          int limit = rotate ? Integer.MAX_VALUE : maxBatch;
          int n = 0;
          while (!pending.isEmpty() && n < limit) {
            ByteBuffer[] record = pending.poll();
            batch.add(record[0]);
            batch.add(record[1]);
            n++;
          }
          upTo = durableSeq + n;
        } finally {
          lock.unlock();
        }
        IOException error = null;
        try {
          if (!batch.isEmpty()) {
            write(batch);
          }
          // A file that holds no record yet already starts where the next one would.
          if (rotate && upTo + 1 != fileFirstSeq) {
            openFile(upTo + 1);
          }
        } catch (IOException e) {
          error = e;
        }
        lock.lock();
        try {
          if (error != null) {
            failure = new DurabilityException("cannot write the journal " + file + ": " + error.getMessage(), error);
          } else {
            durableSeq = upTo;
            if (rotate) {
              lastRotatedSeq = upTo;
              rotationsDone = rotateRequests;
            }
          }
          progress.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (RuntimeException | Error e) {
      lock.lock();
      try {
        failure = new DurabilityException("the journal writer stopped: " + e, e);
      } finally {
        lock.unlock();
      }
      throw e;
    } finally {
      lock.lock();
      try {
        closed = true;
        progress.signalAll();
      } finally {
        lock.unlock();
      }
      closeFile();
    }
  }

  private void write(List<ByteBuffer> batch) throws IOException {
    ByteBuffer[] buffers = batch.toArray(ByteBuffer[]::new);
    long bytes = 0;
    for (ByteBuffer b : buffers) {
      bytes += b.remaining();
    }
    if (fileBytes + bytes > allocated) {
      allocated = zeroFill(channel, allocated, (fileBytes + bytes + CHUNK - 1) / CHUNK * CHUNK);
    }
    long written = 0;
    while (written < bytes) {
      written += channel.write(buffers);
    }
    // fdatasync: the data and the file size, not the modification time.
    channel.force(false);
    fileBytes += bytes;
    syncs++;
  }

  private void openFile(long firstSeq) throws IOException {
    closeFile();
    Path next = StateFiles.journal(dir, firstSeq);
    FileChannel opened = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      ByteBuffer header = ByteBuffer.wrap(Frames.fileHeader(JournalReader.MAGIC, JournalReader.VERSION));
      while (header.hasRemaining()) {
        opened.write(header);
      }
      allocated = zeroFill(opened, Frames.FILE_HEADER, CHUNK);
      opened.force(true);
      StateFiles.syncDirectory(dir);
    } catch (IOException e) {
      opened.close();
      throw e;
    }
    channel = opened;
    file = next;
    fileFirstSeq = firstSeq;
    fileBytes = Frames.FILE_HEADER;
  }

  /**
   * Writes zeros over {@code [from, to)} with positional writes (the channel's position, where the next record
   * goes, does not move); returns {@code to}. Synced by the caller's next force.
   */
  private static long zeroFill(FileChannel channel, long from, long to) throws IOException {
    long pos = from;
    while (pos < to) {
      ByteBuffer zeros = ZEROS.duplicate();
      zeros.limit((int) Math.min(zeros.capacity(), to - pos));
      pos += channel.write(zeros, pos);
    }
    return to;
  }

  private void closeFile() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // everything acknowledged was synced already
      }
      channel = null;
    }
  }
}
