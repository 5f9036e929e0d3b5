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

  private KindRegistry(Map<String, Kind<?>> byName) {
    this.byName = byName;
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
    return new KindRegistry(Map.copyOf(byName));
  }

  /** This registry and some more kinds. */
  public KindRegistry with(Kind<?>... more) {
    List<Kind<?>> all = new ArrayList<>(byName.values());
    all.addAll(List.of(more));
    return of(all);
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
