package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.scheduler.service.ServiceSim.TD1;
import static dev.ecsemulator.scheduler.service.ServiceSim.TD2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rolling updates step by step, at 100/200 and 50/100 (reference §4). */
class RollingUpdateTest {

  @Test
  void firstDeploymentLaunchesDesiredCountAndCompletes() {
    ServiceSim sim = ServiceSim.replica(3, null, null).healthChecks(TD1);
    String d1 = sim.primary().id();
    assertThat(sim.primary().rolloutStateReason()).isEqualTo("ECS deployment " + d1 + " in progress.");

    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).hasSize(3).allSatisfy(l -> {
      assertThat(l.deploymentId()).isEqualTo(d1);
      assertThat(l.taskDefinition()).isEqualTo(TD1);
      assertThat(l.containerInstanceArn()).isNull();
    });
    List<String> ids = plan.launches().stream().map(TaskLaunch::taskId).toList();
    assertThat(plan.events()).containsExactly(
        "(service web) has started 3 tasks: (task " + ids.get(0) + ") (task " + ids.get(1) + ") (task " + ids.get(2) + ").");
    assertThat(plan.pendingCount()).isEqualTo(3);
    assertThat(sim.primary().pendingCount()).isEqualTo(3);
    assertThat(sim.primary().desiredCount()).isEqualTo(3);

