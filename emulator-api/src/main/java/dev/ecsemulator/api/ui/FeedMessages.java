package dev.ecsemulator.api.ui;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.StateView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The messages of the live feed, read from one scope's state. A message lists entities as stored (the API's shapes:
 * a cluster, a service with its deployments and events, a task with its containers), each with its kind and store
 * key; a value of null means the entity is gone. The browser keeps them by key and draws from them.
 *
 * <p>Pure: every method reads the view it is given and nothing else.
 */
final class FeedMessages {

  /** The kinds the dashboard shows. */
  static final Set<Kind<?>> SHOWN = Set.of(EcsKinds.CLUSTER, EcsKinds.SERVICE, EcsKinds.TASK);

  private FeedMessages() {}

  /**
   * One entity. {@code kind} is the store's kind name ({@code cluster}, {@code service}, {@code task}); {@code key}
   * the store key ({@code cluster}, {@code cluster/service}, {@code cluster/taskId}); {@code value} null when removed.
   */
  record Entry(String kind, String key, Object value) {}

  /** A kind and key whose entity changed. */
  record Ref(Kind<?> kind, String key) {}

  /**
   * The first message a watcher gets: every shown entity of the scope.
   *
   * @param at the server's clock, so the browser can place "now" on its timeline whatever its own clock says
   * @param scopes every scope that holds state, for the browser's scope picker
   */
  record Snapshot(Scope scope, Instant at, List<Scope> scopes, List<Entry> entries) {}

  /** A later message: the entities that changed since the last one, as they are now. */
  record Changes(Scope scope, Instant at, List<Entry> entries) {}

  /** Every shown entity of the scope: clusters, services, tasks, in that order (each by key). */
  static List<Entry> all(StateView view) {
    List<Entry> entries = new ArrayList<>();
    for (Kind<?> kind : List.of(EcsKinds.CLUSTER, EcsKinds.SERVICE, EcsKinds.TASK)) {
      List<String> keys = view.keys(kind);
      for (String key : keys) {
        entries.add(new Entry(kind.name(), key, view.get(kind, key).orElse(null)));
      }
    }
    return entries;
  }

  /** The named entities as they are now (null values for those gone). */
  static List<Entry> current(StateView view, Collection<Ref> refs) {
    List<Entry> entries = new ArrayList<>(refs.size());
    for (Ref ref : refs) {
      entries.add(new Entry(ref.kind().name(), ref.key(), view.get(ref.kind(), ref.key()).orElse(null)));
    }
    return entries;
  }

  /** A message as JSON on one line (the ECS mapping: timestamps in epoch seconds, absent members left out). */
  static String json(Object message) {
    return EcsJson.compact(message);
  }
}
