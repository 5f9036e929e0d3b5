package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentCircuitBreaker;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.service.Deployments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A tiny in-memory stand-in for the store and the executor: it feeds the reconciler observations,
 * applies its plans the way the caller must (launched tasks recorded PENDING, stopped ones marked
 * desiredStatus STOPPED), and lets a test move tasks along by hand. Time is a field; nothing sleeps.
 */
final class ServiceSim {

  static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
  static final String TD1 = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1";
  static final String TD2 = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:2";
  static final String TD3 = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3";

  final Ids ids = Ids.sequential();
  final ServiceReconciler reconciler = new ServiceReconciler(ids);
  final Map<String, ObservedTask> tasks = new LinkedHashMap<>();
  final List<String> events = new ArrayList<>();
  final List<String> instances = new ArrayList<>();
  /** Task definitions whose containers have health checks. */
  final Set<String> withHealthChecks = new HashSet<>();
  Service service;
  ServiceMemory memory;
  Instant now = T0;
  ServicePlan lastPlan;
  int unplacedNextTick;

  private ServiceSim(Service service) {
    this.service = service;
    this.memory = ServiceMemory.startingAt(now);
  }

  /** A REPLICA service with one fresh deployment of {@link #TD1}. */
  static ServiceSim replica(int desired, Integer min, Integer max) {
    ServiceSim sim = new ServiceSim(null);
    sim.service = Service.builder()
        .serviceName("web")
        .status("ACTIVE")
        .schedulingStrategy("REPLICA")
        .desiredCount(desired)
        .deploymentConfiguration(DeploymentConfiguration.builder().minimumHealthyPercent(min).maximumPercent(max).build())
        .healthCheckGracePeriodSeconds(0)
        .taskDefinition(TD1)
        .deployments(Deployments.initial(spec(TD1), sim.ids, sim.now))
        .build();
    return sim;
  }

  /** A DAEMON service over the given container instances. */
  static ServiceSim daemon(String... instanceArns) {
    ServiceSim sim = replica(0, null, null);
    sim.service = sim.service.toBuilder().schedulingStrategy("DAEMON").desiredCount(null).build();
    sim.instances.addAll(List.of(instanceArns));
    return sim;
  }

  static Deployment spec(String taskDefinition) {
    return Deployment.builder().taskDefinition(taskDefinition).launchType("EC2").build();
  }

