package dev.ecsemulator.scheduler.metrics;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.scheduler.metrics.Utilization.Reading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every running task's usage: one {@link ContainerStats} call per container of a RUNNING task, nothing when no
 * task runs. CPU use is the growth of the container's CPU time since its previous sample over the time between them
 * (so a task's first period has no CPU reading), in CPU units (1024 a core). Not thread-safe: one caller (the loop).
 */
final class UsageCollector {

  private static final double MIB = 1024.0 * 1024.0;

  private final StateStore store;
  private final ContainerStats stats;
  /** The previous sample of each container, dropped when the container is no longer read. */
  private Map<String, ContainerStats.Sample> previous = new HashMap<>();
  private int lastCalls;

  UsageCollector(StateStore store, ContainerStats stats) {
    this.store = store;
    this.stats = stats;
  }

  /** How many stats calls the last {@link #collect} made. */
  int lastCalls() {
    return lastCalls;
  }

  /** The readings of every scope's running tasks; scopes without any are absent. */
  Map<Scope, List<Reading>> collect() {
    Map<String, ContainerStats.Sample> current = new HashMap<>();
    Map<Scope, List<Reading>> readings = new LinkedHashMap<>();
    lastCalls = 0;
    for (Scope scope : store.scopes()) {
      List<Running> running = store.read(scope, UsageCollector::running);
      for (Running task : running) {
        reading(task, current).ifPresent(r -> readings.computeIfAbsent(scope, s -> new ArrayList<>()).add(r));
      }
    }
    previous = current;
    return readings;
  }

  /** A running task with what it reserves. */
  private record Running(Task task, int cpuReserved, int memoryReserved) {}

  private static List<Running> running(StateView view) {
    List<Running> running = new ArrayList<>();
    for (Task task : view.list(EcsKinds.TASK, t -> "RUNNING".equals(t.lastStatus()))) {
      List<ContainerDefinition> containers = definition(view, task.taskDefinitionArn())
          .map(TaskDefinition::containerDefinitions).orElse(List.of());
      running.add(new Running(task, Reservations.cpu(task, containers), Reservations.memory(task, containers)));
    }
    return running;
  }

  private static Optional<TaskDefinition> definition(StateView view, String arn) {
    int slash = arn == null ? -1 : arn.lastIndexOf('/');
    int colon = arn == null ? -1 : arn.lastIndexOf(':');
    if (slash < 0 || colon < slash) {
      return Optional.empty();
    }
    try {
      long revision = Long.parseLong(arn.substring(colon + 1));
      return view.get(EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey(arn.substring(slash + 1, colon), revision));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<Reading> reading(Running running, Map<String, ContainerStats.Sample> current) {
    Task task = running.task();
    double cpu = 0;
    boolean cpuKnown = true;
    double memory = 0;
    boolean any = false;
    for (Container container : task.containers() == null ? List.<Container>of() : task.containers()) {
      if (container.runtimeId() == null || !"RUNNING".equals(container.lastStatus())) {
        continue;
      }
      Optional<ContainerStats.Sample> sample;
      try {
        lastCalls++;
        sample = stats.read(container.runtimeId());
      } catch (IOException e) {
        return Optional.empty(); // the engine does not answer: no reading this period
      }
      if (sample.isEmpty()) {
        continue;
      }
      any = true;
      ContainerStats.Sample now = sample.get();
      current.put(container.runtimeId(), now);
      memory += now.memoryBytes() / MIB;
      ContainerStats.Sample before = previous.get(container.runtimeId());
      if (before == null || now.readNanos() <= before.readNanos() || now.cpuNanos() < before.cpuNanos()) {
        cpuKnown = false;
      } else {
        cpu += 1024.0 * (now.cpuNanos() - before.cpuNanos()) / (now.readNanos() - before.readNanos());
      }
    }
    if (!any) {
      return Optional.empty();
    }
    String group = task.group();
    String service = group != null && group.startsWith("service:") ? group.substring("service:".length()) : null;
    String cluster = task.clusterArn().substring(task.clusterArn().lastIndexOf('/') + 1);
    return Optional.of(new Reading(cluster, service, running.cpuReserved(), running.memoryReserved(),
        cpuKnown ? cpu : null, memory));
  }
}
