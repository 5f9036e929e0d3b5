package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.scheduler.service.ServiceSim.TD1;
import static dev.ecsemulator.scheduler.service.ServiceSim.TD2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.service.DeploymentLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The deployment circuit breaker (reference §4; API_ServiceDeploymentCircuitBreaker). */
class CircuitBreakerTest {

  @ParameterizedTest(name = "desired {0} -> threshold {1}")
  @CsvSource({"0,3", "1,3", "5,3", "6,3", "7,4", "25,13", "400,200", "800,200"})
  void thresholdIsHalfTheDesiredCountClampedTo3And200(int desired, int threshold) {
    assertThat(new DeploymentLimits(desired, 100, 200).circuitBreakerThreshold()).isEqualTo(threshold);
  }

  @Test
  void containersThatCrashRightAfterStartingTripTheBreakerWhichRollsBack() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).breaker(true, true).steady();
    String d1 = sim.primary().id();
    List<String> old = sim.liveOf(d1);
    sim.update(TD2);
    String d2 = sim.primary().id();

    // Each new task reaches RUNNING and its essential container exits at once: never healthy.
    assertThat(sim.tick().launches()).hasSize(3);
    sim.pending().forEach(sim::run);
    sim.advance(Duration.ofSeconds(2));
    sim.liveOf(d2).stream().limit(2).forEach(sim::exit);
    assertThat(sim.tick().launches()).hasSize(2); // replaced
    assertThat(sim.primary().failedTasks()).isEqualTo(2);
    assertThat(sim.primary().rolloutState()).isEqualTo("IN_PROGRESS");

    sim.pending().forEach(sim::run);
    sim.advance(Duration.ofSeconds(2));
    sim.exit(sim.liveOf(d2).get(0));
    Deployment completed = sim.service.deployments().get(1);
    ServicePlan trip = sim.tick();

    // The third failure tripped it: the last COMPLETED deployment is PRIMARY again, under its own ID.
    List<Deployment> deployments = sim.service.deployments();
    assertThat(deployments).extracting(Deployment::id).containsExactly(d1, d2);
    assertThat(deployments).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
    Deployment rollback = deployments.get(0);
    assertThat(rollback.taskDefinition()).isEqualTo(TD1);
    assertThat(rollback.createdAt()).isEqualTo(completed.createdAt());
    assertThat(rollback.rolloutState()).isEqualTo("IN_PROGRESS");
    assertThat(rollback.rolloutStateReason())
        .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + d1 + ".");
    Deployment failed = deployments.get(1);
    assertThat(failed.rolloutState()).isEqualTo("FAILED");
    assertThat(failed.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
    assertThat(sim.service.taskDefinition()).isEqualTo(TD1);
    // Its healthy tasks stay; the failed deployment's tasks go (RUNNING for 2 s: not healthy yet).
    List<String> failing = trip.stops().stream().map(TaskStop::taskId).toList();
    assertThat(trip.launches()).isEmpty();
    assertThat(failing).hasSize(2).doesNotContainAnyElementsOf(old);
    assertThat(trip.events()).containsExactly(
        "(service web) (deployment " + d2 + ") deployment failed: tasks failed to start.",
        "(service web) rolling back to deployment " + d1 + ".",
        "(service web) has stopped 2 running tasks: (task " + failing.get(0) + ") (task " + failing.get(1) + ").");

    sim.finishStops();
    ServicePlan done = sim.tick();
    assertThat(sim.service.deployments()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(d1);
      assertThat(d.rolloutState()).isEqualTo("COMPLETED");
      assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + d1 + " completed.");
      assertThat(d.runningCount()).isEqualTo(3);
    });
    assertThat(sim.liveOf(d1)).containsExactlyInAnyOrderElementsOf(old);
    assertThat(done.events()).containsExactly(
        "(service web) (deployment " + d1 + ") deployment completed.",
        "(service web) has reached a steady state.");
  }

  @Test
  void aRollbackStopsTheFailedDeploymentsPendingTasksAndSaysSo() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).breaker(true, true).steady();
    String d1 = sim.primary().id();
    sim.update(TD2);
    String d2 = sim.primary().id();
    List<String> fresh = sim.tick().launches().stream().map(TaskLaunch::taskId).toList();
    sim.failToStart(fresh.get(0));
    sim.failToStart(fresh.get(1));
    assertThat(sim.tick().launches()).hasSize(2);
    sim.failToStart(fresh.get(2));

    ServicePlan trip = sim.tick();
    assertThat(sim.primary().id()).isEqualTo(d1);
    assertThat(trip.launches()).isEmpty();
    assertThat(trip.stops()).hasSize(2).allSatisfy(s ->
        assertThat(s.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + d1 + ")"));
    assertThat(trip.events()).containsExactly(
        "(service web) (deployment " + d2 + ") deployment failed: tasks failed to start.",
        "(service web) rolling back to deployment " + d1 + ".",
        "(service web) stopped 2 pending tasks.");
  }

  @Test
  void aRollbackToADeploymentAlreadyDrainedBringsItBackUnderItsOwnId() {
    // 0/100 at 1: the old task is stopped before the new one starts, and its deployment leaves the list.
    ServiceSim sim = ServiceSim.replica(1, 0, 100).breaker(true, true).steady();
    Deployment completed = sim.primary();
    sim.update(TD2);
    String d2 = sim.primary().id();
    sim.tick();
    sim.finishStops();
    sim.tick();
    assertThat(sim.service.deployments()).extracting(Deployment::id).containsExactly(d2);
    for (int i = 0; i < 3; i++) {
      sim.pending().forEach(sim::failToStart);
      sim.advance(Duration.ofMinutes(1)); // past the restart throttle
      sim.tick();
    }

    assertThat(sim.service.deployments()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(completed.id());
      assertThat(d.createdAt()).isEqualTo(completed.createdAt());
      assertThat(d.status()).isEqualTo("PRIMARY");
      assertThat(d.rolloutState()).isEqualTo("IN_PROGRESS");
      assertThat(d.taskDefinition()).isEqualTo(TD1);
    });
    assertThat(sim.lastPlan.launches()).singleElement()
        .satisfies(l -> assertThat(l.deploymentId()).isEqualTo(completed.id()));
    assertThat(sim.events).contains(
        "(service web) (deployment " + d2 + ") deployment failed: tasks failed to start.",
        "(service web) rolling back to deployment " + completed.id() + ".");

    sim.runAllPending();
    sim.advance(Duration.ofSeconds(41));
    sim.tick();
    assertThat(sim.primary().rolloutState()).isEqualTo("COMPLETED");
    assertThat(sim.primary().id()).isEqualTo(completed.id());
  }

  @Test
  void withoutRollbackTheFailedDeploymentLaunchesNothingAndTheOldTasksStay() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).breaker(true, false).steady();
    String d1 = sim.primary().id();
    sim.update(TD2);
    for (int i = 0; i < 3; i++) {
      sim.tick();
      sim.pending().forEach(sim::failToStart);
    }
    ServicePlan plan = sim.tick();
    assertThat(sim.primary().rolloutState()).isEqualTo("FAILED");
    assertThat(sim.primary().status()).isEqualTo("PRIMARY");
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).isEmpty();
    assertThat(sim.liveOf(d1)).hasSize(3);

    sim.advance(Duration.ofHours(1));
    assertThat(sim.tick().launches()).isEmpty();
  }

  @Test
  void failuresAreConsecutiveAHealthyTaskResetsTheCount() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).healthChecks(TD2).breaker(true, true).steady();
    sim.update(TD2);
    sim.tick();
    List<String> fresh = sim.pending();
    sim.failToStart(fresh.get(0));
    sim.failToStart(fresh.get(1));
    sim.tick();
    assertThat(sim.primary().failedTasks()).isEqualTo(2);

    sim.runHealthy(fresh.get(2));
    sim.tick();
    assertThat(sim.primary().failedTasks()).isZero();
    assertThat(sim.primary().rolloutState()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void healthCheckFailuresAfterRunningCountToo() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).healthChecks(TD2).breaker(true, false).steady();
    sim.update(TD2);
    sim.tick();
    sim.pending().forEach(id -> {
      sim.run(id);
      sim.health(id, "UNHEALTHY");
    });
    ServicePlan plan = sim.tick();
    assertThat(sim.primary().failedTasks()).isEqualTo(3);
    assertThat(sim.primary().rolloutState()).isEqualTo("FAILED");
    // The failed deployment's unhealthy tasks are stopped, not replaced.
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).hasSize(3).allSatisfy(s ->
        assertThat(s.stoppedReason()).isEqualTo("Task failed container health checks"));
  }

  @Test
  void aFirstDeploymentThatFailsHasNothingToRollBackTo() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200).breaker(true, true);
    for (int i = 0; i < 3; i++) {
      sim.tick();
      sim.pending().forEach(sim::failToStart);
    }
    sim.tick();
    assertThat(sim.service.deployments()).singleElement().satisfies(d -> {
      assertThat(d.rolloutState()).isEqualTo("FAILED");
      assertThat(d.status()).isEqualTo("PRIMARY");
    });
  }
}
