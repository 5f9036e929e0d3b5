package dev.ecsemulator.core.state;

import dev.ecsemulator.core.Scope;
import java.util.List;
import java.util.Optional;

/**
 * Checks a stored record once, where it is read back, for what its reader needs. Stored records are durable and
 * read back by later versions, and every member of a generated shape may be null: a member added to the model after
 * the record was written reads as null, a record seeded by hand or written by a bug may lack any. Rather than
 * defending against that at every use, a reader checks the record when it reads it, acts on an incomplete one as its
 * rules say (the task engine stops such a task once; the service scheduler leaves such a service as it is), and
 * hands on only complete ones, on which the code past the check relies without null checks. Each reader documents
 * what its {@link Result} guarantees.
 *
 * <p>Used by the task engine ({@code scheduler.task.TaskRecords#RUNNABLE}) and the service scheduler
 * ({@code scheduler.service.runner.ServiceRecords#PLANNABLE}).
 *
 * @param <V> the stored record type
 * @param <R> what the check finds: the gaps, and what a complete record gives its reader
 */
@FunctionalInterface
public interface RecordCheck<V, R extends RecordCheck.Result> {

  /** What a check found. */
  interface Result {

    /** What the record lacks for its reader, in words; empty when nothing. */
    List<String> gaps();

    /** Whether the record holds everything its reader needs. */
    default boolean complete() {
      return gaps().isEmpty();
    }
  }

  /**
   * Checks {@code stored}, as read from {@code view} in {@code scope}, against the records it refers to there. Pure;
   * never throws, whatever member of {@code stored} is null.
   */
  R check(Scope scope, V stored, StateView view);

  /** Reads the record of {@code kind} under {@code key} and checks it; empty when there is none. */
  default Optional<R> read(StateView view, Scope scope, Kind<V> kind, String key) {
    return view.get(kind, key).map(stored -> check(scope, stored, view));
  }
}
