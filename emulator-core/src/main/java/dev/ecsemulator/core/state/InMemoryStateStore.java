package dev.ecsemulator.core.state;

import dev.ecsemulator.core.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link StateStore} that keeps everything in memory. Each scope has a writer lock, held by one mutation at a
 * time, and a read-write lock over its tables, held exclusively only while committed changes are applied; a write
 * buffers its changes in an overlay and hands them on only when the mutation returns normally.
 *
 * <p>A {@link CommitLog} may make commits durable. Commits of one scope are pipelined then: a writer hands its
 * changes to the log and releases the writer lock at once, so the next writer of the scope builds on them while they
 * are being synced (and one sync can cover both), but readers and listeners see a commit only once it is durable, and
 * {@link #write} returns only then. A commit that fails to become durable is dropped, and so is every commit built on
 * it (durability fails for them too).
 */
public final class InMemoryStateStore implements StateStore {

  private static final long DURABLE_NOW = CommitLog.DURABLE_NOW;

  private final ConcurrentSkipListMap<Scope, ScopeState> scopes = new ConcurrentSkipListMap<>();
  private final List<Consumer<List<Change>>> listeners = new CopyOnWriteArrayList<>();
  /** Null: any kind may be written. */
  private final KindRegistry kinds;
  /** The indexes the registry names: kept for every scope. */
  private final List<Index<?>> indexes;
  private final CommitLog log;

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
    this(kinds, CommitLog.IN_MEMORY);
  }

  /** A store as {@link #InMemoryStateStore(KindRegistry)} whose commits go through {@code log} first. */
  public InMemoryStateStore(KindRegistry kinds, CommitLog log) {
    this.kinds = kinds;
    this.indexes = kinds == null ? List.of() : kinds.indexes();
    this.log = log;
  }

  private static final class ScopeState {
    ScopeState(List<Index<?>> indexes) {
      indexes.forEach(index -> groups.put(index, new HashMap<>()));
    }

    /** One mutation at a time; also taken to move commits from {@link #pending} into the tables. */
    final ReentrantLock writer = new ReentrantLock();
    /** Readers share it; applying commits to the tables takes it exclusively. */
    final ReentrantReadWriteLock tablesLock = new ReentrantReadWriteLock();
    /** What readers see: durable commits only. */
    final Map<Kind<?>, NavigableMap<String, Object>> tables = new HashMap<>();
    /** Commits handed to durability and not yet applied, oldest first. Guarded by {@link #writer}. */
    final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** Each kept index of the tables: value, then key, then entity. Changed with the tables. */
    final Map<Index<?>, Map<String, NavigableMap<String, Object>>> groups = new HashMap<>();

    NavigableMap<String, Object> table(Kind<?> kind) {
      return tables.getOrDefault(kind, EMPTY);
    }

    private static final NavigableMap<String, Object> EMPTY = new TreeMap<>();
  }

  /**
   * A commit on its way to disk: its ticket and its writes (a {@link Txn#REMOVED} value marks a removal). Compared
   * by identity: two commits may write the same.
   */
  private static final class Pending {
    private final long ticket;
    private final Map<Kind<?>, NavigableMap<String, Object>> writes;

    Pending(long ticket, Map<Kind<?>, NavigableMap<String, Object>> writes) {
      this.ticket = ticket;
      this.writes = writes;
    }

    long ticket() {
      return ticket;
    }

    Map<Kind<?>, NavigableMap<String, Object>> writes() {
      return writes;
    }
  }

  @Override
  public <R> R read(Scope scope, Function<StateView, R> query) {
    ScopeState state = scopes.get(scope);
    if (state == null) {
      return query.apply(EmptyView.INSTANCE);
    }
    state.tablesLock.readLock().lock();
    try {
      return query.apply(new CommittedView(state));
    } finally {
      state.tablesLock.readLock().unlock();
    }
  }

  @Override
  public <R> R write(Scope scope, Function<StateTxn, R> mutation) {
    ScopeState state = scopes.computeIfAbsent(scope, s -> new ScopeState(indexes));
    List<Change> changes;
    R result;
    Pending mine = null;
    long waitFor = DURABLE_NOW;
    state.writer.lock();
    try {
      Txn txn = new Txn(scope, state, kinds);
      result = mutation.apply(txn);
      changes = txn.changes();
      long previous = lastTicket(state);
      if (!changes.isEmpty()) {
        long ticket = log.enqueue(changes);
        if (ticket == DURABLE_NOW && state.pending.isEmpty()) {
          apply(state, List.of(txn.overlay));
        } else {
          mine = new Pending(ticket, txn.overlay);
          state.pending.add(mine);
          waitFor = ticket == DURABLE_NOW ? previous : ticket;
        }
      } else {
        // It may have read commits not yet durable: its answer must not leave before they are.
        waitFor = previous;
      }
    } finally {
      state.writer.unlock();
    }
    if (waitFor != DURABLE_NOW) {
      try {
        log.awaitDurable(waitFor);
      } catch (RuntimeException | Error e) {
        if (mine != null) {
          drop(state, mine);
        }
        throw e;
      }
    }
    if (mine != null) {
      publish(state);
    }
    if (!changes.isEmpty()) {
      notifyListeners(changes);
    }
    return result;
  }

  /** The newest ticket among the scope's pending commits (those that wait for it come after it), or none. */
  private static long lastTicket(ScopeState state) {
    for (Iterator<Pending> newestFirst = state.pending.descendingIterator(); newestFirst.hasNext(); ) {
      long ticket = newestFirst.next().ticket();
      if (ticket != DURABLE_NOW) {
        return ticket;
      }
    }
    return DURABLE_NOW;
  }

  /**
   * Applies the scope's durable commits that wait in line to be applied. {@link #write} does it before it returns;
   * the owner of a durable {@link CommitLog} calls it before reading a scope that must hold every commit durable so
   * far (a snapshot).
   */
  public void publishDurable(Scope scope) {
    ScopeState state = scopes.get(scope);
    if (state != null) {
      publish(state);
    }
  }

  private void publish(ScopeState state) {
    state.writer.lock();
    try {
      List<Map<Kind<?>, NavigableMap<String, Object>>> ready = new ArrayList<>();
      for (Pending p : state.pending) {
        if (p.ticket() != DURABLE_NOW && !log.isDurable(p.ticket())) {
          break;
        }
        ready.add(p.writes());
      }
      if (!ready.isEmpty()) {
        apply(state, ready);
        for (int i = 0; i < ready.size(); i++) {
          state.pending.poll();
        }
      }
    } finally {
      state.writer.unlock();
    }
  }

  private void drop(ScopeState state, Pending failed) {
    state.writer.lock();
    try {
      state.pending.remove(failed);
    } finally {
      state.writer.unlock();
    }
  }

  /** Applies commits, oldest first, to the tables readers see and to their indexes. Caller holds the writer lock. */
  private void apply(ScopeState state, List<Map<Kind<?>, NavigableMap<String, Object>>> commits) {
    state.tablesLock.writeLock().lock();
    try {
      for (Map<Kind<?>, NavigableMap<String, Object>> writes : commits) {
        writes.forEach((kind, entries) -> {
          NavigableMap<String, Object> table = state.tables.computeIfAbsent(kind, k -> new TreeMap<>());
          List<Index<?>> kept = kinds == null ? List.of() : kinds.indexes(kind);
          entries.forEach((key, v) -> {
            Object before = v == Txn.REMOVED ? table.remove(key) : table.put(key, v);
            for (Index<?> index : kept) {
              regroup(state.groups.get(index), index, key, before, v == Txn.REMOVED ? null : v);
            }
          });
        });
      }
    } finally {
      state.tablesLock.writeLock().unlock();
    }
  }

  private static void regroup(Map<String, NavigableMap<String, Object>> groups, Index<?> index, String key,
      Object before, Object after) {
    String was = before == null ? null : index.valueOf(before);
    String is = after == null ? null : index.valueOf(after);
    if (was != null && !was.equals(is)) {
      NavigableMap<String, Object> group = groups.get(was);
      group.remove(key);
      if (group.isEmpty()) {
        groups.remove(was);
      }
    }
    if (is != null) {
      groups.computeIfAbsent(is, v -> new TreeMap<>()).put(key, after);
    }
  }

  @Override
  public List<Scope> scopes() {
    return List.copyOf(scopes.keySet());
  }

  @Override
  public void clear() {
    for (Scope scope : scopes()) {
      write(scope, txn -> {
        Txn t = (Txn) txn;
        for (Kind<?> kind : t.kindsHeld()) {
          for (String key : t.keys(kind)) {
            t.remove(kind, key);
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

    @Override
    public <V> List<V> listByIndex(Index<V> index, String value) {
      Map<String, NavigableMap<String, Object>> groups = state.groups.get(index);
      NavigableMap<String, Object> group = groups == null ? state.table(index.kind()) : groups.get(value);
      return inGroup(index, group, value, groups == null);
    }
  }

  /** The entities of {@code group} (all of them, or those with {@code value} when it must be checked), cast. */
  private static <V> List<V> inGroup(Index<V> index, NavigableMap<String, Object> group, String value, boolean check) {
    if (group == null) {
      return List.of();
    }
    List<V> out = new ArrayList<>(check ? 8 : group.size());
    for (Object v : group.values()) {
      if (!check || value.equals(index.valueOf(v))) {
        out.add(cast(index.kind(), v));
      }
    }
    return out;
  }

  private static <V> List<V> withPrefix(Kind<V> kind, NavigableMap<String, Object> table, String keyPrefix) {
    List<V> out = new ArrayList<>();
    forEachWithPrefix(table, keyPrefix, (key, value) -> out.add(cast(kind, value)));
    return out;
  }

  /** The entries whose keys start with {@code keyPrefix}, in key order: a range of the sorted keys, not a scan. */
  private static void forEachWithPrefix(NavigableMap<String, Object> table, String keyPrefix,
      java.util.function.BiConsumer<String, Object> action) {
    for (Map.Entry<String, Object> e : table.tailMap(keyPrefix, true).entrySet()) {
      if (!e.getKey().startsWith(keyPrefix)) {
        break;
      }
      action.accept(e.getKey(), e.getValue());
    }
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

    @Override
    public <V> List<V> listByIndex(Index<V> index, String value) {
      return List.of();
    }
  }

  /**
   * A write buffer over the scope's state as writers see it: the tables, then the commits still on their way to
   * disk, oldest first, then this transaction's own writes. Used under the scope's writer lock only.
   */
  private static final class Txn implements StateTxn {
    static final Object REMOVED = new Object();

    private final Scope scope;
    private final ScopeState state;
    private final KindRegistry kinds;
    final Map<Kind<?>, NavigableMap<String, Object>> overlay = new HashMap<>();

    Txn(Scope scope, ScopeState state, KindRegistry kinds) {
      this.scope = scope;
      this.state = state;
      this.kinds = kinds;
    }

    @Override
    public <V> Optional<V> get(Kind<V> kind, String key) {
      Object v = current(kind, key);
      return v == null ? Optional.empty() : Optional.of(cast(kind, v));
    }

    /** The value as of this transaction, or null when absent. */
    private Object current(Kind<?> kind, String key) {
      NavigableMap<String, Object> changed = overlay.get(kind);
      if (changed != null && changed.containsKey(key)) {
        return unremoved(changed.get(key));
      }
      return base(kind, key);
    }

    /** The value before this transaction: the newest pending commit that wrote it, else the tables. */
    private Object base(Kind<?> kind, String key) {
      for (Iterator<Pending> newestFirst = state.pending.descendingIterator(); newestFirst.hasNext(); ) {
        NavigableMap<String, Object> written = newestFirst.next().writes().get(kind);
        if (written != null && written.containsKey(key)) {
          return unremoved(written.get(key));
        }
      }
      return state.table(kind).get(key);
    }

    private static Object unremoved(Object v) {
      return v == REMOVED ? null : v;
    }

    @Override
    public <V> List<V> list(Kind<V> kind) {
      List<V> out = new ArrayList<>();
      merged(kind, null).values().forEach(v -> out.add(cast(kind, v)));
      return out;
    }

    @Override
    public <V> List<String> keys(Kind<V> kind) {
      return List.copyOf(merged(kind, null).keySet());
    }

    @Override
    public <V> List<V> listByKeyPrefix(Kind<V> kind, String keyPrefix) {
      return withPrefix(kind, merged(kind, keyPrefix), keyPrefix);
    }

    @Override
    public <V> List<V> listByIndex(Index<V> index, String value) {
      NavigableMap<String, Object> merged = merged(index.kind(), null);
      Map<String, NavigableMap<String, Object>> groups = state.groups.get(index);
      if (groups != null && merged == state.table(index.kind())) {
        return inGroup(index, groups.get(value), value, false); // nothing laid over the tables: their index holds
      }
      return inGroup(index, merged, value, true);
    }

    /** Every kind with an entity in the tables or in a pending commit (removed ones included). */
    Set<Kind<?>> kindsHeld() {
      Set<Kind<?>> held = new LinkedHashSet<>(state.tables.keySet());
      state.pending.forEach(p -> held.addAll(p.writes().keySet()));
      return held;
    }

    /**
     * The table as of this transaction, whole or only the keys that start with {@code keyPrefix}: the committed
     * table itself when nothing is laid over it, a merged copy otherwise.
     */
    private NavigableMap<String, Object> merged(Kind<?> kind, String keyPrefix) {
      List<NavigableMap<String, Object>> layers = new ArrayList<>();
      state.pending.forEach(p -> {
        NavigableMap<String, Object> written = p.writes().get(kind);
        if (written != null) {
          layers.add(written);
        }
      });
      NavigableMap<String, Object> own = overlay.get(kind);
      if (own != null) {
        layers.add(own);
      }
      if (layers.isEmpty()) {
        return state.table(kind);
      }
      TreeMap<String, Object> merged = new TreeMap<>(range(state.table(kind), keyPrefix));
      for (NavigableMap<String, Object> layer : layers) {
        range(layer, keyPrefix).forEach((k, v) -> {
          if (v == REMOVED) {
            merged.remove(k);
          } else {
            merged.put(k, v);
          }
        });
      }
      return merged;
    }

    /** The entries whose keys start with {@code keyPrefix} (all of them for null). */
    private static NavigableMap<String, Object> range(NavigableMap<String, Object> table, String keyPrefix) {
      if (keyPrefix == null) {
        return table;
      }
      NavigableMap<String, Object> out = new TreeMap<>();
      forEachWithPrefix(table, keyPrefix, out::put);
      return out;
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

    /** What this transaction changes, against the state it was built on (pending commits included). */
    List<Change> changes() {
      List<Change> out = new ArrayList<>();
      overlay.forEach((kind, entries) -> entries.forEach((key, after) -> {
        Object before = base(kind, key);
        Object now = unremoved(after);
        if (before != now && (before == null || !before.equals(now))) {
          out.add(new Change(scope, kind, key, before, now));
        }
      }));
      return out;
    }
  }
}
