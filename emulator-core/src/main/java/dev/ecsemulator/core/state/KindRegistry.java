package dev.ecsemulator.core.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds a store may hold, by name. Durable state stores kinds by name, so reading it back needs this
 * explicit list: the composition root builds it from {@link dev.ecsemulator.core.EcsKinds#all()} plus the
 * kinds other packages declare. A store given a registry refuses to commit a kind that is not in it, so a
 * forgotten registration fails at the first write, not at the next start. Immutable and thread-safe.
 */
public final class KindRegistry {

  private final Map<String, Kind<?>> byName;
  private final List<Index<?>> indexes;
  /** The same indexes by kind: a store looks them up for every entity a commit applies. */
  private final Map<Kind<?>, List<Index<?>>> indexesByKind;

  private KindRegistry(Map<String, Kind<?>> byName, List<Index<?>> indexes) {
    this.byName = byName;
    this.indexes = indexes;
    Map<Kind<?>, List<Index<?>>> byKind = new java.util.HashMap<>();
    indexes.forEach(index -> byKind.computeIfAbsent(index.kind(), k -> new ArrayList<>()).add(index));
    byKind.replaceAll((kind, list) -> List.copyOf(list));
    this.indexesByKind = Map.copyOf(byKind);
  }

  /**
   * @throws IllegalArgumentException if two different kinds share a name (the name is the durable key)
   */
  public static KindRegistry of(Collection<? extends Kind<?>> kinds) {
    Map<String, Kind<?>> byName = new LinkedHashMap<>();
    for (Kind<?> kind : kinds) {
      Kind<?> previous = byName.putIfAbsent(kind.name(), kind);
      if (previous != null && !previous.equals(kind)) {
        throw new IllegalArgumentException("two kinds are named '" + kind.name() + "': "
            + previous.type().getName() + " and " + kind.type().getName());
      }
    }
    return new KindRegistry(Map.copyOf(byName), List.of());
  }

  /** This registry and some more kinds. */
  public KindRegistry with(Kind<?>... more) {
    return with(List.of(more));
  }

  /** This registry and some more kinds: another service's, say. */
  public KindRegistry with(Collection<? extends Kind<?>> more) {
    List<Kind<?>> all = new ArrayList<>(byName.values());
    all.addAll(more);
    return of(all).withIndexes(indexes);
  }

  /**
   * This registry and some indexes, which a store given it keeps up to date.
   *
   * @throws IllegalArgumentException if an index is over a kind not registered, or two of one kind share a name
   */
  public KindRegistry withIndexes(Collection<? extends Index<?>> more) {
    List<Index<?>> all = new ArrayList<>(indexes);
    for (Index<?> index : more) {
      require(index.kind());
      if (all.stream().anyMatch(i -> i.kind().equals(index.kind()) && i.name().equals(index.name()))) {
        throw new IllegalArgumentException("two indexes of kind '" + index.kind().name() + "' are named '"
            + index.name() + "'");
      }
      all.add(index);
    }
    return new KindRegistry(byName, List.copyOf(all));
  }

  /** Every index a store given this registry keeps. */
  public List<Index<?>> indexes() {
    return indexes;
  }

  /** The indexes kept over {@code kind}. */
  public List<Index<?>> indexes(Kind<?> kind) {
    return indexesByKind.getOrDefault(kind, List.of());
  }

  public boolean indexed(Index<?> index) {
    return indexes.contains(index);
  }

  public Optional<Kind<?>> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public boolean contains(Kind<?> kind) {
    return kind.equals(byName.get(kind.name()));
  }

  /** Every registered kind, ordered by name. */
  public List<Kind<?>> kinds() {
    return byName.values().stream().sorted(java.util.Comparator.comparing(Kind::name)).toList();
  }

  /** @throws IllegalArgumentException naming the kind when it is not registered */
  public void require(Kind<?> kind) {
    if (!contains(kind)) {
      throw new IllegalArgumentException("kind '" + kind.name() + "' (" + kind.type().getName()
          + ") is not registered: add it to the KindRegistry the composition root builds");
    }
  }
}
