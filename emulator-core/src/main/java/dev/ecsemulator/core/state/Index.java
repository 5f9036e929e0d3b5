package dev.ecsemulator.core.state;

import java.util.Objects;
import java.util.function.Function;

/**
 * A secondary index over one kind: its entities grouped by a value computed from each (null: not in the index),
 * so that {@link StateView#listByIndex} reads one group instead of every entity of the kind. A store keeps the
 * indexes its {@link KindRegistry} names up to date on every commit; for any other it answers by a scan, the same
 * answer more slowly. Indexes are derived, never stored: a durable store rebuilds them as it reads its state back.
 * Declare one constant per index, next to its kind.
 */
public record Index<V>(String name, Kind<V> kind, Function<? super V, String> valueOf) {

  public Index {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(valueOf, "valueOf");
  }

  public static <V> Index<V> of(String name, Kind<V> kind, Function<? super V, String> valueOf) {
    return new Index<>(name, kind, valueOf);
  }

  /** The entity's value in this index, or null when it has none. */
  String valueOf(Object entity) {
    return valueOf.apply(kind.type().cast(entity));
  }

  @Override
  public String toString() {
    return kind.name() + " by " + name;
  }
}