  ServiceSim breaker(boolean enable, boolean rollback) {
    service = service.toBuilder()
        .deploymentConfiguration(service.deploymentConfiguration().toBuilder()
            .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(enable).rollback(rollback).build())
            .build())
        .build();
    return this;
  }

  ServiceSim grace(int seconds) {
    service = service.toBuilder().healthCheckGracePeriodSeconds(seconds).build();
    return this;
  }

  ServiceSim healthChecks(String taskDefinition) {
    withHealthChecks.add(taskDefinition);
    return this;
  }

  // ---- the loop -------------------------------------------------------------------------------

  ServiceObservation observation() {
    return new ServiceObservation(List.copyOf(tasks.values()), List.copyOf(instances), unplacedNextTick);
  }

  /** Reconciles once and applies the plan, as the caller would. */
  ServicePlan tick() {
    ServicePlan plan = reconciler.reconcile(service, memory, observation(), now);
    apply(plan, Set.of());
    return plan;
  }

  /** Applies a plan; launches whose IDs are in {@code unplaced} are not created (placement failed). */
  void apply(ServicePlan plan, Set<String> unplaced) {
    unplacedNextTick = unplaced.size();
    for (TaskLaunch l : plan.launches()) {
      if (!unplaced.contains(l.taskId())) {
        tasks.put(l.taskId(), new ObservedTask(l.taskId(), l.deploymentId(), "PENDING", "RUNNING", "UNKNOWN",
            withHealthChecks.contains(l.taskDefinition()), now, null, null, null, null, l.containerInstanceArn()));
      }
    }
    for (TaskStop s : plan.stops()) {
      ObservedTask t = tasks.get(s.taskId());
      tasks.put(t.taskId(), with(t, t.lastStatus(), "STOPPED", t.healthStatus(), t.startedAt(), null, s.stopCode(), s.stoppedReason()));
    }
    service = plan.applyTo(service);
    events.addAll(plan.events());
    memory = plan.memory();
    lastPlan = plan;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  /** Jumps to the plan's wake-up time. */
  void advanceToWake() {
    now = lastPlan.wakeAt().orElseThrow();
  }

  // ---- observations --------------------------------------------------------------------------

  void run(String id) {
    ObservedTask t = tasks.get(id);
    tasks.put(id, with(t, "RUNNING", t.desiredStatus(), "UNKNOWN", now, null, null, null));
  }

  void health(String id, String status) {
    ObservedTask t = tasks.get(id);
    tasks.put(id, with(t, t.lastStatus(), t.desiredStatus(), status, t.startedAt(), null, null, null));
  }

  /** What the load balancers say of the task's targets (null: its service has none). */
  void targets(String id, TargetsHealth health) {
    tasks.put(id, tasks.get(id).withTargets(health));
  }

  /** RUNNING and, when its definition has health checks, HEALTHY. */
  void runHealthy(String id) {
    run(id);
    if (tasks.get(id).hasHealthChecks()) {
      health(id, "HEALTHY");
    }
  }

  /** An essential container exited. */
  void exit(String id) {
    ObservedTask t = tasks.get(id);
    tasks.put(id, with(t, "STOPPED", "STOPPED", "UNKNOWN", t.startedAt(), now, "EssentialContainerExited",
        "Essential container in task exited"));
  }

  /** PENDING straight to STOPPED: the task never reached RUNNING. */
  void failToStart(String id) {
    ObservedTask t = tasks.get(id);
    tasks.put(id, with(t, "STOPPED", "STOPPED", "UNKNOWN", null, now, "TaskFailedToStart",
        "CannotPullContainerError: pull access denied"));
  }

  /** Every task being stopped reaches STOPPED. */
  void finishStops() {
    ids(t -> "STOPPED".equals(t.desiredStatus()) && !"STOPPED".equals(t.lastStatus())).forEach(id -> {
      ObservedTask t = tasks.get(id);
      tasks.put(id, with(t, "STOPPED", "STOPPED", t.healthStatus(), t.startedAt(), now, t.stopCode(), t.stoppedReason()));
    });
  }

  /** Every pending task runs and turns healthy (when it has health checks). */
  void runAllPending() {
    ids(t -> "PENDING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus())).forEach(this::runHealthy);
  }

  /** An UpdateService that starts a deployment. */
  void update(String taskDefinition) {
    service = service.toBuilder()
        .taskDefinition(taskDefinition)
        .deployments(Deployments.withNewPrimary(service.deployments(), spec(taskDefinition), ids, now))
        .build();
  }

  void desired(int n) {
    service = service.toBuilder().desiredCount(n).build();
  }

  // ---- queries --------------------------------------------------------------------------------

  List<String> ids(Predicate<ObservedTask> p) {
    return tasks.values().stream().filter(p).map(ObservedTask::taskId).toList();
  }

  List<String> liveOf(String deploymentId) {
    return ids(t -> deploymentId.equals(t.startedBy()) && !"STOPPED".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()));
  }

  List<String> pending() {
    return ids(t -> "PENDING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()));
  }

  Deployment primary() {
    return service.deployments().get(0);
  }

  /** Brings a fresh service to its first steady state: every task launched, running, healthy. */
  ServiceSim steady() {
    for (int i = 0; i < 10; i++) {
      tick();
      runAllPending();
      finishStops();
      advance(Duration.ofSeconds(41));
    }
    tick();
    return this;
  }

  static ObservedTask with(ObservedTask t, String lastStatus, String desiredStatus, String health, Instant startedAt,
      Instant stoppedAt, String stopCode, String stoppedReason) {
    return new ObservedTask(t.taskId(), t.startedBy(), lastStatus, desiredStatus, health, t.hasHealthChecks(),
        t.createdAt(), startedAt, stoppedAt, stopCode, stoppedReason, t.containerInstanceArn(), t.targets());
  }
}
