package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerDependency;
import dev.ecsemulator.core.model.TaskDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which containers of a launching task may start now, by their {@code dependsOn} conditions (agent
 * {@code dependencygraph/graph.go}; ecs-semantics.md §2). Pure.
 *
 * <ul>
 *   <li>START: the dependency is RUNNING, or has already stopped;
 *   <li>COMPLETE: the dependency has stopped, with any exit code;
 *   <li>SUCCESS: the dependency has stopped with exit code 0; any other code fails the task at once;
 *   <li>HEALTHY: the dependency reports HEALTHY; stopping first fails the task.
 * </ul>
 *
 * {@code startTimeout} is the dependency's, counted from the dependency's start, and applies to
 * COMPLETE, SUCCESS and HEALTHY: when it expires with the condition unmet, the task fails.
 */
public final class DependencyGate {

  /** What the gate sees of one container. */
  public record State(boolean created, boolean started, boolean stopped, Integer exitCode, boolean healthy,
      Instant startedAt) {

    public static final State NOT_CREATED = new State(false, false, false, null, false, null);
  }

  /**
   * @param startable containers to start now, in definition order
   * @param failure why the task cannot start (ECS stoppedReason), or empty
   * @param wakeAt when a startTimeout would expire, to check again then
   */
  public record Decision(List<String> startable, Optional<String> failure, Optional<Instant> wakeAt) {}

  private DependencyGate() {}

  /**
   * Which containers may start now.
   *
   * @param definition a definition {@link TaskRecords#gaps(dev.ecsemulator.core.model.Task, TaskDefinition)}
   *     finds nothing wrong with: every container named, every dependsOn naming one of them with a known
   *     condition (the task runner stops a task whose definition is not so before it gets here)
   */
  public static Decision evaluate(TaskDefinition definition, Map<String, State> states, Instant now) {
    Map<String, ContainerDefinition> byName = new HashMap<>();
    definition.containerDefinitions().forEach(cd -> byName.put(cd.name(), cd));
    List<String> startable = new ArrayList<>();
    Instant wake = null;
    for (ContainerDefinition cd : definition.containerDefinitions()) {
      State self = states.getOrDefault(cd.name(), State.NOT_CREATED);
      if (!self.created() || self.started() || self.stopped()) {
        continue;
      }
      boolean ready = true;
      for (ContainerDependency dep : cd.dependsOn() == null ? List.<ContainerDependency>of() : cd.dependsOn()) {
        State other = states.getOrDefault(dep.containerName(), State.NOT_CREATED);
        String condition = dep.condition();
        boolean met = switch (condition) {
          case "START" -> other.started() || other.stopped();
          case "COMPLETE" -> other.stopped();
          case "SUCCESS" -> other.stopped() && Integer.valueOf(0).equals(other.exitCode());
          case "HEALTHY" -> other.healthy();
          default -> false;
        };
        if (met) {
          continue;
        }
        ready = false;
        if (condition.equals("SUCCESS") && other.stopped()) {
          return failed("Dependency condition SUCCESS of container " + cd.name() + " failed: container "
              + dep.containerName() + " exited with code " + other.exitCode() + ".");
        }
        if (condition.equals("HEALTHY") && other.stopped()) {
          return failed("Dependency condition HEALTHY of container " + cd.name() + " failed: container "
              + dep.containerName() + " stopped before it was healthy.");
        }
        ContainerDefinition depDef = byName.get(dep.containerName());
        if (!condition.equals("START") && depDef != null && depDef.startTimeout() != null && other.startedAt() != null) {
          Instant deadline = other.startedAt().plus(Duration.ofSeconds(depDef.startTimeout()));
          if (!now.isBefore(deadline)) {
            return failed("Dependency condition " + condition + " of container " + cd.name()
                + " was not met within the startTimeout of container " + dep.containerName() + " ("
                + depDef.startTimeout() + " s).");
          }
          wake = wake == null || deadline.isBefore(wake) ? deadline : wake;
        }
      }
      if (ready) {
        startable.add(cd.name());
      }
    }
    return new Decision(startable, Optional.empty(), Optional.ofNullable(wake));
  }

  /**
   * The order to stop containers in: those that depend on others first (reverse of start order).
   * {@code definition} as for {@link #evaluate}.
   */
  public static List<List<String>> stopOrder(TaskDefinition definition) {
    Map<String, Integer> level = new HashMap<>();
    for (ContainerDefinition cd : definition.containerDefinitions()) {
      levelOf(cd.name(), definition, level, 0);
    }
    int max = level.values().stream().max(Integer::compare).orElse(0);
    List<List<String>> out = new ArrayList<>();
    for (int l = max; l >= 0; l--) {
      List<String> names = new ArrayList<>();
      for (ContainerDefinition cd : definition.containerDefinitions()) {
        if (level.get(cd.name()) == l) {
          names.add(cd.name());
        }
      }
      out.add(names);
    }
    return out;
  }

  /** A container's depth in the dependency graph: 0 without dependencies. Cycles are refused at registration. */
  private static int levelOf(String name, TaskDefinition definition, Map<String, Integer> memo, int guard) {
    Integer known = memo.get(name);
    if (known != null) {
      return known;
    }
    int level = 0;
    if (guard < 64) {
      for (ContainerDefinition cd : definition.containerDefinitions()) {
        if (cd.name().equals(name) && cd.dependsOn() != null) {
          for (ContainerDependency dep : cd.dependsOn()) {
            level = Math.max(level, 1 + levelOf(dep.containerName(), definition, memo, guard + 1));
          }
        }
      }
    }
    memo.put(name, level);
    return level;
  }

  private static Decision failed(String reason) {
    return new Decision(List.of(), Optional.of(reason), Optional.empty());
  }
}
