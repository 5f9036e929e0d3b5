package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.scheduler.service.ServiceSim.TD1;
import static dev.ecsemulator.scheduler.service.ServiceSim.TD2;
import static dev.ecsemulator.scheduler.service.ServiceSim.TD3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.service.DeploymentLimits;
import dev.ecsemulator.core.service.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of observations (tasks running, turning healthy or unhealthy, dying, failing to
 * start or to be placed; new deployments; desiredCount and container-instance changes) driven through
 * reconcile → apply → observe, with a fixed, explicit clock. After every step: a launch never takes the
 * tasks above floor(desired × max / 100), a healthy task is never stopped below
 * ceil(desired × min / 100) healthy tasks, as ECS defines them (computed here independently), nor is a
 * RUNNING task of an older deployment (not yet healthy, or healthy) stopped below that floor. Once the
 * observations settle, the service converges: one deployment, COMPLETED, runningCount == desired.
 */
class ServiceReconcilerPropertyTest {

  /** Configurations in which a rolling update can always progress, whatever the desired count. */
  static final int[][] PROGRESSING = {{100, 200}, {50, 200}, {0, 100}, {0, 200}, {25, 200}, {100, 300}};
  /** Configurations that can deadlock at some desired counts (e.g. 75/100 at 2). */
  static final int[][] DEADLOCK_PRONE = {{75, 100}, {50, 100}, {100, 100}, {50, 150}, {100, 125}};

  static final String[] POOL = {
    "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i1",
    "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i2",
    "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i3",
    "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i4",
    "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i5",
  };

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void replicaServicesKeepTheBoundsAndConverge(long seed) {
    Random random = new Random(seed);
    int[] config = PROGRESSING[random.nextInt(PROGRESSING.length)];
    ServiceSim sim = configure(ServiceSim.replica(random.nextInt(6), config[0], config[1]), random);
    Walk walk = new Walk(sim, random, "seed " + seed + " " + config[0] + "/" + config[1]);
    walk.randomSteps(80);
    walk.settle();
  }

  /** BLUE_GREEN, LINEAR and CANARY run green beside blue: only configurations that allow 200 %. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void trafficShiftingServicesKeepTheBoundsAndConverge(long seed) {
    Random random = new Random(seed);
    int[] config = PROGRESSING[random.nextInt(PROGRESSING.length)];
    ServiceSim sim = configure(ServiceSim.replica(random.nextInt(6), config[0], Math.max(200, config[1])), random);
    String strategy = List.of("BLUE_GREEN", "LINEAR", "CANARY").get(random.nextInt(3));
    sim.service = sim.service.toBuilder().deploymentConfiguration(sim.service.deploymentConfiguration().toBuilder()
        .strategy(strategy).bakeTimeInMinutes(random.nextInt(3)).build()).build();
    Walk walk = new Walk(sim, random, "seed " + seed + " " + strategy + " " + config[0] + "/" + config[1]);
    walk.randomSteps(80);
    walk.settle();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void daemonServicesKeepTheBoundsAndConverge(long seed) {
    Random random = new Random(seed);
    ServiceSim sim = configure(ServiceSim.daemon(POOL[0], POOL[1], POOL[2]), random);
    Walk walk = new Walk(sim, random, "daemon seed " + seed);
    walk.randomSteps(80);
    walk.settle();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void deadlockProneConfigurationsStillKeepTheBounds(long seed) {
    Random random = new Random(seed);
    int[] config = DEADLOCK_PRONE[random.nextInt(DEADLOCK_PRONE.length)];
    ServiceSim sim = configure(ServiceSim.replica(1 + random.nextInt(5), config[0], config[1]), random);
    new Walk(sim, random, "seed " + seed + " " + config[0] + "/" + config[1]).randomSteps(120);
  }

  /** TD1 and TD3 have health checks, TD2 has none; circuit breaker and grace period at random. */
  static ServiceSim configure(ServiceSim sim, Random random) {
    sim.healthChecks(TD1).healthChecks(TD3);
    switch (random.nextInt(3)) {
      case 0 -> sim.breaker(true, true);
      case 1 -> sim.breaker(true, false);
      default -> { }
    }
    return sim.grace(random.nextBoolean() ? 0 : 30);
  }

  /** One random run over a simulated service. */
  static final class Walk {
    final ServiceSim sim;
    final Random random;
    final String name;
    final Set<String> reportedUnhealthy = new HashSet<>();
    int step;

    Walk(ServiceSim sim, Random random, String name) {
      this.sim = sim;
      this.random = random;
      this.name = name;
    }

    void randomSteps(int count) {
      for (int i = 0; i < count; i++) {
        ServicePlan plan = checkedReconcile();
        Set<String> unplaced = plan.launches().stream()
            .filter(l -> random.nextInt(50) == 0)
            .map(TaskLaunch::taskId)
            .collect(Collectors.toSet());
        sim.apply(plan, unplaced);
        disturb();
        if (random.nextInt(4) == 0 && plan.wakeAt().isPresent()) {
          sim.now = plan.wakeAt().get();
        } else {
          sim.advance(Duration.ofSeconds(random.nextInt(21)));
        }
      }
    }

