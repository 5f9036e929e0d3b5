package dev.ecsemulator.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commits of one scope on their way to disk: the next writer builds on them at once, readers and listeners see
 * them only once durable, and a commit that cannot become durable is dropped with those built on it. Durability
 * here is a gate the test opens ticket by ticket; the journal behind the real durable store is tested in
 * {@code durable/}.
 */
class PipelinedCommitsTest {

  record Thing(String name, int size) {}

  static final Kind<Thing> THING = Kind.of("thing", Thing.class);
  static final Scope EAST = new Scope("000000000000", "us-east-1");

  final GatedLog gate = new GatedLog();
  final InMemoryStateStore store = new InMemoryStateStore(null, gate);
  final List<List<Change>> notified = new CopyOnWriteArrayList<>();
  final ExecutorService writers = Executors.newCachedThreadPool();

  @AfterEach
  void stopWriters() {
    gate.failFrom(1); // nothing stays blocked
    writers.shutdownNow();
  }

  @Test
  void theNextWriterBuildsOnACommitOnItsWayToDiskWhileReadersSeeOnlyDurableCommits() throws Exception {
    store.subscribe(notified::add);
    CompletableFuture<Void> first = async(() -> put("x", 1));
    gate.awaitWaiting(1);

    // The first writer waits for its sync without holding the scope: the second one runs and sees its write.
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> store.write(EAST, txn -> {
      int x = txn.get(THING, "x").orElseThrow().size();
      txn.put(THING, "y", new Thing("y", x + 1));
      return x;
    }), writers);
    gate.awaitWaiting(2);
    assertThat(read("x")).isEmpty();
    assertThat(read("y")).isEmpty();
    assertThat(notified).isEmpty();

    gate.release(1);
    first.get(30, TimeUnit.SECONDS);
    assertThat(read("x")).contains(new Thing("x", 1));
    assertThat(read("y")).as("not durable yet").isEmpty();
    assertThat(second).isNotDone();

    gate.release(2);
    assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(read("y")).contains(new Thing("y", 2));
    assertThat(notified).extracting(changes -> changes.get(0).key()).containsExactly("x", "y");
  }

  @Test
  void aCommitThatCannotBecomeDurableIsDroppedWithTheCommitsBuiltOnIt() throws Exception {
    durablePut("kept", 1);

    CompletableFuture<Void> failing = async(() -> put("y", 2));
    gate.awaitWaiting(1);
    CompletableFuture<Void> builtOnIt = async(() -> store.write(EAST, txn -> {
      txn.put(THING, "z", new Thing("z", txn.get(THING, "y").orElseThrow().size() + 1));
      return null;
    }));
    gate.awaitWaiting(2);
    gate.failFrom(2);

    assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builtOnIt.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(keys()).containsExactly("kept");
    List<String> seenByTheNextWriter = store.write(EAST, txn -> txn.keys(THING));
    assertThat(seenByTheNextWriter).as("the dropped commits are gone for writers too").containsExactly("kept");
  }

  @Test
  void aMutationThatChangesNothingAnswersOnlyOnceWhatItReadIsDurable() throws Exception {
    CompletableFuture<Void> first = async(() -> put("x", 1));
    gate.awaitWaiting(1);

    CompletableFuture<Optional<Thing>> reader = CompletableFuture.supplyAsync(
        () -> store.write(EAST, txn -> txn.get(THING, "x")), writers);
    gate.awaitWaiting(2);
    assertThat(reader).isNotDone();

    gate.release(1);
    assertThat(reader.get(30, TimeUnit.SECONDS)).contains(new Thing("x", 1));
    first.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aRemovalOnItsWayToDiskHidesTheEntityFromTheNextWriterOnly() throws Exception {
    durablePut("x", 1);
    CompletableFuture<Boolean> removal = CompletableFuture.supplyAsync(
        () -> store.write(EAST, txn -> txn.remove(THING, "x")), writers);
    gate.awaitWaiting(1);

    AtomicReference<List<String>> writerSaw = new AtomicReference<>();
    CompletableFuture<Void> next = async(() -> store.write(EAST, txn -> {
      writerSaw.set(txn.keys(THING));
      txn.put(THING, "w", new Thing("w", 1));
      return null;
    }));
    gate.awaitWaiting(2);
    assertThat(writerSaw.get()).isEmpty();
    assertThat(keys()).as("readers, until the removal is durable").containsExactly("x");

    gate.release(3);
    assertThat(removal.get(30, TimeUnit.SECONDS)).isTrue();
    next.get(30, TimeUnit.SECONDS);
    assertThat(keys()).containsExactly("w");
  }

  /** A put whose commit is made durable at once: ticket 1, so call it first. */
  private void durablePut(String key, int size) throws Exception {
    CompletableFuture<Void> write = async(() -> put(key, size));
    gate.awaitWaiting(1);
    gate.release(1);
    write.get(30, TimeUnit.SECONDS);
  }

  private void put(String key, int size) {
    store.write(EAST, txn -> {
      txn.put(THING, key, new Thing(key, size));
      return null;
    });
  }

  private List<String> keys() {
    return store.read(EAST, v -> v.keys(THING));
  }

  private Optional<Thing> read(String key) {
    return store.read(EAST, v -> v.get(THING, key));
  }

  private CompletableFuture<Void> async(Runnable write) {
    return CompletableFuture.runAsync(write, writers);
  }

  /**
   * Tickets 1, 2, 3, ... in commit order; a ticket is durable once the test releases it (and every earlier one),
   * and fails from the ticket the test says on.
   */
  static final class GatedLog implements CommitLog {
    private long issued;
    private long released;
    private long failFrom = Long.MAX_VALUE;
    private int waiting;

    @Override
    public synchronized long enqueue(List<Change> changes) {
      return ++issued;
    }

    @Override
    public synchronized void awaitDurable(long ticket) {
      waiting++;
      notifyAll();
      try {
        while (released < ticket) {
          if (ticket >= failFrom) {
            throw new IllegalStateException("ticket " + ticket + " could not be made durable");
          }
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        waiting--;
      }
    }

    @Override
    public synchronized boolean isDurable(long ticket) {
      return released >= ticket;
    }

    synchronized void release(long upTo) {
      released = Math.max(released, upTo);
      notifyAll();
    }

    synchronized void failFrom(long ticket) {
      failFrom = ticket;
      notifyAll();
    }

    /** Returns once {@code n} writers wait for their commits (or fails after 30 s). */
    void awaitWaiting(int n) {
      awaitTrue(() -> waiting >= n);
    }

    private synchronized void awaitTrue(BooleanSupplier condition) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      try {
        while (!condition.getAsBoolean()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError("gave up waiting for the writers");
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
