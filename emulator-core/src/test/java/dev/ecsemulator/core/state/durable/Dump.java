package dev.ecsemulator.core.state.durable;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import java.util.Map;
import java.util.TreeMap;

/** The whole content of a store as nested sorted maps (scope, kind name, key), for equality checks. */
final class Dump {

  private Dump() {}

  static Map<Scope, Map<String, Map<String, Object>>> of(StateStore store, KindRegistry kinds) {
    Map<Scope, Map<String, Map<String, Object>>> out = new TreeMap<>();
    for (Scope scope : store.scopes()) {
      Map<String, Map<String, Object>> tables = store.read(scope, view -> {
        Map<String, Map<String, Object>> t = new TreeMap<>();
        for (Kind<?> kind : kinds.kinds()) {
          Map<String, Object> table = new TreeMap<>();
          for (String key : view.keys(kind)) {
            table.put(key, view.get(kind, key).orElseThrow());
          }
          if (!table.isEmpty()) {
            t.put(kind.name(), table);
          }
        }
        return t;
      });
      if (!tables.isEmpty()) {
        out.put(scope, tables);
      }
    }
    return out;
  }
}
