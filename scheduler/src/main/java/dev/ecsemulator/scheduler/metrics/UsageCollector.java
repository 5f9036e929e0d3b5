package dev.ecsemulator.scheduler.metrics;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.task.ContainerStatus;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.metrics.Utilization.Reading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads every running task's usage: one {@link ContainerStats} call per container of a RUNNING task, made
 * {@link ContainerStats#parallelism()} at a time, nothing when no task runs. CPU use is the growth of the container's
 * CPU time since its previous sample over the time between them (so a task's first period has no CPU reading), in CPU
 * units (1024 a core). Not thread-safe: one caller (the loop); {@link #close} ends its reading threads.
 */
final class UsageCollector implements AutoCloseable {

  private static final double MIB = 1024.0 * 1024.0;

  private final StateStore store;
  private final ContainerStats stats;
  private final ThreadPoolExecutor readers;
  /** The previous sample of each container, dropped when the container is no longer read. */
  private Map<String, ContainerStats.Sample> previous = new HashMap<>();
  private int lastCalls;
  /** CPU time the reading threads spent in reads, for the loop's totals. */
  private final AtomicLong readCpuNanos = new AtomicLong();

  UsageCollector(StateStore store, ContainerStats stats) {
    this.store = store;
    this.stats = stats;
    int threads = Math.max(1, stats.parallelism());
    this.readers = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread thread = new Thread(r, "ecs-emulator-metrics-stats");
          thread.setDaemon(true);
          return thread;
        });
    readers.allowCoreThreadTimeOut(true); // no thread is kept between periods of a minute
  }

  @Override
  public void close() {
    readers.shutdownNow();
  }

  /** How many stats calls the last {@link #collect} made. */
  int lastCalls() {
    return lastCalls;
  }

  /** The readings of every scope's running tasks; scopes without any are absent. */
  Map<Scope, List<Reading>> collect() {
    Map<Scope, List<Running>> running = new LinkedHashMap<>();
    for (Scope scope : store.scopes()) {
      List<Running> tasks = store.read(scope, UsageCollector::running);
      if (!tasks.isEmpty()) {
        running.put(scope, tasks);
      }
    }
    Map<String, Future<Optional<ContainerStats.Sample>>> reads = new HashMap<>();
    running.values().forEach(tasks -> tasks.forEach(task -> containers(task.task()).forEach(id ->
        reads.put(id, readers.submit(() -> timedRead(id))))));
    lastCalls = reads.size();
    Map<String, ContainerStats.Sample> current = new HashMap<>();
    Map<Scope, List<Reading>> readings = new LinkedHashMap<>();
    running.forEach((scope, tasks) -> {
      for (Running task : tasks) {
        reading(task, reads, current).ifPresent(r -> readings.computeIfAbsent(scope, s -> new ArrayList<>()).add(r));
      }
    });
    previous = current;
    return readings;
  }

  /** CPU seconds the reading threads have spent reading (the loop thread's own are counted by the loop). */
  double readCpuSeconds() {
    return readCpuNanos.get() / 1e9;
  }

  private Optional<ContainerStats.Sample> timedRead(String id) throws IOException {
    long before = ThreadCpu.nanos();
    try {
      return stats.read(id);
    } finally {
      long after = ThreadCpu.nanos();
      if (before >= 0 && after >= 0) {
        readCpuNanos.addAndGet(after - before);
      }
    }
  }

  /** The Docker IDs of a task's running containers. */
  private static List<String> containers(Task task) {
    return (task.containers() == null ? List.<Container>of() : task.containers()).stream()
        .filter(c -> c.runtimeId() != null && ContainerStatus.RUNNING.is(c.lastStatus()))
        .map(Container::runtimeId).toList();
  }

  /** A running task with what it reserves. */
  private record Running(Task task, int cpuReserved, int memoryReserved) {}

  private static List<Running> running(StateView view) {
    List<Running> running = new ArrayList<>();
    for (Task task : view.list(EcsKinds.TASK, t -> TaskStatus.RUNNING.is(t.lastStatus()))) {
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

  private Optional<Reading> reading(Running running,
      Map<String, Future<Optional<ContainerStats.Sample>>> reads,
      Map<String, ContainerStats.Sample> current) {
    Task task = running.task();
    double cpu = 0;
    boolean cpuKnown = true;
    double memory = 0;
    boolean any = false;
    for (String id : containers(task)) {
      Optional<ContainerStats.Sample> sample;
      try {
        sample = reads.get(id).get();
      } catch (ExecutionException e) {
        return Optional.empty(); // the engine did not answer: no reading of this task this period
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      if (sample.isEmpty()) {
        continue;
      }
      any = true;
      ContainerStats.Sample now = sample.get();
      current.put(id, now);
      memory += now.memoryBytes() / MIB;
      ContainerStats.Sample before = previous.get(id);
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
