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

  @Override
  public String toString() {
    return name;
  }
}
