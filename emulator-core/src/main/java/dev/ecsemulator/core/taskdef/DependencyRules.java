package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerDependency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dependsOn} rules (Model ContainerDependency docs): the dependency must exist; COMPLETE and SUCCESS
 * cannot name an essential container; HEALTHY needs a health check on the dependency; and, so that every task
 * can start, the dependencies form no cycle. Pure.
 */
final class DependencyRules {

  private DependencyRules() {}

  static void check(List<ContainerDefinition> containers) {
    Map<String, ContainerDefinition> byName = new HashMap<>();
    containers.forEach(c -> byName.put(c.name(), c));
    for (ContainerDefinition c : containers) {
      for (ContainerDependency d : dependencies(c)) {
        ContainerDefinition target = byName.get(d.containerName());
        if (target == null) {
          throw new ClientException(Messages.dependencyMissing(d.containerName()));
        }
        boolean needsExit = "COMPLETE".equals(d.condition()) || "SUCCESS".equals(d.condition());
        if (needsExit && Boolean.TRUE.equals(target.essential())) {
          throw new ClientException(Messages.DEPENDENCY_ON_ESSENTIAL);
        }
        if ("HEALTHY".equals(d.condition()) && target.healthCheck() == null) {
          throw new ClientException(Messages.DEPENDENCY_NEEDS_HEALTH_CHECK);
        }
      }
    }
    Map<String, Integer> state = new HashMap<>();
    for (ContainerDefinition c : containers) {
      if (hasCycle(c.name(), byName, state)) {
        throw new ClientException(Messages.dependencyCycle(c.name()));
      }
    }
  }

  /** Depth-first search; state 1 = on the current path, 2 = finished. */
  private static boolean hasCycle(String name, Map<String, ContainerDefinition> byName, Map<String, Integer> state) {
    Integer s = state.get(name);
    if (s != null) {
      return s == 1;
    }
    state.put(name, 1);
    for (ContainerDependency d : dependencies(byName.get(name))) {
      if (hasCycle(d.containerName(), byName, state)) {
        return true;
      }
    }
    state.put(name, 2);
    return false;
  }

  private static List<ContainerDependency> dependencies(ContainerDefinition c) {
    return c.dependsOn() == null ? List.of() : c.dependsOn().stream().filter(d -> d != null).toList();
  }
}
