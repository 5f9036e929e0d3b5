package dev.ecsemulator.core.state;

import dev.ecsemulator.core.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link StateStore} that keeps everything in memory. Each scope has its own read-write lock; a
 * write buffers its changes in an overlay and applies them only when the mutation returns normally.
 * Subclasses may make commits durable by overriding {@link #beforeApply}.
 */
public class InMemoryStateStore implements StateStore {

  private final ConcurrentSkipListMap<Scope, ScopeState> scopes = new ConcurrentSkipListMap<>();
  private final List<Consumer<List<Change>>> listeners = new CopyOnWriteArrayList<>();
  /** Null: any kind may be written. */
  private final KindRegistry kinds;

  /** A store that accepts any kind. */
  public InMemoryStateStore() {
    this(null);
  }

  /**
   * A store that accepts only the registered kinds: {@link StateTxn#put} of any other throws
   * {@link IllegalArgumentException}. The emulator uses this even when ephemeral, so a kind missing from
   * the registry fails in every test, not only with durable state.
   */
  public InMemoryStateStore(KindRegistry kinds) {
    this.kinds = kinds;
  }

  private static final class ScopeState {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Map<Kind<?>, NavigableMap<String, Object>> tables = new HashMap<>();

    NavigableMap<String, Object> table(Kind<?> kind) {
      return tables.getOrDefault(kind, EMPTY);
    }

    private static final NavigableMap<String, Object> EMPTY = new TreeMap<>();
  }

  @Override
  public <R> R read(Scope scope, Function<StateView, R> query) {
    ScopeState state = scopes.get(scope);
    if (state == null) {
      return query.apply(EmptyView.INSTANCE);
    }
    state.lock.readLock().lock();
    try {
      return query.apply(new CommittedView(state));
    } finally {
      state.lock.readLock().unlock();
    }
  }

  @Override
  public <R> R write(Scope scope, Function<StateTxn, R> mutation) {
    ScopeState state = scopes.computeIfAbsent(scope, s -> new ScopeState());
    List<Change> changes;
    R result;
    state.lock.writeLock().lock();
    try {
      Txn txn = new Txn(scope, state, kinds);
      result = mutation.apply(txn);
      changes = txn.changes();
      if (!changes.isEmpty()) {
        beforeApply(changes);
        txn.apply();
      }
    } finally {
      state.lock.writeLock().unlock();
    }
    if (!changes.isEmpty()) {
      notifyListeners(changes);
    }
    return result;
  }

  /**
   * Called under the scope's write lock with the changes about to be applied. A durable subclass writes
   * them out here; if it throws, nothing is applied and the write fails.
   */
  protected void beforeApply(List<Change> changes) {}

  @Override
  public List<Scope> scopes() {
    return List.copyOf(scopes.keySet());
  }

  @Override
  public void clear() {
    for (Scope scope : scopes()) {
      write(scope, txn -> {
        Txn t = (Txn) txn;
        for (Map.Entry<Kind<?>, NavigableMap<String, Object>> table : t.state.tables.entrySet()) {
          for (String key : List.copyOf(table.getValue().keySet())) {
            t.remove(table.getKey(), key);
          }
        }
        return null;
      });
    }
  }

  @Override
  public void subscribe(Consumer<List<Change>> listener) {
    listeners.add(listener);
  }

  private void notifyListeners(List<Change> changes) {
    for (Consumer<List<Change>> listener : listeners) {
      listener.accept(changes);
    }
  }

  private static <V> V cast(Kind<V> kind, Object value) {
    return kind.type().cast(value);
  }

  private static final class CommittedView implements StateView {
    private final ScopeState state;

    CommittedView(ScopeState state) {
      this.state = state;
    }

    @Override
    public <V> Optional<V> get(Kind<V> kind, String key) {
      return Optional.ofNullable(state.table(kind).get(key)).map(v -> cast(kind, v));
    }

    @Override
    public <V> List<V> list(Kind<V> kind) {
      List<V> out = new ArrayList<>(state.table(kind).size());
      for (Object v : state.table(kind).values()) {
        out.add(cast(kind, v));
      }
      return out;
    }

    @Override
    public <V> List<String> keys(Kind<V> kind) {
      return List.copyOf(state.table(kind).keySet());
    }

    @Override
    public <V> List<V> listByKeyPrefix(Kind<V> kind, String keyPrefix) {
      return withPrefix(kind, state.table(kind), keyPrefix);
    }
  }

  private static <V> List<V> withPrefix(Kind<V> kind, NavigableMap<String, Object> table, String keyPrefix) {
    List<V> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : table.tailMap(keyPrefix, true).entrySet()) {
      if (!e.getKey().startsWith(keyPrefix)) {
        break;
      }
      out.add(cast(kind, e.getValue()));
    }
    return out;
  }

  private enum EmptyView implements StateView {
    INSTANCE;

    @Override
    public <V> Optional<V> get(Kind<V> kind, String key) {
      return Optional.empty();
    }

    @Override
    public <V> List<V> list(Kind<V> kind) {
      return List.of();
    }

    @Override
    public <V> List<String> keys(Kind<V> kind) {
      return List.of();
    }

    @Override
    public <V> List<V> listByKeyPrefix(Kind<V> kind, String keyPrefix) {
      return List.of();
    }
  }

  /** A write buffer over the committed tables. A null value in the overlay marks a removal. */
  private static final class Txn implements StateTxn {
    private static final Object REMOVED = new Object();

    private final Scope scope;
    private final ScopeState state;
    private final KindRegistry kinds;
    private final Map<Kind<?>, NavigableMap<String, Object>> overlay = new HashMap<>();

    Txn(Scope scope, ScopeState state, KindRegistry kinds) {
      this.scope = scope;
      this.state = state;
      this.kinds = kinds;
    }

    @Override
    public <V> Optional<V> get(Kind<V> kind, String key) {
      NavigableMap<String, Object> changed = overlay.get(kind);
      if (changed != null && changed.containsKey(key)) {
        Object v = changed.get(key);
        return v == REMOVED ? Optional.empty() : Optional.of(cast(kind, v));
      }
      return Optional.ofNullable(state.table(kind).get(key)).map(v -> cast(kind, v));
    }

    @Override
    public <V> List<V> list(Kind<V> kind) {
      List<V> out = new ArrayList<>();
      merged(kind).values().forEach(v -> out.add(cast(kind, v)));
      return out;
    }

    @Override
    public <V> List<String> keys(Kind<V> kind) {
      return List.copyOf(merged(kind).keySet());
    }

    @Override
    public <V> List<V> listByKeyPrefix(Kind<V> kind, String keyPrefix) {
      return withPrefix(kind, merged(kind), keyPrefix);
    }

    /** The committed table with this transaction's writes laid over it. */
    private NavigableMap<String, Object> merged(Kind<?> kind) {
      NavigableMap<String, Object> changed = overlay.get(kind);
      if (changed == null) {
        return state.table(kind);
      }
      TreeMap<String, Object> merged = new TreeMap<>(state.table(kind));
      changed.forEach((k, v) -> {
        if (v == REMOVED) {
          merged.remove(k);
        } else {
          merged.put(k, v);
        }
      });
      return merged;
    }

    @Override
    public <V> void put(Kind<V> kind, String key, V value) {
      if (value == null) {
        throw new IllegalArgumentException("null value for " + kind + "/" + key + ": use remove");
      }
      if (kinds != null) {
        kinds.require(kind);
      }
      overlay.computeIfAbsent(kind, k -> new TreeMap<>()).put(key, kind.type().cast(value));
    }

    @Override
    public <V> boolean remove(Kind<V> kind, String key) {
      boolean existed = get(kind, key).isPresent();
      if (existed) {
        overlay.computeIfAbsent(kind, k -> new TreeMap<>()).put(key, REMOVED);
      }
      return existed;
    }

    List<Change> changes() {
      List<Change> out = new ArrayList<>();
      overlay.forEach((kind, entries) -> entries.forEach((key, after) -> {
        Object before = state.table(kind).get(key);
        Object now = after == REMOVED ? null : after;
        if (before != now && (before == null || !before.equals(now))) {
          out.add(new Change(scope, kind, key, before, now));
        }
      }));
      return out;
    }

    void apply() {
      overlay.forEach((kind, entries) -> {
        NavigableMap<String, Object> table = state.tables.computeIfAbsent(kind, k -> new TreeMap<>());
        entries.forEach((key, v) -> {
          if (v == REMOVED) {
            table.remove(key);
          } else {
            table.put(key, v);
          }
        });
      });
    }
  }
}
