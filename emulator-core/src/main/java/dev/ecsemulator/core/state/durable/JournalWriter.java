package dev.ecsemulator.core.state.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends commit records to the journal and returns only once they are on disk, with group commit by leader and
 * followers: a writer that waits for its record while no sync runs becomes the leader and writes and syncs every
 * record queued so far itself, on its own thread; the writers that arrive meanwhile wait, and the first of them whose
 * record that sync did not cover leads the next one, with everything queued by then. So N concurrent writers share
 * one sync instead of queueing for N, and a lone writer syncs its own record without handing it to another thread
 * and waiting to be woken (two thread hand-overs per commit, the largest cost of a durable write after the sync
 * itself at one connection: docs/benchmarks.md).
 *
 * <p>Followers wait uninterruptibly. A leader's file I/O survives its thread's interrupt: an interrupted
 * {@link FileChannel} closes itself, so the leader reopens the file and repeats the batch's writes at the same
 * offsets (idempotent) and its sync, then restores the interrupt; the journal fails only on a real I/O error.
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
  /** How often a leader reopens the file after interrupts before it gives up on one batch. */
  private static final int MAX_REOPENS = 100;

  private final Path dir;
  private final int maxBatch;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled whenever a sync ends (records durable, a rotation done, a failure) and when the writer closes. */
  private final Condition progress = lock.newCondition();

  // Guarded by lock.
  private final ArrayDeque<ByteBuffer[]> pending = new ArrayDeque<>();
  private long lastSeq;
  /** Whether a leader is writing and syncing a batch now; the file below is its alone meanwhile. */
  private boolean syncing;
  private long lastRotatedSeq;
  private DurabilityException failure;
  private boolean closing;
  private boolean closed;
  /** Written under lock; read without it by {@link #isDurable} and the fast path of {@link #awaitDurable}. */
  private volatile long durableSeq;

  // Used by the leader only (one at a time, handed on under lock; fileBytes and syncs are read racily for statistics).
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
   * Queues one record and returns its number at once; {@link #awaitDurable} writes and syncs it (or waits for the
   * leader that does). Records are written in the order they are queued.
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
      return seq;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns once record {@code seq} (and so every earlier one) is synced to disk: syncs it on the calling thread if
   * no other thread is syncing, else waits for the sync under way and, if that did not cover it, leads the next.
   *
   * @throws DurabilityException if it (or an earlier record) could not be written
   * @throws IllegalStateException if the writer closed before it was written
   */
  void awaitDurable(long seq) {
    if (durableSeq >= seq) {
      return;
    }
    lock.lock();
    try {
      while (durableSeq < seq) {
        if (failure != null) {
          throw failure;
        }
        if (closed) {
          throw new IllegalStateException("the state store closed before record " + seq + " was written");
        }
        if (syncing) {
          progress.awaitUninterruptibly();
        } else {
          lead(false);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether record {@code seq} is synced to disk. */
  boolean isDurable(long seq) {
    return durableSeq >= seq;
  }

  /**
   * Syncs what is pending to the current file and starts a new one; returns the number of the last record
   * in the files before it. Those files then hold nothing a snapshot taken after this call lacks.
   */
  long rotate() {
    lock.lock();
    try {
      while (true) {
        checkUsable();
        if (!syncing) {
          lead(true);
          checkUsable();
          return lastRotatedSeq;
        }
        progress.awaitUninterruptibly();
      }
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
      while (syncing || (!pending.isEmpty() && failure == null)) {
        if (syncing) {
          progress.awaitUninterruptibly();
        } else {
          lead(false);
        }
      }
      if (!closed) {
        closed = true;
        closeFile();
        progress.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes and syncs the records pending now (all of them for a rotation, which then starts a new file), as the
   * leader: called with the lock held and no sync under way; releases the lock for the I/O and holds it again on
   * return. A failure is recorded for every waiter and later append; an unexpected one is also rethrown.
   */
  private void lead(boolean rotate) {
    syncing = true;
    List<ByteBuffer> batch = new ArrayList<>();
    // A rotation takes everything appended before it, so the old file ends exactly at upTo.
    int limit = rotate ? Integer.MAX_VALUE : maxBatch;
    int n = 0;
    while (!pending.isEmpty() && n < limit) {
      ByteBuffer[] record = pending.poll();
      batch.add(record[0]);
      batch.add(record[1]);
      n++;
    }
    long upTo = durableSeq + n;
    Throwable error = null;
    lock.unlock();
    try {
      if (!batch.isEmpty()) {
        withoutInterrupts(() -> write(batch));
      }
      // A file that holds no record yet already starts where the next one would.
      if (rotate && upTo + 1 != fileFirstSeq) {
        withoutInterrupts(() -> openFile(upTo + 1));
      }
    } catch (IOException | RuntimeException | Error e) {
      error = e;
    } finally {
      lock.lock();
      syncing = false;
      if (error == null) {
        durableSeq = upTo;
        if (rotate) {
          lastRotatedSeq = upTo;
        }
      } else if (failure == null) {
        failure = error instanceof IOException
            ? new DurabilityException("cannot write the journal " + file + ": " + error.getMessage(), error)
            : new DurabilityException("the journal writer stopped: " + error, error);
      }
      progress.signalAll();
    }
    if (error instanceof RuntimeException r) {
      throw r;
    }
    if (error instanceof Error e) {
      throw e;
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  /**
   * Runs {@code io} (which must be repeatable: positional writes, a sync, a new file) so that an interrupt of this
   * thread, which closes the channel under it, costs a reopen and a repeat rather than the journal. The thread's
   * interrupt is kept for its caller.
   */
  private void withoutInterrupts(Io io) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      for (int reopens = 0; ; reopens++) {
        try {
          io.run();
          return;
        } catch (ClosedByInterruptException e) {
          interrupted |= Thread.interrupted();
          if (reopens == MAX_REOPENS) {
            throw new IOException("interrupted " + MAX_REOPENS + " times while writing", e);
          }
          reopen();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Opens the current file again after an interrupt closed its channel. */
  private void reopen() throws IOException {
    closeFile();
    channel = FileChannel.open(file, StandardOpenOption.WRITE);
  }

  /** Writes a batch at the end of the records and syncs it; repeatable until it returns (nothing moves before). */
  private void write(List<ByteBuffer> batch) throws IOException {
    ByteBuffer[] buffers = new ByteBuffer[batch.size()];
    long bytes = 0;
    for (int i = 0; i < buffers.length; i++) {
      // Copies of the buffers' positions: a repeat after an interrupt writes them whole again.
      buffers[i] = batch.get(i).duplicate();
      bytes += buffers[i].remaining();
    }
    if (fileBytes + bytes > allocated) {
      allocated = zeroFill(channel, allocated, (fileBytes + bytes + CHUNK - 1) / CHUNK * CHUNK);
    }
    channel.position(fileBytes);
    long written = 0;
    while (written < bytes) {
      written += channel.write(buffers);
    }
    // fdatasync: the data and the file size, not the modification time.
    channel.force(false);
    fileBytes += bytes;
    syncs++;
  }

  /** Creates and syncs the file of records from {@code firstSeq} on and makes it current; repeatable. */
  private void openFile(long firstSeq) throws IOException {
    Path next = StateFiles.journal(dir, firstSeq);
    FileChannel opened = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      ByteBuffer header = ByteBuffer.wrap(Frames.fileHeader(JournalReader.MAGIC, JournalReader.VERSION));
      while (header.hasRemaining()) {
        opened.write(header);
      }
      long zeroed = zeroFill(opened, Frames.FILE_HEADER, CHUNK);
      opened.force(true);
      StateFiles.syncDirectory(dir);
      closeFile();
      channel = opened;
      file = next;
      fileFirstSeq = firstSeq;
      fileBytes = Frames.FILE_HEADER;
      allocated = zeroed;
    } catch (IOException e) {
      opened.close();
      if (e instanceof ClosedByInterruptException) {
        // Not yet current and holding no record: the repeat creates it again.
        Files.deleteIfExists(next);
      }
      throw e;
    }
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