    sim.runAllPending();
    plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.runningCount()).isEqualTo(3);
    assertThat(sim.primary().rolloutState()).isEqualTo("COMPLETED");
    assertThat(sim.primary().rolloutStateReason()).isEqualTo("ECS deployment " + d1 + " completed.");
    assertThat(plan.events()).containsExactly(
        "(service web) (deployment " + d1 + ") deployment completed.",
        "(service web) has reached a steady state.");
  }

  @Test
  void update100_200StartsAllNewTasksThenStopsOldOnesAsNewOnesTurnHealthy() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).healthChecks(TD1).healthChecks(TD2).steady();
    String d1 = sim.primary().id();
    List<String> old = sim.liveOf(d1);

    sim.update(TD2);
    String d2 = sim.primary().id();
    assertThat(sim.service.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");

    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).hasSize(3).allSatisfy(l -> assertThat(l.taskDefinition()).isEqualTo(TD2));
    assertThat(plan.stops()).isEmpty();
    Deployment primary = sim.primary();
    Deployment active = sim.service.deployments().get(1);
    assertThat(primary.desiredCount()).isEqualTo(3);
    assertThat(primary.pendingCount()).isEqualTo(3);
    assertThat(primary.rolloutState()).isEqualTo("IN_PROGRESS");
    assertThat(active.id()).isEqualTo(d1);
    assertThat(active.desiredCount()).isEqualTo(3);
    assertThat(active.runningCount()).isEqualTo(3);
    assertThat(active.rolloutState()).isEqualTo("COMPLETED"); // the old deployment keeps its state
    assertThat(active.rolloutStateReason()).isEqualTo("ECS deployment " + d1 + " completed.");

    List<String> fresh = sim.liveOf(d2);
    fresh.forEach(sim::run); // RUNNING, health still UNKNOWN: not healthy yet
    plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).isEmpty();
    assertThat(plan.events()).isEmpty();

    sim.health(fresh.get(0), "HEALTHY");
    plan = sim.tick();
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactly(old.get(0));
    assertThat(plan.stops().get(0).stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + d2 + ")");
    assertThat(plan.stops().get(0).stopCode()).isEqualTo("ServiceSchedulerInitiated");
    assertThat(plan.events()).containsExactly("(service web) has stopped 1 running tasks: (task " + old.get(0) + ").");
    assertThat(sim.service.deployments().get(1).desiredCount()).isEqualTo(2);

    sim.health(fresh.get(1), "HEALTHY");
    sim.health(fresh.get(2), "HEALTHY");
    plan = sim.tick();
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactly(old.get(1), old.get(2));
    assertThat(sim.service.deployments()).hasSize(2); // still draining: stops not finished

    sim.finishStops();
    plan = sim.tick();
    assertThat(sim.service.deployments()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(d2);
      assertThat(d.rolloutState()).isEqualTo("COMPLETED");
      assertThat(d.runningCount()).isEqualTo(3);
      assertThat(d.desiredCount()).isEqualTo(3);
    });
    assertThat(plan.events()).containsExactly(
        "(service web) (deployment " + d2 + ") deployment completed.", "(service web) has reached a steady state.");
    assertThat(sim.service.taskDefinition()).isEqualTo(TD2);
  }

  @Test
  void update50_100StopsBeforeStartingOneAtATimeForThreeTasks() {
    ServiceSim sim = ServiceSim.replica(3, 50, 100).healthChecks(TD1).healthChecks(TD2).steady();
    String d1 = sim.primary().id();
    sim.update(TD2);
    String d2 = sim.primary().id();

    // max = floor(3 × 100%) = 3, min = ceil(3 × 50%) = 2.
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).hasSize(1);
    assertThat(sim.primary().desiredCount()).isZero();

    plan = sim.tick(); // the stopped task still holds its slot
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).isEmpty();

    for (int round = 1; round <= 3; round++) {
      sim.finishStops();
      plan = sim.tick();
      assertThat(plan.launches()).as("round %d", round).hasSize(1);
      assertThat(plan.stops()).isEmpty();
      sim.runAllPending();
      plan = sim.tick();
      if (round < 3) {
        assertThat(plan.stops()).as("round %d", round).hasSize(1);
        assertThat(sim.liveOf(d1)).hasSize(2 - round);
      }
    }
    assertThat(sim.liveOf(d1)).isEmpty();
    assertThat(sim.service.deployments()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(d2);
      assertThat(d.rolloutState()).isEqualTo("COMPLETED");
    });
  }

  @Test
  void desired4At50_100StopsTwoOldTasksBeforeStartingTwoNew() {
    // The guide's example: "if the minimum healthy percent is 50 and the desired task count is four,
    // then the scheduler can stop two existing tasks before starting two new tasks".
    ServiceSim sim = ServiceSim.replica(4, 50, 100).steady();
    sim.update(TD2);
    ServicePlan plan = sim.tick();
    assertThat(plan.stops()).hasSize(2);
    assertThat(plan.launches()).isEmpty();
    sim.finishStops();
    plan = sim.tick();
    assertThat(plan.launches()).hasSize(2);
  }

  @Test
  void withoutHealthChecksANewTaskCountsHealthy40SecondsAfterRunning() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200).steady();
    String old = sim.liveOf(sim.primary().id()).get(0);
    sim.update(TD2);
    sim.tick();
    String fresh = sim.pending().get(0);
    sim.run(fresh);
    ServicePlan plan = sim.tick();
    assertThat(plan.stops()).isEmpty();
    assertThat(plan.wakeAt()).contains(sim.now.plusSeconds(40));

    sim.advance(Duration.ofSeconds(39));
    assertThat(sim.tick().stops()).isEmpty();
    sim.advance(Duration.ofSeconds(1));
    assertThat(sim.tick().stops()).extracting(TaskStop::taskId).containsExactly(old);
  }

  @Test
  void desired2At75_100CannotMoveAndSaysSoOnceEverySixHours() {
    ServiceSim sim = ServiceSim.replica(2, 75, 100).steady();
    sim.update(TD2);
    ServicePlan plan = sim.tick();
    String deadlock = "(service web) was unable to stop or start tasks during a deployment because of the service"
        + " deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).isEmpty();
    assertThat(plan.events()).containsExactly(deadlock);

    sim.advance(Duration.ofMinutes(5));
    assertThat(sim.tick().events()).isEmpty();
    assertThat(sim.lastPlan.wakeAt()).isPresent();
    sim.advanceToWake();
    assertThat(sim.now).isEqualTo(ServiceSim.T0.plus(Duration.ofSeconds(41 * 10)).plus(Duration.ofHours(6)));
    assertThat(sim.tick().events()).containsExactly(deadlock);
  }

  @Test
  void aDesiredCountChangeAloneCreatesNoDeploymentAndScalesInUnhealthiestFirst() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).steady();
    String d1 = sim.primary().id();
    sim.desired(5);
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).hasSize(2);
    assertThat(sim.service.deployments()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(d1);
      assertThat(d.rolloutState()).isEqualTo("COMPLETED");
      assertThat(d.desiredCount()).isEqualTo(5);
    });
    List<String> pending = sim.pending();

    sim.desired(3);
    plan = sim.tick();
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactlyInAnyOrderElementsOf(pending);
    assertThat(plan.stops()).allSatisfy(s ->
        assertThat(s.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + d1 + ")"));
    assertThat(sim.primary().desiredCount()).isEqualTo(3);
    assertThat(plan.events()).containsExactly("(service web) stopped 2 pending tasks.");
  }

  /**
   * Which tasks of an older deployment a pass stops: pending ones at once, healthy ones down to
   * ceil(desired × min / 100) healthy tasks, RUNNING ones not yet healthy only while the healthy tasks
   * (old and new) meet that floor without them (issue 16 item 3).
   */
  @ParameterizedTest(name = "{0}/{1} at {2}: old {3} healthy {4} starting {5} pending, new {6} healthy -> stop {7}")
  @CsvSource({
    "100,200,2, 0,2,0, 0, 0", // RUNNING, not yet healthy, nothing healthy beside them: kept
    "100,200,2, 0,2,0, 1, 0", // one healthy task is short of the floor of 2
    "100,200,2, 0,2,0, 2, 2", // the new tasks meet the floor: the old ones go
    "50,200,2,  0,2,0, 1, 2",
    "0,100,2,   0,2,0, 0, 2", // no floor
    "100,200,2, 0,0,2, 0, 2", // never RUNNING: stopped at once
    "100,200,3, 1,2,0, 2, 2", // the healthy old task is still needed for the floor of 3
    "50,100,2,  1,1,0, 0, 1", // the healthy old task alone meets the floor of 1
    "100,200,2, 2,0,0, 0, 0",
    "100,200,2, 2,0,0, 1, 1",
  })
  void olderTasksAreStoppedOnlyAsFarAsTheHealthyFloorAllows(
      int min, int max, int desired, int oldHealthy, int oldStarting, int oldPending, int newHealthy, int stopped) {
    ServiceSim sim = ServiceSim.replica(desired, min, max);
    String d1 = sim.primary().id();
    sim.update(TD2);
    String d2 = sim.primary().id();
    List<String> old = new ArrayList<>();
    for (int i = 0; i < oldHealthy + oldStarting + oldPending; i++) {
      String status = i < oldHealthy + oldStarting ? "RUNNING" : "PENDING";
      Instant started = i < oldHealthy ? sim.now.minusSeconds(60) : status.equals("RUNNING") ? sim.now.minusSeconds(5) : null;
      old.add(put(sim, "old" + i, d1, status, started));
    }
    for (int i = 0; i < newHealthy; i++) {
      put(sim, "new" + i, d2, "RUNNING", sim.now.minusSeconds(60));
    }

    ServicePlan plan = sim.tick();
    assertThat(plan.stops()).extracting(TaskStop::taskId).filteredOn(old::contains).hasSize(stopped);
  }

  @Test
  void oldTasksNotYetHealthyOutliveANewRevisionThatFailsWithNothingToRollBackTo() {
    // The first deployment has not completed (its tasks are RUNNING, not yet 40 s) when the update comes.
    ServiceSim sim = ServiceSim.replica(2, 100, 200).breaker(true, true);
    sim.tick();
    sim.runAllPending();
    String d1 = sim.primary().id();
    List<String> old = sim.liveOf(d1);
    sim.update(TD2);

    assertThat(sim.tick().stops()).isEmpty();
    for (int i = 0; i < 2 && "IN_PROGRESS".equals(sim.primary().rolloutState()); i++) {
      sim.pending().forEach(sim::failToStart);
      assertThat(sim.tick().stops()).isEmpty();
    }
    assertThat(sim.primary().rolloutState()).isEqualTo("FAILED");
    assertThat(sim.liveOf(d1)).containsExactlyElementsOf(old);

    sim.advance(Duration.ofSeconds(41));
    ServicePlan plan = sim.tick();
    assertThat(plan.runningCount()).isEqualTo(2);
    assertThat(sim.liveOf(d1)).containsExactlyElementsOf(old);
  }

  private static String put(ServiceSim sim, String id, String deploymentId, String lastStatus, Instant startedAt) {
    sim.tasks.put(id, new ObservedTask(id, deploymentId, lastStatus, "RUNNING", "UNKNOWN", false,
        sim.now.minusSeconds(120), startedAt, null, null, null, null));
    return id;
  }
}