    /** Benign observations only, a user fixing a FAILED deployment; the service must converge. */
    void settle() {
      for (int i = 0; i < 800; i++) {
        if (RolloutState.FAILED.is(sim.primary().rolloutState())) {
          sim.update(TD1); // what a user does about a failed deployment
        }
        ServicePlan plan = checkedReconcile();
        sim.apply(plan, Set.of());
        if (converged()) {
          return;
        }
        progressBenignly();
        Duration dt = plan.wakeAt().map(w -> Duration.between(sim.now, w)).orElse(Duration.ofSeconds(10));
        dt = dt.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
            : dt.compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : dt;
        sim.advance(dt);
      }
      throw new AssertionError(name + ": did not converge; deployments " + sim.service.deployments()
          + ", tasks " + sim.tasks.values());
    }

    boolean converged() {
      List<Deployment> deployments = sim.service.deployments();
      return deployments.size() == 1
          && RolloutState.COMPLETED.is(deployments.get(0).rolloutState())
          && sim.service.runningCount() == desired()
          && sim.lastPlan.launchesOrStopsNothing()
          && sim.tasks.values().stream().filter(t -> !"STOPPED".equals(t.lastStatus())).count() == desired();
    }

    int desired() {
      return "DAEMON".equals(sim.service.schedulingStrategy()) ? sim.instances.size() : sim.service.desiredCount();
    }

    /** Reconciles and checks the plan against the observation it was made from. */
    ServicePlan checkedReconcile() {
      step++;
      List<ObservedTask> before = List.copyOf(sim.tasks.values());
      int desired = desired();
      DeploymentLimits limits = DeploymentLimits.of(sim.service, desired);
      ServicePlan plan = sim.reconciler.reconcile(sim.service, sim.memory, sim.observation(), sim.now);
      String where = name + " step " + step + " at " + sim.now;
      assertBounds(before, plan, limits, sim.now, where);
      plan.events().stream().filter(e -> e.endsWith("failed container health checks.")).forEach(e ->
          assertThat(reportedUnhealthy.add(e)).as(where + ": reported twice: " + e).isTrue());
      assertThat(plan.deployments()).as(where).isNotEmpty();
      assertThat(plan.deployments().get(0).status()).as(where).isEqualTo("PRIMARY");
      assertThat(plan.deployments().stream().skip(1)).as(where).allMatch(d -> "ACTIVE".equals(d.status()));
      return plan;
    }

    /** Random things that happen to tasks, and random user actions. */
    void disturb() {
      for (ObservedTask t : List.copyOf(sim.tasks.values())) {
        boolean crashy = TD3.equals(taskDefinitionOf(t));
        boolean wanted = "RUNNING".equals(t.desiredStatus());
        int roll = random.nextInt(100);
        switch (t.lastStatus()) {
          case "PENDING" -> {
            if (!wanted && roll < 60) {
              stopNow(t);
            } else if (wanted && roll < (crashy ? 30 : 7)) {
              sim.failToStart(t.taskId());
            } else if (wanted && roll < 60) {
              sim.run(t.taskId());
            }
          }
          case "RUNNING" -> {
            if (!wanted) {
              if (roll < 50) {
                stopNow(t);
              }
            } else if (roll < (crashy ? 25 : 3)) {
              sim.exit(t.taskId());
            } else if (t.hasHealthChecks() && roll < 40 && "UNKNOWN".equals(t.healthStatus())) {
              sim.health(t.taskId(), "HEALTHY");
            } else if (t.hasHealthChecks() && roll >= 95) {
              sim.health(t.taskId(), "UNHEALTHY");
            }
          }
          case "STOPPED" -> {
            if (t.stoppedAt() != null && t.stoppedAt().isBefore(sim.now.minus(Duration.ofHours(1)))) {
              sim.tasks.remove(t.taskId()); // ECS forgets stopped tasks after a while
            }
          }
          default -> { }
        }
      }
      int roll = random.nextInt(100);
      if (roll < 4) {
        sim.update(List.of(TD1, TD2, TD3).get(random.nextInt(3)));
      } else if (roll < 8 && !"DAEMON".equals(sim.service.schedulingStrategy())) {
        sim.desired(random.nextInt(7));
      } else if (roll < 12 && "DAEMON".equals(sim.service.schedulingStrategy())) {
        String instance = POOL[random.nextInt(POOL.length)];
        if (!sim.instances.remove(instance)) {
          sim.instances.add(instance);
        }
      }
    }

