package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.service.DeploymentLimits;
import dev.ecsemulator.core.service.DeploymentStatus;
import dev.ecsemulator.core.service.DeploymentStrategy;
import dev.ecsemulator.core.service.DeploymentTargetGroups;
import dev.ecsemulator.core.service.Deployments;
import dev.ecsemulator.core.service.RolloutState;
import dev.ecsemulator.core.service.SchedulingStrategy;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.scheduler.service.ClassifiedTask.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The service scheduler's decision: {@code plan = reconcile(service, memory, observed, now)}, a pure
 * function in the style of Nomad's reconciler. No Docker calls, no store writes, no clock reads; the
 * only other input is the injected {@link Ids} for new task and deployment IDs.
 *
 * <p><b>How to call it.</b> One reconcile at a time per service. On every tick (a task of the service
 * changed state, the service was created or updated, or the previous plan's {@link ServicePlan#wakeAt}
 * came):
 * <ol>
 *   <li>read the service as stored, its {@link ServiceMemory} (or {@link ServiceMemory#startingAt} the
 *       first time), its tasks as {@link ObservedTask} (STOPPED ones included) and, for DAEMON, its
 *       container instances;
 *   <li>{@code plan = reconciler.reconcile(service, memory, observation, clock.instant())};
 *   <li>in one store transaction: store {@code plan.applyTo(service)} with the events prepended, create
 *       the launched tasks (PROVISIONING/PENDING, desiredStatus RUNNING, startedBy the deployment ID,
 *       group {@code service:NAME}), set desiredStatus STOPPED with the given stoppedReason and stopCode
 *       on the stopped ones; keep {@code plan.memory()};
 *   <li>then, outside the decision, start and stop the containers, and schedule a tick at
 *       {@code plan.wakeAt()}.
 * </ol>
 * Reconciling again with the same observation and the returned memory decides the same launches and
 * stops again (the observation does not show them yet) but never repeats an event or a failure count:
 * the caller must record the plan's launches and stops before the next reconcile.
 *
 * <p><b>Desired state.</b> REPLICA: the service's {@code desiredCount}; DAEMON: one task per container
 * instance of the observation; DRAINING (DeleteService): zero tasks; INACTIVE, or a service without
 * deployments (CreateService creates the first with {@link Deployments#initial}): nothing changes.
 * Deployments come from the caller ({@link Deployments#withNewPrimary} on UpdateService); the
 * reconciler only moves them along, removes drained ones and, when the circuit breaker trips, makes the
 * last COMPLETED deployment PRIMARY again. Rules and their sources: {@link RolloutPlanner}, {@link TaskOutcomes},
 * {@link CircuitBreaker}, {@link RestartThrottle}, {@link DeploymentProgress}, {@link TaskCounts},
 * {@link RepeatableEvents}.
 *
 * <p>Thread-safe: holds no state but the {@link Ids}.
 */
public final class ServiceReconciler {

  /** How long a minute of bakeTimeInMinutes and the traffic steps' bake times lasts, unless told otherwise. */
  public static final Duration MINUTE = Duration.ofMinutes(1);

  private final Ids ids;
  private final Duration bakeMinute;

  public ServiceReconciler(Ids ids) {
    this(ids, MINUTE);
  }

  /**
   * @param bakeMinute how long a minute of the blue/green, linear and canary bake times lasts (tests shorten it)
   */
  public ServiceReconciler(Ids ids, Duration bakeMinute) {
    this.ids = Objects.requireNonNull(ids, "ids");
    this.bakeMinute = Objects.requireNonNull(bakeMinute, "bakeMinute");
  }

  /**
   * Decides what to do for {@code service} at {@code now}.
   *
   * @param service the service as stored (deployments, desiredCount, deploymentConfiguration,
   *     schedulingStrategy, healthCheckGracePeriodSeconds, status, serviceName), checked once where it was read
   *     back (the service runner's {@code ServiceRecords}): desiredCount, deployments and each deployment's
   *     failedTasks are present
   * @param memory the memory returned by the previous plan for this service
   * @param observed the service's tasks (and DAEMON container instances) now
   * @param now the instant of this decision
   * @return the plan; never null
   */
  public ServicePlan reconcile(Service service, ServiceMemory memory, ServiceObservation observed, Instant now) {
    List<ClassifiedTask> classified = observed.tasks().stream()
        .map(t -> ClassifiedTask.classify(t, gracePeriod(service), now))
        .toList();
    if (ServiceStatus.INACTIVE.is(service.status()) || service.deployments().isEmpty()) {
      return unchanged(service, memory, observed.tasks());
    }
    boolean daemon = SchedulingStrategy.DAEMON.is(service.schedulingStrategy());
    List<String> instances = observed.containerInstanceArns().stream().distinct().sorted().toList();
    int desired = ServiceStatus.DRAINING.is(service.status()) ? 0
        : daemon ? instances.size()
        : service.desiredCount();
    DeploymentLimits limits = trafficShiftLimits(service, DeploymentLimits.of(service, desired));

    List<Deployment> deployments = primaryFirst(service.deployments());
    TaskOutcomes.Result outcomes = TaskOutcomes.read(
        memory, classified, deployments, deployments.get(0).id(), observed.unplacedTasks(), now);
    deployments = withFailedTasks(deployments, outcomes.failedTasks(), now);
    Deployment lastCompleted = lastCompleted(memory.lastCompleted(), deployments);
    CircuitBreaker.Result breaker = CircuitBreaker.check(
        deployments, service.deploymentConfiguration(), limits, lastCompleted, now);
    deployments = breaker.deployments();
    Deployment primary = deployments.get(0);

    // A rollback starts a new rollout: it resets the restart throttle.
    int startFailures = breaker.rolledBack() ? 0 : outcomes.startFailures();
    Instant launchNotBefore = breaker.rolledBack() ? null : outcomes.launchNotBefore();
    boolean throttleReset = breaker.rolledBack() || outcomes.throttleReset();
    boolean throttled = launchNotBefore != null && now.isBefore(launchNotBefore);
    boolean primaryFailed = RolloutState.FAILED.is(primary.rolloutState());

    List<ClassifiedTask> active = classified.stream().filter(ClassifiedTask::active).toList();
    // A traffic shift holds blue (the deployment serving before it) until CLEAN_UP; other older ones go first.
    String blueId = DeploymentTargetGroups.serving(deployments, primary.id()).map(Deployment::id).orElse(null);
    TrafficShift.Decision traffic = TrafficShift.decide(service.deploymentConfiguration(),
        breaker.rolledBack() ? null : memory.shift(), primary,
        new TrafficShift.Fleets(
            active.stream().anyMatch(v -> !primary.id().equals(v.deploymentId())),
            active.stream().anyMatch(v -> !primary.id().equals(v.deploymentId()) && !Objects.equals(blueId, v.deploymentId())),
            active.stream().filter(v -> v.phase == Phase.HEALTHY && primary.id().equals(v.deploymentId())).count()
                >= desired),
        now, bakeMinute);
    RolloutPlanner.Result plan = RolloutPlanner.plan(new RolloutPlanner.Input(
        limits, daemon, instances, primary, !primaryFailed && !throttled, primaryFailed,
        traffic.holdOlder() ? blueId : null, active, ids));
    DeploymentProgress.Result progress = DeploymentProgress.settle(deployments, active, plan, limits, now);

    // Events, in the order they happened.
    String name = service.serviceName();
    List<String> events = new ArrayList<>();
    Map<String, ClassifiedTask> byId = new HashMap<>();
    classified.forEach(v -> byId.put(v.id(), v));
    outcomes.unhealthyTaskIds().forEach(id -> events.add(byId.get(id).failedElbHealthChecks()
        ? ServiceEvents.failedElbHealthChecks(name, id, byId.get(id).task.targets().unhealthyIn())
        : ServiceEvents.failedHealthChecks(name, id)));
    if (breaker.failedId() != null) {
      events.add(ServiceEvents.deploymentFailed(name, breaker.failedId()));
    }
    if (breaker.rolledBack()) {
      events.add(ServiceEvents.rollingBack(name, breaker.rolledBackTo()));
    }
    events.addAll(stopEvents(name, plan.stops(), active));
    if (!plan.launches().isEmpty()) {
      events.add(ServiceEvents.started(name, plan.launches().stream().map(TaskLaunch::taskId).toList()));
    }
    RepeatableEvents repeatable = new RepeatableEvents(memory.lastEmitted(), events, now);
    String throttleMessage = ServiceEvents.unableToStartConsistently(name);
    String placementMessage = ServiceEvents.unableToPlace(name);
    if (throttleReset) {
      repeatable.forget(throttleMessage);
      repeatable.forget(placementMessage);
    }
    repeatable.condition(throttleMessage, RestartThrottle.throttles(startFailures));
    repeatable.condition(placementMessage,
        observed.unplacedTasks() + observed.waitingForAgent() > 0 || repeatable.remembers(placementMessage));
    repeatable.condition(
        ServiceEvents.deploymentConfigurationDeadlock(name),
        deadlocked(progress.deployments(), active, plan, primaryFailed, throttled));
    if (progress.completed()) {
      events.add(ServiceEvents.deploymentCompleted(name, primary.id()));
    }
    repeatable.condition(ServiceEvents.steadyState(name), steady(progress.deployments(), active, plan, desired));

    ServiceMemory nextMemory = new ServiceMemory(
        memory.since(),
        outcomes.memories(),
        startFailures,
        launchNotBefore,
        primary.id(),
        progress.completed() ? progress.deployments().get(0) : lastCompleted,
        repeatable.lastEmitted(),
        traffic.shift() != null ? traffic.shift() : memory.shift());
    Optional<Instant> wakeAt = earliest(
        wakeAt(classified, plan, launchNotBefore, nextMemory.lastEmitted(), now), traffic.wakeAt());
    TaskCounts counts = TaskCounts.of(observed.tasks()).plusPending(plan.launches().size());
    return new ServicePlan(
        plan.launches(),
        plan.stops(),
        progress.deployments(),
        counts.running(),
        counts.pending(),
        events,
        nextMemory,
        wakeAt,
        traffic);
  }

  /**
   * A BLUE_GREEN, LINEAR or CANARY deployment runs green beside blue: up to twice the desired count whatever
   * maximumPercent says (<b>unverified</b>: ECS documents the need for 200% capacity, not how maximumPercent applies).
   */
  private static DeploymentLimits trafficShiftLimits(Service service, DeploymentLimits limits) {
    if (!DeploymentStrategy.of(service.deploymentConfiguration()).shiftsTraffic() || limits.maximumPercent() >= 200) {
      return limits;
    }
    return new DeploymentLimits(limits.desiredCount(), limits.minimumHealthyPercent(), 200);
  }

  /** The earlier of two wake-ups; a traffic shift's may be now or past (then at once). */
  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    return Stream.of(a, b).flatMap(Optional::stream).min(Comparator.naturalOrder());
  }

  /**
   * {@code has stopped N running tasks: (task ...).} for tasks that reached RUNNING, then
   * {@code stopped N pending tasks.} for tasks stopped before RUNNING, as ECS words each.
   */
  private static List<String> stopEvents(String name, List<TaskStop> stops, List<ClassifiedTask> active) {
    Map<String, Phase> phases = new HashMap<>();
    active.forEach(v -> phases.put(v.id(), v.phase));
    List<String> running = stops.stream().map(TaskStop::taskId).filter(id -> phases.get(id) != Phase.PENDING).toList();
    int pending = stops.size() - running.size();
    List<String> events = new ArrayList<>();
    if (!running.isEmpty()) {
      events.add(ServiceEvents.stopped(name, running));
    }
    if (pending > 0) {
      events.add(ServiceEvents.stoppedPending(name, pending));
    }
    return events;
  }

  private static Duration gracePeriod(Service service) {
    Integer seconds = service.healthCheckGracePeriodSeconds();
    return Duration.ofSeconds(seconds == null ? 0 : Math.max(0, seconds));
  }

  private static ServicePlan unchanged(Service service, ServiceMemory memory, List<ObservedTask> tasks) {
    TaskCounts counts = TaskCounts.of(tasks);
    return new ServicePlan(
        List.of(),
        List.of(),
        service.deployments(),
        counts.running(),
        counts.pending(),
        List.of(),
        memory,
        Optional.empty(),
        TrafficShift.Decision.NONE);
  }

  /** PRIMARY first, then the others newest first. */
  private static List<Deployment> primaryFirst(List<Deployment> deployments) {
    Deployment primary = Deployments.primary(deployments);
    return Stream.concat(
            Stream.of(primary),
            deployments.stream()
                .filter(d -> d != primary)
                .map(d -> DeploymentStatus.PRIMARY.is(d.status())
                    ? d.toBuilder().status(DeploymentStatus.ACTIVE.name()).build()
                    : d)
                .sorted(Deployments.byCreatedAt().reversed()))
        .toList();
  }

  private static List<Deployment> withFailedTasks(
      List<Deployment> deployments, Map<String, Integer> failed, Instant now) {
    return deployments.stream()
        .map(d -> Objects.equals(d.failedTasks(), failed.get(d.id()))
            ? d
            : d.toBuilder().failedTasks(failed.get(d.id())).updatedAt(now).build())
        .toList();
  }

  /** The newest COMPLETED deployment, remembered or still listed. */
  private static Deployment lastCompleted(Deployment remembered, List<Deployment> deployments) {
    Map<String, Deployment> candidates = new HashMap<>();
    if (remembered != null) {
      candidates.put(remembered.id(), remembered);
    }
    deployments.stream()
        .filter(d -> RolloutState.COMPLETED.is(d.rolloutState()))
        .forEach(d -> candidates.put(d.id(), d));
    return candidates.values().stream().max(Deployments.byCreatedAt()).orElse(null);
  }

  /**
   * A deployment is under way, yet neither limit lets the scheduler start or stop anything, and nothing
   * in flight (a pending, starting or stopping task) will change that by itself.
   */
  private static boolean deadlocked(
      List<Deployment> deployments,
      List<ClassifiedTask> active,
      RolloutPlanner.Result plan,
      boolean primaryFailed,
      boolean throttled) {
    String primaryId = deployments.get(0).id();
    boolean workLeft = plan.unfilled() > 0 || active.stream().anyMatch(v -> !primaryId.equals(v.deploymentId()));
    boolean deploying = deployments.size() > 1 || RolloutState.IN_PROGRESS.is(deployments.get(0).rolloutState());
    boolean inFlight = active.stream()
        .anyMatch(v -> v.phase == Phase.PENDING || v.phase == Phase.STARTING || v.phase == Phase.STOPPING);
    return workLeft && deploying && !primaryFailed && !throttled && !inFlight
        && plan.launches().isEmpty() && plan.stops().isEmpty();
  }

  /** One COMPLETED deployment running exactly the desired number of healthy tasks, and nothing to do. */
  private static boolean steady(
      List<Deployment> deployments, List<ClassifiedTask> active, RolloutPlanner.Result plan, int desired) {
    return deployments.size() == 1
        && RolloutState.COMPLETED.is(deployments.get(0).rolloutState())
        && plan.launches().isEmpty()
        && plan.stops().isEmpty()
        && active.size() == desired
        && active.stream().allMatch(v -> v.phase == Phase.HEALTHY && deployments.get(0).id().equals(v.deploymentId()));
  }

  private static Optional<Instant> wakeAt(
      List<ClassifiedTask> classified,
      RolloutPlanner.Result plan,
      Instant launchNotBefore,
      Map<String, Instant> lastEmitted,
      Instant now) {
    Stream<Instant> clocks = Stream.of(
            classified.stream().map(v -> v.changesAt),
            Stream.of(plan.unfilled() > 0 ? launchNotBefore : null),
            lastEmitted.values().stream().map(t -> t.plus(RepeatableEvents.SUPPRESSION)))
        .flatMap(s -> s);
    return clocks.filter(Objects::nonNull).filter(t -> t.isAfter(now)).min(Comparator.naturalOrder());
  }
}
