package dev.ecsemulator.core.state;

import java.util.Objects;

/**
 * A kind of entity kept in the {@link StateStore}: a table name and the (immutable, JSON-mappable) record
 * type stored under it. Declare one constant per entity type, next to the type, e.g.
 * {@code public static final Kind<Cluster> KIND = Kind.of("cluster", Cluster.class)}.
 *
 * <p>The name is part of the durable format: never rename a kind that has shipped.
 */
public record Kind<V>(String name, Class<V> type) {

  public Kind {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static <V> Kind<V> of(String name, Class<V> type) {
    return new Kind<>(name, type);
  }

  /*
   * equals and hashCode written out, as a record's generated ones are linked on their first call through
   * ObjectMethods' bootstrap (method handles spun then, about 10 ms of CPU each on the start-up path, where the
   * registry and the store first compare kinds; docs/benchmarks.md, issue 21 goal 3). Same contract as the record's.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Kind<?> kind && name.equals(kind.name) && type.equals(kind.type);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + type.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