    /** Pending tasks run, health checks pass, stops finish; nothing fails any more. */
    void progressBenignly() {
      for (ObservedTask t : List.copyOf(sim.tasks.values())) {
        boolean wanted = "RUNNING".equals(t.desiredStatus());
        if (!wanted && !"STOPPED".equals(t.lastStatus())) {
          stopNow(t);
        } else if (wanted && "PENDING".equals(t.lastStatus())) {
          sim.runHealthy(t.taskId());
        } else if (wanted && "RUNNING".equals(t.lastStatus()) && t.hasHealthChecks() && "UNKNOWN".equals(t.healthStatus())) {
          sim.health(t.taskId(), "HEALTHY");
        }
      }
    }

    void stopNow(ObservedTask t) {
      sim.tasks.put(t.taskId(), ServiceSim.with(t, "STOPPED", "STOPPED", t.healthStatus(), t.startedAt(), sim.now,
          t.stopCode(), t.stoppedReason()));
    }

    String taskDefinitionOf(ObservedTask t) {
      // The sim gives each task definition its own health-check flag; find it through the deployment.
      return sim.service.deployments().stream()
          .filter(d -> d.id().equals(t.startedBy()))
          .map(Deployment::taskDefinition)
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * The two bounds, as ECS defines them: maximumPercent over tasks RUNNING or PENDING; minimumHealthy
   * over healthy tasks (RUNNING, wanted, HEALTHY with health checks, else 40 s after RUNNING).
   */
  static void assertBounds(
      List<ObservedTask> before, ServicePlan plan, DeploymentLimits limits, Instant now, String where) {
    Set<String> pendingStatuses = Set.of("PROVISIONING", "PENDING", "ACTIVATING");
    long runningOrPending = before.stream()
        .filter(t -> pendingStatuses.contains(t.lastStatus()) || "RUNNING".equals(t.lastStatus()))
        .count();
    if (!plan.launches().isEmpty()) {
      assertThat(runningOrPending + plan.launches().size())
          .as("%s: launching %d with %d RUNNING or PENDING exceeds max %d", where, plan.launches().size(), runningOrPending, limits.maxTasks())
          .isLessThanOrEqualTo(limits.maxTasks());
    }
    Set<String> healthy = before.stream()
        .filter(t -> "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()))
        .filter(t -> t.hasHealthChecks()
            ? "HEALTHY".equals(t.healthStatus())
            : !now.isBefore((t.startedAt() != null ? t.startedAt() : t.createdAt()).plusSeconds(40)))
        .map(ObservedTask::taskId)
        .collect(Collectors.toSet());
    List<String> stopped = plan.stops().stream().map(TaskStop::taskId).toList();
    long healthyStopped = stopped.stream().filter(healthy::contains).count();
    if (healthyStopped > 0) {
      assertThat(healthy.size() - healthyStopped)
          .as("%s: stopping %d healthy of %d leaves fewer than min %d", where, healthyStopped, healthy.size(), limits.minHealthy())
          .isGreaterThanOrEqualTo(limits.minHealthy());
    }
    // Never below the floor counting healthy tasks because of an older deployment's RUNNING task: one
    // not failing its health checks is stopped only if the healthy tasks left meet minimumHealthyPercent.
    String primaryId = plan.deployments().get(0).id();
    long olderRunningStopped = before.stream()
        .filter(t -> stopped.contains(t.taskId()) && !primaryId.equals(t.startedBy()))
        .filter(t -> "RUNNING".equals(t.lastStatus()) && !"UNHEALTHY".equals(t.healthStatus()))
        .count();
    if (olderRunningStopped > 0) {
      assertThat(healthy.size() - healthyStopped)
          .as("%s: stopping %d RUNNING tasks of older deployments leaves %d healthy, fewer than min %d", where,
              olderRunningStopped, healthy.size() - healthyStopped, limits.minHealthy())
          .isGreaterThanOrEqualTo(limits.minHealthy());
    }
    Set<String> stoppable = before.stream()
        .filter(t -> "RUNNING".equals(t.desiredStatus()) && !"STOPPED".equals(t.lastStatus()))
        .map(ObservedTask::taskId)
        .collect(Collectors.toSet());
    assertThat(stopped).as(where + ": stops only running-wanted tasks, once").doesNotHaveDuplicates().allMatch(stoppable::contains);
    List<String> launched = new ArrayList<>(plan.launches().stream().map(TaskLaunch::taskId).toList());
    assertThat(launched).as(where).doesNotHaveDuplicates();
    assertThat(plan.launches()).as(where + ": only the PRIMARY launches")
        .allMatch(l -> l.deploymentId().equals(plan.deployments().get(0).id()));
    assertThat(plan.deployments().get(0).rolloutState()).as(where).isNotNull();
    if (!plan.launches().isEmpty()) {
      assertThat(plan.deployments().get(0).rolloutState()).as(where + ": a FAILED deployment launches nothing").isNotEqualTo("FAILED");
    }
  }
}
