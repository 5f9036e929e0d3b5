package dev.ecsemulator.core.logs;

import static dev.ecsemulator.core.logs.LogsKinds.GROUP;
import static dev.ecsemulator.core.logs.LogsKinds.STREAM;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes events past their group's retention, in the background: every {@link LogsSettings#sweepInterval()} and soon
 * after a policy is set ({@link #request}). Reads hide expired events before they are removed, so this only frees
 * their space (and their bytes leave {@code storedBytes}). Each group is swept in its own transaction; from each stream
 * the expired front goes, chunk by chunk (an expired chunk behind a kept one waits until it is at the front, hidden
 * meanwhile). Thread-safe; one daemon thread.
 */
public final class RetentionSweeper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

  private final StateStore store;
  private final Clock clock;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ecs-emulator-logs-retention");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean requested = new AtomicBoolean();

  private RetentionSweeper(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A sweeper that sweeps every {@code interval}, the first time after one interval. */
  public static RetentionSweeper start(StateStore store, Clock clock, Duration interval) {
    RetentionSweeper sweeper = new RetentionSweeper(store, clock);
    long millis = interval.toMillis();
    sweeper.executor.scheduleWithFixedDelay(sweeper::sweepLogged, millis, millis, TimeUnit.MILLISECONDS);
    return sweeper;
  }

  /** Sweeps soon, in the background; requests made while one waits to run are served by it. */
  public void request() {
    if (requested.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          requested.set(false);
          sweepLogged();
        });
      } catch (RejectedExecutionException e) {
        requested.set(false); // closing: nothing more to sweep
      }
    }
  }

  private void sweepLogged() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // The events stay hidden from reads; the next sweep tries again.
      log.warn("removing expired log events failed: {}", e.toString());
    }
  }

  /** Sweeps every group of every scope now, on the calling thread; returns the bytes freed. */
  public long sweep() {
    long freed = 0;
    for (Scope scope : store.scopes()) {
      List<String> groups = store.read(scope, view -> view.list(GROUP, g -> g.retentionInDays() != null).stream()
          .map(StoredLogGroup::name).toList());
      for (String group : groups) {
        freed += store.write(scope, txn -> sweepGroup(txn, group, clock.millis()));
      }
    }
    return freed;
  }

  private static long sweepGroup(StateTxn txn, String name, long now) {
    StoredLogGroup group = txn.get(GROUP, LogKeys.group(name)).orElse(null);
    if (group == null || group.retentionInDays() == null) {
      return 0L; // deleted, or its policy removed, since it was listed
    }
    long oldestKept = Retention.oldestKept(now, group.retentionInDays());
    long freed = 0;
    for (StoredLogStream stream : txn.listByKeyPrefix(STREAM, LogKeys.ofGroup(name))) {
      StoredLogStream current = stream;
      while (current.hasChunks()) {
        EventChunk first = StreamFront.firstChunk(txn, current);
        int expired = first.firstAtOrAfter(oldestKept);
        if (expired == 0) {
          break;
        }
        StreamFront.Removed removed = StreamFront.remove(txn, current, first, expired);
        freed += removed.freed();
        current = removed.stream();
        if (expired < first.size()) {
          break;
        }
      }
    }
    if (freed > 0) {
      txn.put(GROUP, LogKeys.group(name), group.withStoredBytes(-freed));
    }
    return freed;
  }

  /** Stops sweeping; a sweep under way finishes first. Idempotent. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
