package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.scheduler.service.ServiceSim.TD2;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tasks that never reach RUNNING are retried with a growing delay (guide service-throttle-logic.md). */
class RestartThrottleTest {

  static final String UNABLE = "(service web) is unable to consistently start tasks successfully.";

  @Test
  void theDelayGrowsFromTheThirdConsecutiveFailureUpTo15Minutes() {
    assertThat(RestartThrottle.delayAfter(1)).isZero();
    assertThat(RestartThrottle.delayAfter(2)).isZero();
    assertThat(RestartThrottle.delayAfter(3)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RestartThrottle.delayAfter(4)).isEqualTo(Duration.ofSeconds(20));
    assertThat(RestartThrottle.delayAfter(9)).isEqualTo(Duration.ofSeconds(640));
    assertThat(RestartThrottle.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
    assertThat(RestartThrottle.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void tasksThatNeverRunAreRetriedLaterAndLaterWithOneEvent() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200);
    for (int i = 0; i < 2; i++) { // two failures: retried at once
      sim.tick();
      sim.pending().forEach(sim::failToStart);
    }
    ServicePlan plan = sim.tick(); // sees the second failure: the third attempt goes out at once
    assertThat(plan.launches()).hasSize(1);
    sim.pending().forEach(sim::failToStart);

    plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.events()).containsExactly(UNABLE);
    assertThat(plan.wakeAt()).contains(sim.now.plusSeconds(10));

    sim.advance(Duration.ofSeconds(9));
    assertThat(sim.tick().launches()).isEmpty();
    sim.advance(Duration.ofSeconds(1));
    plan = sim.tick();
    assertThat(plan.launches()).hasSize(1);
    assertThat(plan.events()).doesNotContain(UNABLE);

    sim.pending().forEach(sim::failToStart);
    plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.wakeAt()).contains(sim.now.plusSeconds(20));
    assertThat(plan.events()).isEmpty(); // suppressed while the cause lasts
  }

  @Test
  void tasksThatRanAndDiedAreNotThrottled() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200);
    for (int i = 0; i < 6; i++) {
      assertThat(sim.tick().launches()).as("attempt %d", i).hasSize(1);
      sim.pending().forEach(sim::run);
      sim.advance(Duration.ofSeconds(1));
      sim.liveOf(sim.primary().id()).forEach(sim::exit);
    }
    assertThat(sim.events).doesNotContain(UNABLE);
  }

  @Test
  void aNewDeploymentOrATaskThatRunsEndsTheThrottle() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200);
    for (int i = 0; i < 3; i++) {
      sim.tick();
      sim.pending().forEach(sim::failToStart);
    }
    sim.tick();
    sim.pending().forEach(sim::failToStart);
    assertThat(sim.tick().launches()).isEmpty();

    sim.update(TD2);
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).hasSize(1);
    assertThat(sim.memory.startFailures()).isZero();

    sim.runAllPending();
    sim.tick();
    assertThat(sim.memory.launchNotBefore()).isNull();
  }

  @Test
  void tasksThatCannotBePlacedAreThrottledAndReported() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200);
    ServicePlan plan = sim.reconciler.reconcile(sim.service, sim.memory, sim.observation(), sim.now);
    sim.apply(plan, Set.copyOf(plan.launches().stream().map(TaskLaunch::taskId).toList()));
    assertThat(sim.tasks).isEmpty();

    plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.events()).containsExactly(
        UNABLE,
        "(service web) was unable to place a task because no container instance met all of its requirements.");
    assertThat(plan.wakeAt()).contains(sim.now.plusSeconds(10));
  }
}
