package dev.ecsemulator.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.scheduler.service.RolloutTimeCalculator.StepDurations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The theoretical minimum of a rolling update, and the reconciler reaching it. */
class RolloutTimeCalculatorTest {

  static final StepDurations STEPS =
      new StepDurations(Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofMillis(500));

  @Test
  void threeTasksAt100_200TakeOneLaunchOneHealthCheckAndOneStop() {
    // All 3 new tasks start at once; the old ones stop once the new ones are healthy.
    assertThat(RolloutTimeCalculator.minimumRolloutTime(3, 100, 200, STEPS)).isEqualTo(Duration.ofMillis(300 + 10_000 + 500));
  }

  @Test
  void threeTasksAt50_100GoOneAtATime() {
    // max 3, min 2: stop one old, start one new, wait until healthy, and again, three times.
    assertThat(RolloutTimeCalculator.minimumRolloutTime(3, 50, 100, STEPS))
        .isEqualTo(Duration.ofMillis(300 + 10_000 + 500).multipliedBy(3));
  }

  @Test
  void fourTasksAt50_100GoTwoAtATime() {
    assertThat(RolloutTimeCalculator.minimumRolloutTime(4, 50, 100, STEPS))
        .isEqualTo(Duration.ofMillis(300 + 10_000 + 500).multipliedBy(2));
  }

  @Test
  void aConfigurationThatCannotMoveHasNoMinimum() {
    assertThatThrownBy(() -> RolloutTimeCalculator.minimumRolloutTime(2, 75, 100, STEPS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("75/100");
  }

  @Test
  void dockerReportsHealthyAfterTheFirstPassingProbe() {
    Duration probe = Duration.ofMillis(50);
    // Ready before the first probe: the first probe, one interval after the start, passes.
    assertThat(RolloutTimeCalculator.dockerTimeToHealthy(Duration.ofSeconds(5), Duration.ofSeconds(1), probe))
        .isEqualTo(Duration.ofMillis(5_050));
    // Ready at 6 s: the first probe (5 s) fails; the second starts 5 s after the first ended.
    assertThat(RolloutTimeCalculator.dockerTimeToHealthy(Duration.ofSeconds(5), Duration.ofSeconds(6), probe))
        .isEqualTo(Duration.ofMillis(10_100));
  }

  @ParameterizedTest(name = "{0} tasks at {1}/{2}")
  @CsvSource({"3,100,200", "3,50,100", "4,50,100", "3,0,100", "5,50,200", "3,100,150"})
  void theReconcilerTakesEachStepTheInstantItIsAllowed(int desired, int min, int max) {
    assertThat(rolloutTimeWithTheReconciler(desired, min, max, STEPS))
        .isEqualTo(RolloutTimeCalculator.minimumRolloutTime(desired, min, max, STEPS));
  }

  /** Drives the reconciler through an update where every step takes exactly {@code steps}. */
  static Duration rolloutTimeWithTheReconciler(int desired, int min, int max, StepDurations steps) {
    ServiceSim sim = ServiceSim.replica(desired, min, max).healthChecks(ServiceSim.TD1).healthChecks(ServiceSim.TD2).steady();
    sim.update(ServiceSim.TD2);
    String target = sim.primary().id();
    Instant start = sim.now;
    TreeMap<Instant, List<Runnable>> agenda = new TreeMap<>();
    for (int step = 0; step < 1_000; step++) {
      ServicePlan plan = sim.tick();
      for (TaskLaunch l : plan.launches()) {
        at(agenda, sim.now.plus(steps.launch()), () -> sim.run(l.taskId()));
        at(agenda, sim.now.plus(steps.launch()).plus(steps.becomeHealthy()), () -> sim.health(l.taskId(), "HEALTHY"));
      }
      for (TaskStop s : plan.stops()) {
        at(agenda, sim.now.plus(steps.stop()), () -> {
          ObservedTask t = sim.tasks.get(s.taskId());
          sim.tasks.put(t.taskId(), ServiceSim.with(t, "STOPPED", "STOPPED", t.healthStatus(), t.startedAt(), sim.now, t.stopCode(), t.stoppedReason()));
        });
      }
      if (sim.service.deployments().size() == 1 && sim.primary().id().equals(target)
          && "COMPLETED".equals(sim.primary().rolloutState())) {
        return Duration.between(start, sim.now);
      }
      var next = agenda.pollFirstEntry();
      sim.now = next.getKey();
      next.getValue().forEach(Runnable::run);
    }
    throw new AssertionError("the rollout did not finish");
  }

  static void at(TreeMap<Instant, List<Runnable>> agenda, Instant when, Runnable action) {
    agenda.computeIfAbsent(when, k -> new ArrayList<>()).add(action);
  }
}
