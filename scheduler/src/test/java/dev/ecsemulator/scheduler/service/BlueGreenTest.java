package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.scheduler.service.ServiceSim.TD2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.DeploymentCircuitBreaker;
import dev.ecsemulator.core.service.LifecycleStage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconciler with a BLUE_GREEN service behind a load balancer: green starts in full beside blue (up to 200 %
 * whatever maximumPercent says), blue keeps every task until CLEAN_UP, then goes; a circuit-breaker rollback sends
 * everything back to blue and stops green.
 */
class BlueGreenTest {

  static ServiceSim blueGreen(int bakeMinutes, int maximumPercent) {
    ServiceSim sim = ServiceSim.replica(3, 100, maximumPercent);
    sim.service = sim.service.toBuilder().deploymentConfiguration(sim.service.deploymentConfiguration().toBuilder()
        .strategy("BLUE_GREEN").bakeTimeInMinutes(bakeMinutes).build()).build();
    sim.tick();
    sim.pending().forEach(id -> healthyTarget(sim, id));
    sim.tick();
    return sim;
  }

  static void healthyTarget(ServiceSim sim, String id) {
    sim.run(id);
    sim.targets(id, TargetsHealth.HEALTHY);
  }

  static LifecycleStage stage(ServicePlan plan) {
    return plan.traffic().stage().orElse(null);
  }

  @Test
  void greenStartsInFullBesideBlueWhichStaysUntilCleanUp() {
    ServiceSim sim = blueGreen(2, 100);
    assertThat(sim.lastPlan.traffic()).as("a first deployment shifts nothing").isEqualTo(TrafficShift.Decision.NONE);
    List<String> blue = sim.liveOf(sim.primary().id());

    sim.update(TD2);
    ServicePlan plan = sim.tick();
    assertThat(stage(plan)).isEqualTo(LifecycleStage.PRE_SCALE_UP);
    assertThat(plan.launches()).as("all of green at once, maximumPercent 100 notwithstanding").hasSize(3);
    assertThat(plan.stops()).isEmpty();
    assertThat(plan.wakeAt()).contains(sim.now);
    assertThat(stage(sim.tick())).isEqualTo(LifecycleStage.SCALE_UP);
    List<String> green = sim.pending();
    green.forEach(id -> healthyTarget(sim, id));

    for (LifecycleStage expected : List.of(LifecycleStage.POST_SCALE_UP, LifecycleStage.TEST_TRAFFIC_SHIFT,
        LifecycleStage.POST_TEST_TRAFFIC_SHIFT, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT,
        LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT, LifecycleStage.BAKE_TIME)) {
      plan = sim.tick();
      assertThat(stage(plan)).isEqualTo(expected);
      assertThat(plan.stops()).as("blue is held in %s", expected).isEmpty();
    }
    assertThat(plan.traffic().productionPercent()).isEqualTo(100);
    assertThat(plan.wakeAt()).contains(sim.now.plus(Duration.ofMinutes(2)));
    sim.advance(Duration.ofMinutes(1));
    assertThat(sim.tick().stops()).as("still baking").isEmpty();

    sim.advance(Duration.ofMinutes(1));
    plan = sim.tick();
    assertThat(stage(plan)).isEqualTo(LifecycleStage.CLEAN_UP);
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactlyInAnyOrderElementsOf(blue);
    sim.finishStops();
    sim.tick();
    assertThat(sim.service.deployments()).hasSize(1);
    assertThat(sim.primary().rolloutState()).isEqualTo("COMPLETED");
    assertThat(sim.liveOf(sim.primary().id())).containsExactlyInAnyOrderElementsOf(green);
  }

  @Test
  void aGreenFleetThatKeepsFailingIsRolledBackToBlue() {
    ServiceSim sim = blueGreen(0, 200);
    sim.service = sim.service.toBuilder().deploymentConfiguration(sim.service.deploymentConfiguration().toBuilder()
        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build()).build())
        .build();
    String blueId = sim.primary().id();
    List<String> blue = sim.liveOf(blueId);
    sim.update(TD2);
    for (int i = 0; i < 10 && sim.primary().id().equals(blueId) == false; i++) {
      sim.tick();
      sim.pending().forEach(sim::failToStart);
    }
    ServicePlan plan = sim.tick();
    assertThat(sim.primary().id()).as("blue is PRIMARY again").isEqualTo(blueId);
    assertThat(plan.traffic()).isEqualTo(TrafficShift.Decision.NONE);
    assertThat(sim.liveOf(blueId)).containsExactlyInAnyOrderElementsOf(blue);
    assertThat(sim.events).anyMatch(e -> e.contains("rolling back"));
  }
}
