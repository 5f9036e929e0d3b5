package dev.ecsemulator.core.state.durable;

import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.CommitLog;
import java.util.List;

/**
 * The {@link CommitLog} of the durable store: each commit is one journal record, synced by the journal's flusher
 * (group commit); its record number is the ticket. While the store loads its recovered state there is no journal
 * yet, and commits are applied at once ({@link #DURABLE_NOW}): nothing else writes then. Thread-safe.
 */
final class JournalCommitLog implements CommitLog {

  private final StateCodec codec;
  /** Runs after each append, under the scope's writer lock: the store's compaction trigger. */
  private final Runnable afterAppend;
  private volatile JournalWriter journal;
  private volatile boolean closed;

  JournalCommitLog(StateCodec codec, Runnable afterAppend) {
    this.codec = codec;
    this.afterAppend = afterAppend;
  }

  /** Ends loading: every later commit goes to {@code writer}. */
  void open(JournalWriter writer) {
    journal = writer;
  }

  /** The journal, once {@link #open}. */
  JournalWriter journal() {
    return journal;
  }

  /** Refuses every later commit with {@link IllegalStateException} (the store is closing). */
  void close() {
    closed = true;
  }

  @Override
  public long enqueue(List<Change> changes) {
    JournalWriter writer = journal;
    if (writer == null) {
      return DURABLE_NOW;
    }
    if (closed) {
      throw new IllegalStateException("the state store is closed");
    }
    long seq = writer.enqueue(codec.encodeCommit(changes));
    afterAppend.run();
    return seq;
  }

  @Override
  public void awaitDurable(long ticket) {
    journal.awaitDurable(ticket);
  }

  @Override
  public boolean isDurable(long ticket) {
    return journal.isDurable(ticket);
  }
}
