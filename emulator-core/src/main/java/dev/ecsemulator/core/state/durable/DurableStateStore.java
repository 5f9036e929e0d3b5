package dev.ecsemulator.core.state.durable;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StateStore state store} that survives a kill -9: the in-memory store, whose {@link JournalCommitLog}
 * appends every commit to a journal and syncs it to disk before it is applied (so before {@link #write} returns and
 * before anyone can read it; the next writer of the scope may build on it meanwhile, see {@link InMemoryStateStore}),
 * and the journal compacted into a snapshot from time to time. A crash at any moment leaves each commit either
 * wholly there or wholly absent at the next {@link #open}. Files and format: {@link StateFiles}, {@link Frames},
 * {@link StateCodec}.
 *
 * <p>Open refuses damaged state with {@link StateDamagedException} after copying the files aside, unless
 * {@link DurableOptions#resetState()}; it refuses a directory another store holds with
 * {@link DataDirLockedException}. A commit that cannot be synced throws {@link DurabilityException} and
 * turns the store read-only. Listeners behave as in {@link InMemoryStateStore}. Thread-safe.
 */
public final class DurableStateStore implements StateStore {

  private static final Logger log = LoggerFactory.getLogger(DurableStateStore.class);

  private final Path dir;
  private final KindRegistry kinds;
  private final DurableOptions options;
  private final StateCodec codec;
  private final DataDirLock lock;
  private final JournalCommitLog commits;
  private final InMemoryStateStore memory;
  private final Object compactionLock = new Object();
  private final AtomicBoolean compactionQueued = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ecs-emulator-compaction");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;
  private volatile long snapshotSeq;
  private volatile long snapshotBytes;

  private DurableStateStore(Path dir, KindRegistry kinds, DurableOptions options, DataDirLock lock) {
    this.dir = dir;
    this.kinds = kinds;
    this.options = options;
    this.codec = new StateCodec(kinds);
    this.lock = lock;
    this.commits = new JournalCommitLog(codec, this::maybeCompact);
    this.memory = new InMemoryStateStore(kinds, commits);
  }

  /**
   * Opens (creating if needed) the state in {@code dir}, which only this store may use while it is open.
   *
   * @throws StateDamagedException if the state cannot be read back whole; a copy is kept next to it
   * @throws DataDirLockedException if another store holds the directory
   * @throws UncheckedIOException if the directory cannot be read or written
   */
  public static DurableStateStore open(Path dir, KindRegistry kinds, DurableOptions options) {
    DataDirLock lock = DataDirLock.acquire(dir);
    try {
      if (options.resetState() && holdsState(dir)) {
        Path aside = StateFiles.moveAside(dir, "reset", options.clock());
        lock.close();
        lock = DataDirLock.acquire(dir);
        log.info("moved the previous state to {}; starting empty", aside);
      }
      Files.deleteIfExists(dir.resolve(StateFiles.SNAPSHOT_TMP));
      long started = System.nanoTime();
      Recovery.Result recovered = recover(dir, kinds, options);
      DurableStateStore store = new DurableStateStore(dir, kinds, options, lock);
      store.start(recovered, started);
      return store;
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException("cannot open the state in " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static boolean holdsState(Path dir) {
    return Files.exists(dir.resolve(StateFiles.SNAPSHOT)) || !StateFiles.journals(dir).isEmpty();
  }

  private static Recovery.Result recover(Path dir, KindRegistry kinds, DurableOptions options) throws IOException {
    try {
      return Recovery.recover(dir, new StateCodec(kinds));
    } catch (StateDamagedException e) {
      Path copy = StateFiles.copyAside(dir, "damaged", options.clock());
      throw e.copiedTo(copy);
    }
  }

  private void start(Recovery.Result recovered, long started) throws IOException {
    recovered.image().forEach((scope, tables) -> write(scope, txn -> {
      tables.forEach((kind, entities) -> entities.forEach((key, value) -> put(txn, kind, key, value)));
      return null;
    }));
    snapshotSeq = recovered.lastSeq();
    snapshotBytes = recovered.snapshotBytes();
    if (recovered.tornBytes() > 0) {
      log.warn("dropped an unfinished commit at the end of the journal ({}, {} bytes): the emulator stopped while "
          + "writing it, before acknowledging it", recovered.tornDetail(), recovered.tornBytes());
    }
    if (!recovered.journals().isEmpty()) {
      // Fold the replayed journal into a snapshot, so each start begins from one file and a fresh journal.
      snapshotBytes = writeSnapshot(recovered.lastSeq());
      deleteJournals(recovered.lastSeq(), true);
    }
    commits.open(JournalWriter.create(dir, recovered.lastSeq() + 1, options.maxBatch()));
    log.info("state: {} entities in {} scope(s) from {} ({} from the snapshot, {} journal records replayed) in {} ms",
        recovered.entities(), recovered.image().size(), dir, recovered.snapshotEntities(),
        recovered.replayedRecords(), (System.nanoTime() - started) / 1_000_000);
  }

  @SuppressWarnings("unchecked")
  private static <V> void put(StateTxn txn, Kind<V> kind, String key, Object value) {
    txn.put(kind, key, (V) value);
  }

  /** How many journal syncs commits took so far (for tests and measurements of group commit). */
  long journalSyncs() {
    return commits.journal().syncs();
  }

  /** The directory this store keeps its files in. */
  public Path directory() {
    return dir;
  }

  @Override
  public <R> R read(Scope scope, Function<StateView, R> query) {
    return memory.read(scope, query);
  }

  @Override
  public <R> R write(Scope scope, Function<StateTxn, R> mutation) {
    return memory.write(scope, mutation);
  }

  @Override
  public List<Scope> scopes() {
    return memory.scopes();
  }

  @Override
  public void subscribe(Consumer<List<Change>> listener) {
    memory.subscribe(listener);
  }

  /** Forgets everything, durably: one record marks the reset, so a crash halfway cannot undo half of it. */
  @Override
  public void clear() {
    // No compaction in between: a snapshot taken halfway would hold scopes not yet cleared while the
    // reset record fell before it, and a crash then would bring them back.
    synchronized (compactionLock) {
      if (closed) {
        throw new IllegalStateException("the state store is closed");
      }
      commits.journal().append(codec.encodeClear());
      // The per-scope removals that follow are journaled too, keeping disk and memory in step with any
      // write that runs concurrently with the reset.
      memory.clear();
    }
  }

  /**
   * Writes a snapshot of the current state and deletes the journal files it makes redundant. Writers keep
   * going meanwhile (the journal moves to a new file first). Runs by itself when the journal grows past
   * {@link DurableOptions#compactAfterBytes()}; public for tests and tools.
   */
  public void compact() {
    synchronized (compactionLock) {
      if (closed) {
        return;
      }
      long seq = commits.journal().rotate();
      try {
        snapshotBytes = writeSnapshot(seq);
        deleteJournals(seq, false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a snapshot in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private void maybeCompact() {
    long threshold = Math.max(options.compactAfterBytes(), snapshotBytes);
    if (commits.journal().currentFileBytes() >= threshold && compactionQueued.compareAndSet(false, true)) {
      try {
        compactor.execute(() -> {
          try {
            compact();
          } catch (RuntimeException e) {
            // The journal still holds everything; the next trigger tries again.
            log.warn("compaction of {} failed: {}", dir, e.getMessage());
          } finally {
            compactionQueued.set(false);
          }
        });
      } catch (RejectedExecutionException e) {
        // Closing: the final snapshot takes its place. This commit is durable already; it must not fail.
        compactionQueued.set(false);
      }
    }
  }

  /**
   * A snapshot as of journal record {@code seq}, read from memory. Each scope is read under its lock after
   * the journal moved past {@code seq}, so it holds every commit up to {@code seq} and perhaps some later
   * ones, which replaying the newer journal file repeats harmlessly.
   */
  private long writeSnapshot(long seq) throws IOException {
    try (SnapshotWriter writer = SnapshotWriter.begin(dir, seq, options.clock().instant(), codec)) {
      for (Scope scope : scopes()) {
        // A commit synced before the cut may still be waiting for its writer to apply it.
        memory.publishDurable(scope);
        List<Object[]> entities = read(scope, view -> entities(view));
        for (Object[] e : entities) {
          writer.add(scope, (Kind<?>) e[0], (String) e[1], e[2]);
        }
      }
      long bytes = writer.commit();
      snapshotSeq = seq;
      return bytes;
    }
  }

  private List<Object[]> entities(StateView view) {
    List<Object[]> out = new ArrayList<>();
    for (Kind<?> kind : kinds.kinds()) {
      List<String> keys = view.keys(kind);
      List<?> values = view.list(kind);
      for (int i = 0; i < keys.size(); i++) {
        out.add(new Object[] {kind, keys.get(i), values.get(i)});
      }
    }
    return out;
  }

  /**
   * Deletes the journal files a snapshot as of record {@code seq} makes redundant: those followed by a file
   * that starts at or before {@code seq + 1} (so every record in them is at most {@code seq}), and the
   * newest too if asked (when no journal is open on it).
   */
  private void deleteJournals(long seq, boolean includingNewest) throws IOException {
    List<StateFiles.Segment> segments = StateFiles.journals(dir);
    for (int i = 0; i < segments.size(); i++) {
      boolean last = i == segments.size() - 1;
      boolean redundant = last ? includingNewest : segments.get(i + 1).firstSeq() <= seq + 1;
      if (redundant) {
        Files.deleteIfExists(segments.get(i).file());
      }
    }
    StateFiles.syncDirectory(dir);
  }

  /**
   * Syncs what is pending, writes a final snapshot (unless {@link DurableOptions#compactOnClose()} is off or
   * a write failed) and releases the directory. Writes after close throw {@link IllegalStateException}.
   * Idempotent.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    // A compaction already queued finishes first; none can be queued after this.
    compactor.shutdown();
    try {
      compactor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (compactionLock) {
      closed = true;
      commits.close();
    }
    JournalWriter journal = commits.journal();
    try {
      boolean healthy = !journal.failed();
      journal.close();
      if (healthy && options.compactOnClose()) {
        long last = journal.lastSeq();
        if (last > snapshotSeq) {
          writeSnapshot(last);
        }
        deleteJournals(last, true);
      }
    } catch (IOException e) {
      log.warn("could not write the final snapshot of {} (the journal keeps everything): {}", dir, e.getMessage());
    } finally {
      lock.close();
    }
  }
}
