package dev.ecsemulator.core.state;

import java.util.List;

/**
 * Where an {@link InMemoryStateStore}'s commits go before anyone sees them: nowhere ({@link #IN_MEMORY}), or a journal
 * on disk ({@code durable.JournalCommitLog}). The store calls {@link #enqueue} under the scope's writer lock, so in
 * commit order per scope, then waits with {@link #awaitDurable} outside it; readers and listeners see a commit only
 * once {@link #isDurable}. Implementations are thread-safe.
 */
public interface CommitLog {

  /** What {@link #enqueue} returns for a commit that needs no waiting: it is applied at once. */
  long DURABLE_NOW = -1;

  /** Keeps nothing: every commit is durable at once. The log of a store that lives in memory only. */
  CommitLog IN_MEMORY = new CommitLog() {
    @Override
    public long enqueue(List<Change> changes) {
      return DURABLE_NOW;
    }

    @Override
    public void awaitDurable(long ticket) {}

    @Override
    public boolean isDurable(long ticket) {
      return true;
    }
  };

  /**
   * Hands a commit's changes on, under the scope's writer lock (so in commit order per scope); returns a ticket to
   * wait for, or {@link #DURABLE_NOW}. If it throws, the write fails and nothing of it is kept. A log answers
   * {@link #DURABLE_NOW} either always or only while no other commit can be under way (the journal: while its store
   * loads its state, before anyone else writes); a commit answered so behind pending ones waits for them.
   */
  long enqueue(List<Change> changes);

  /** Returns once the commit with this ticket (and every earlier one) is durable; throws if it cannot become so. */
  void awaitDurable(long ticket);

  /** Whether the commit with this ticket is durable. */
  boolean isDurable(long ticket);
}
