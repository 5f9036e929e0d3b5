package dev.ecsemulator.scheduler.service.runner;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.CreateClusterRequest;
import dev.ecsemulator.core.model.CreateServiceRequest;
import dev.ecsemulator.core.model.DeleteServiceRequest;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceEvent;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.UpdateServiceRequest;
import dev.ecsemulator.core.service.ServiceCommands;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.task.ContainerObservation;
import dev.ecsemulator.core.task.ContainerObservation.State;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.core.taskdef.TaskDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The service engine against a real in-memory store, a steppable clock, a manual timer and a direct
 * executor (each reconcile runs on the thread whose store write triggered it), with the task engine played
 * by the test: it writes task state changes into the store through {@link TaskLifecycle}, as the engine
 * does. No Docker, no sleeping.
 */
final class EngineHarness implements AutoCloseable {

  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final String CLUSTER = "apps";

  final InMemoryStateStore store = new InMemoryStateStore();
  final SteppableClock clock = new SteppableClock(T0);
  final ManualWakeTimer timer = new ManualWakeTimer();
  final Ids ids = Ids.sequential();
  final ServiceCommands commands = new ServiceCommands(store, ids, clock);
  final TaskDefinitions taskDefinitions = new TaskDefinitions(store, clock);
  volatile boolean engineConnected = true;
  final ServiceEngine engine;

  EngineHarness() {
    new Clusters(store, clock).create(SCOPE, CreateClusterRequest.builder().clusterName(CLUSTER).build());
    engine = new ServiceEngine(store, clock, ids,
        () -> new HostResources(engineConnected, 4096, 8192, "20.10.24", "x86_64"), "emu1", Runnable::run, timer,
        new ServiceEngine.Settings(Duration.ofSeconds(30), Duration.ofSeconds(5)));
    engine.subscribe();
  }

  // ---- set-up through the real core commands -------------------------------------------------------

  /** Registers a revision of {@code family}; with a container health check when {@code healthCheck}. */
  String register(String family, String image, boolean healthCheck) {
    ContainerDefinition.Builder web = ContainerDefinition.builder().name("web").image(image).memory(64);
    if (healthCheck) {
      web.healthCheck(HealthCheck.builder()
          .command(List.of("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"))
          .interval(5).timeout(2).retries(1).build());
    }
    return taskDefinitions.register(SCOPE, RegisterTaskDefinitionRequest.builder()
        .family(family).containerDefinitions(List.of(web.build())).build()).taskDefinition().taskDefinitionArn();
  }

  Service create(Function<CreateServiceRequest.Builder, CreateServiceRequest.Builder> request) {
    return commands.create(SCOPE, request.apply(CreateServiceRequest.builder().cluster(CLUSTER).serviceName("web"))
        .build());
  }

  Service update(Function<UpdateServiceRequest.Builder, UpdateServiceRequest.Builder> request) {
    return commands.update(SCOPE, request.apply(UpdateServiceRequest.builder().cluster(CLUSTER).service("web"))
        .build());
  }

  Service delete(boolean force) {
    return commands.delete(SCOPE, DeleteServiceRequest.builder().cluster(CLUSTER).service("web").force(force).build());
  }

  /** Moves the clock and fires the wake-ups that came due. */
  void advance(Duration d) {
    clock.advance(d);
    timer.fireDue(clock.instant());
  }

  // ---- the task engine, played by hand --------------------------------------------------------------

  /** The task reaches RUNNING; its container reports {@code health} (HEALTHY, UNHEALTHY or UNKNOWN). */
  void run(String taskId, String health) {
    observe(taskId, t -> container(t, State.RUNNING, null, health));
  }

  void health(String taskId, String health) {
    run(taskId, health);
  }

  /** The essential container exits with {@code code}. */
  void exit(String taskId, int code) {
    observe(taskId, t -> container(t, State.STOPPED, code, "UNKNOWN"));
  }

  /** The task cannot start (e.g. its image cannot be pulled): PENDING straight to STOPPED. */
  void failToStart(String taskId) {
    write(taskId, t -> TaskLifecycle.failedToStart(t, "CannotPullContainerError: pull access denied", clock.instant()));
    exit(taskId, 0);
  }

  /** Every task asked to stop reaches STOPPED (its container exits on SIGTERM). */
  void finishStops() {
    tasks(t -> "STOPPED".equals(t.desiredStatus()) && !"STOPPED".equals(t.lastStatus()))
        .forEach(t -> exit(id(t), 143));
  }

  /** Every task still PENDING runs, HEALTHY when its definition has health checks. */
  void runPending() {
    tasks(t -> "PENDING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus())).forEach(t ->
        run(id(t), hasHealthCheck(t) ? "HEALTHY" : "UNKNOWN"));
  }

  private void observe(String taskId, Function<Task, ContainerObservation> seen) {
    write(taskId, t -> TaskLifecycle.observe(t, definition(t), List.of(seen.apply(t)), clock.instant()));
  }

  private void write(String taskId, Function<Task, Task> change) {
    store.write(SCOPE, txn -> {
      String key = EcsKinds.taskKey(CLUSTER, taskId);
      Task task = txn.get(TASK, key).orElseThrow();
      txn.put(TASK, key, change.apply(task));
      return null;
    });
  }

  private ContainerObservation container(Task task, State state, Integer exitCode, String health) {
    Instant now = clock.instant();
    return new ContainerObservation("web", "docker-" + id(task), state, exitCode, false, health,
        now, state == State.STOPPED ? now : null, List.of(), null);
  }

  private TaskDefinition definition(Task task) {
    return store.read(SCOPE, v -> TaskDefinitions.find(v, SCOPE, task.taskDefinitionArn()).orElseThrow());
  }

  private boolean hasHealthCheck(Task task) {
    return definition(task).containerDefinitions().get(0).healthCheck() != null;
  }

  // ---- what the store holds -------------------------------------------------------------------------

  Service service() {
    return store.read(SCOPE, v -> v.get(EcsKinds.SERVICE, EcsKinds.serviceKey(CLUSTER, "web")).orElseThrow());
  }

  List<Task> tasks(Predicate<Task> filter) {
    return store.read(SCOPE, v -> v.list(TASK, t -> "service:web".equals(t.group()) && filter.test(t)));
  }

  /** Tasks not yet STOPPED: each holds a slot under maximumPercent. */
  List<Task> active() {
    return tasks(t -> !"STOPPED".equals(t.lastStatus()));
  }

  List<String> ids(Predicate<Task> filter) {
    return tasks(filter).stream().map(EngineHarness::id).toList();
  }

  /** Event messages, oldest first. */
  List<String> eventsOldestFirst() {
    List<String> messages = new ArrayList<>(service().events().stream().map(ServiceEvent::message).toList());
    Collections.reverse(messages);
    return messages;
  }

  static String id(Task task) {
    return task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
  }

  @Override
  public void close() {
    engine.close();
  }
}
