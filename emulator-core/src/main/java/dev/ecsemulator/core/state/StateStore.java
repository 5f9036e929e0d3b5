package dev.ecsemulator.core.state;

import dev.ecsemulator.core.Scope;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one seam through which every read and write of emulator state passes. State is a set of tables of
 * immutable records (see {@link Kind}), kept separately per {@link Scope}.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>{@link #write} runs its mutation exclusively for that scope and commits it atomically: if the
 *       mutation throws, nothing it wrote is kept and the exception propagates unchanged.
 *   <li>When {@link #write} returns, the change is committed (and, for a durable store, durable).
 *   <li>{@link #read} sees only committed state and may run concurrently with other reads.
 *   <li>Listeners are called after commit, outside any lock, once per commit, by the writing thread. Two commits
 *       of one scope made at the same time may reach them in either order (they are synced together by a durable
 *       store), so a listener takes a change as a prompt to re-read state, not as the latest word.
 * </ul>
 *
 * Thread-safe.
 */
public interface StateStore extends AutoCloseable {

  <R> R read(Scope scope, Function<StateView, R> query);

  <R> R write(Scope scope, Function<StateTxn, R> mutation);

  /** Every scope that holds state, ascending. */
  List<Scope> scopes();

  /** Forgets every entity of every scope (test isolation). Listeners see one removal per entity. */
  void clear();

  /** Subscribes to committed changes; each commit is delivered as one list. */
  void subscribe(Consumer<List<Change>> listener);

  @Override
  default void close() {}
}
