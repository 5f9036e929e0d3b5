package dev.ecsemulator.core.state;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Read access to the entities of one scope. Valid only inside the read or write call that gave it. */
public interface StateView {

  <V> Optional<V> get(Kind<V> kind, String key);

  /** Every entity of a kind, in ascending key order. */
  <V> List<V> list(Kind<V> kind);

  /** The entities of a kind that match, in ascending key order. */
  default <V> List<V> list(Kind<V> kind, Predicate<? super V> filter) {
    return list(kind).stream().filter(filter).toList();
  }

  /**
   * The entities of a kind whose keys start with {@code keyPrefix}, in ascending key order: for keys made of
   * a parent's name and an ID (a cluster's tasks: {@code "cluster/"}), a range read, not a scan of the kind.
   */
  <V> List<V> listByKeyPrefix(Kind<V> kind, String keyPrefix);

  /**
   * The entities whose value in {@code index} is {@code value}, in ascending key order: one group of the index, not
   * a scan of the kind, when the store keeps that index.
   */
  <V> List<V> listByIndex(Index<V> index, String value);

  /** Every key of a kind, ascending. */
  <V> List<String> keys(Kind<V> kind);
}
