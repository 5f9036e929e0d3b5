package dev.ecsemulator.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Service;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The steady-state event, its repetition, and the service statuses the reconciler honours. */
class SteadyStateTest {

  static final String STEADY = "(service web) has reached a steady state.";

  @Test
  void steadyStateIsReportedOnceThenEverySixHoursAndAgainAfterARecovery() {
    ServiceSim sim = ServiceSim.replica(2, 100, 200).steady();
    assertThat(sim.events).containsOnlyOnce(STEADY);
    Instant reported = sim.now.minusSeconds(41 * 9); // the second tick of steady() reached it

    sim.advance(Duration.ofHours(1));
    ServicePlan plan = sim.tick();
    assertThat(plan.events()).isEmpty();
    assertThat(plan.wakeAt()).contains(reported.plus(Duration.ofHours(6)));

    sim.advanceToWake();
    assertThat(sim.tick().events()).containsExactly(STEADY);

    sim.exit(sim.liveOf(sim.primary().id()).get(0));
    plan = sim.tick();
    assertThat(plan.events()).singleElement().asString().startsWith("(service web) has started 1 tasks: (task ");
    sim.runAllPending();
    sim.advance(Duration.ofSeconds(40));
    assertThat(sim.tick().events()).containsExactly(STEADY);
  }

  @Test
  void aDrainingServiceStopsEveryTaskAndAnInactiveOneIsLeftAlone() {
    ServiceSim sim = ServiceSim.replica(2, 100, 200).steady();
    sim.service = sim.service.toBuilder().status("DRAINING").build();
    ServicePlan plan = sim.tick();
    assertThat(plan.stops()).hasSize(2); // min healthy of 0 tasks is 0
    sim.finishStops();
    plan = sim.tick();
    assertThat(plan.runningCount()).isZero();
    assertThat(sim.service.deployments()).singleElement().satisfies(d -> assertThat(d.runningCount()).isZero());

    Service inactive = sim.service.toBuilder().status("INACTIVE").build();
    plan = sim.reconciler.reconcile(inactive, sim.memory, sim.observation(), sim.now);
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).isEmpty();
    assertThat(plan.events()).isEmpty();
    assertThat(plan.deployments()).isEqualTo(inactive.deployments());
  }

  @Test
  void theSameInputsGiveTheSamePlan() {
    ServiceSim sim = ServiceSim.replica(3, 50, 200).steady();
    sim.update(ServiceSim.TD2);
    ServiceObservation observation = sim.observation();
    ServicePlan a = new ServiceReconciler(Ids.sequential()).reconcile(sim.service, sim.memory, observation, sim.now);
    ServicePlan b = new ServiceReconciler(Ids.sequential()).reconcile(sim.service, sim.memory, observation, sim.now);
    assertThat(a).isEqualTo(b);
    assertThat(a.launches()).hasSize(3);
    assertThat(a.stops()).hasSize(1);
  }

  @Test
  void reconcilingTheSameObservationAgainRepeatsNoEventAndNoFailure() {
    ServiceSim sim = ServiceSim.replica(2, 100, 200).healthChecks(ServiceSim.TD1).steady();
    String sick = sim.liveOf(sim.primary().id()).get(0);
    sim.health(sick, "UNHEALTHY");
    ServiceObservation observation = sim.observation();
    ServicePlan first = sim.reconciler.reconcile(sim.service, sim.memory, observation, sim.now);
    ServicePlan again = sim.reconciler.reconcile(first.applyTo(sim.service), first.memory(), observation, sim.now);
    assertThat(first.events()).contains("(service web) (task " + sick + ") failed container health checks.");
    assertThat(again.events()).noneMatch(e -> e.contains("failed container health checks"));
    assertThat(again.deployments().get(0).failedTasks()).isEqualTo(1);
  }
}
