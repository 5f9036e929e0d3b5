package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.core.service.LifecycleStage.BAKE_TIME;
import static dev.ecsemulator.core.service.LifecycleStage.CLEAN_UP;
import static dev.ecsemulator.core.service.LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT;
import static dev.ecsemulator.core.service.LifecycleStage.POST_SCALE_UP;
import static dev.ecsemulator.core.service.LifecycleStage.POST_TEST_TRAFFIC_SHIFT;
import static dev.ecsemulator.core.service.LifecycleStage.PRE_SCALE_UP;
import static dev.ecsemulator.core.service.LifecycleStage.PRODUCTION_TRAFFIC_SHIFT;
import static dev.ecsemulator.core.service.LifecycleStage.SCALE_UP;
import static dev.ecsemulator.core.service.LifecycleStage.TEST_TRAFFIC_SHIFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.CanaryConfiguration;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.LinearConfiguration;
import dev.ecsemulator.core.service.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The traffic shift of BLUE_GREEN, LINEAR and CANARY deployments, step by step: the stages in ECS's order, the
 * production share at each step, the bake times (in "minutes" of one second here), what is held, and what a failure
 * or a rollback does.
 */
class TrafficShiftTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration MINUTE = Duration.ofSeconds(1);
  static final Deployment GREEN = Deployment.builder().id("ecs-svc/2").rolloutState("IN_PROGRESS").build();
  /** Blue runs; green is ready, or still starting. */
  static final TrafficShift.Fleets READY = new TrafficShift.Fleets(true, false, true);
  static final TrafficShift.Fleets STARTING = new TrafficShift.Fleets(true, false, false);

  /** One observed step: the stage, the production share, the test rule, whether blue is held. */
  record Step(LifecycleStage stage, double percent, boolean testToGreen, boolean hold) {
    static Step of(TrafficShift.Decision d) {
      return new Step(d.shift().stage(), d.productionPercent(), d.testToPrimary(), d.holdOlder());
    }
  }

  /**
   * Runs a shift to CLEAN_UP with green ready from the start: each reconcile comes at the decision's wake-up (at once
   * for an instantaneous stage), as the engine schedules it. Returns each step with the second it happened at.
   */
  static List<String> run(DeploymentConfiguration config) {
    List<String> steps = new ArrayList<>();
    Instant now = T0;
    TrafficShift.Decision d = TrafficShift.decide(config, null, GREEN, READY, now, MINUTE);
    for (int i = 0; i < 100 && d.shift().stage() != CLEAN_UP; i++) {
      Step step = Step.of(d);
      steps.add(Duration.between(T0, now).toSeconds() + "s " + step.stage() + " " + step.percent());
      now = d.wakeAt().orElse(now); // SCALE_UP waits for a task change, not the clock: green is ready here
      d = TrafficShift.decide(config, d.shift(), GREEN, READY, now, MINUTE);
    }
    steps.add(Duration.between(T0, now).toSeconds() + "s " + d.shift().stage() + " " + d.productionPercent());
    return steps;
  }

  static DeploymentConfiguration blueGreen(int bake) {
    return DeploymentConfiguration.builder().strategy("BLUE_GREEN").bakeTimeInMinutes(bake).build();
  }

  @Test
  void blueGreenShiftsAllProductionTrafficAtOnceThenBakes() {
    assertThat(run(blueGreen(5))).containsExactly(
        "0s PRE_SCALE_UP 0.0", "0s SCALE_UP 0.0", "0s POST_SCALE_UP 0.0", "0s TEST_TRAFFIC_SHIFT 0.0",
        "0s POST_TEST_TRAFFIC_SHIFT 0.0", "0s PRODUCTION_TRAFFIC_SHIFT 100.0",
        "0s POST_PRODUCTION_TRAFFIC_SHIFT 100.0", "0s BAKE_TIME 100.0", "5s CLEAN_UP 100.0");
  }

  @Test
  void linearShiftsStepPercentEveryStepBakeTime() {
    DeploymentConfiguration linear = DeploymentConfiguration.builder().strategy("LINEAR").bakeTimeInMinutes(0)
        .linearConfiguration(LinearConfiguration.builder().stepPercent(25.0).stepBakeTimeInMinutes(2).build()).build();
    assertThat(run(linear)).filteredOn(s -> s.contains("PRODUCTION_TRAFFIC_SHIFT"))
        .containsExactly("0s PRODUCTION_TRAFFIC_SHIFT 25.0", "2s PRODUCTION_TRAFFIC_SHIFT 50.0",
            "4s PRODUCTION_TRAFFIC_SHIFT 75.0", "6s PRODUCTION_TRAFFIC_SHIFT 100.0",
            "6s POST_PRODUCTION_TRAFFIC_SHIFT 100.0");
  }

  @Test
  void linearDefaultsToTenPercentEverySixMinutesAndEndsOnExactlyOneHundred() {
    DeploymentConfiguration linear = DeploymentConfiguration.builder().strategy("LINEAR").build();
    List<String> shifts = run(linear).stream().filter(s -> s.contains(" PRODUCTION_TRAFFIC_SHIFT")).toList();
    assertThat(shifts).hasSize(10).first().isEqualTo("0s PRODUCTION_TRAFFIC_SHIFT 10.0");
    assertThat(shifts).last().isEqualTo("54s PRODUCTION_TRAFFIC_SHIFT 100.0");
    DeploymentConfiguration odd = DeploymentConfiguration.builder().strategy("LINEAR")
        .linearConfiguration(LinearConfiguration.builder().stepPercent(33.3).stepBakeTimeInMinutes(0).build()).build();
    assertThat(run(odd)).filteredOn(s -> s.contains(" PRODUCTION_TRAFFIC_SHIFT"))
        .containsExactly("0s PRODUCTION_TRAFFIC_SHIFT 33.3", "0s PRODUCTION_TRAFFIC_SHIFT 66.6",
            "0s PRODUCTION_TRAFFIC_SHIFT 99.9", "0s PRODUCTION_TRAFFIC_SHIFT 100.0");
  }

  static Stream<Arguments> canaries() {
    return Stream.of(
        Arguments.of(null, null, "0s PRODUCTION_TRAFFIC_SHIFT 5.0", "10s PRODUCTION_TRAFFIC_SHIFT 100.0"),
        Arguments.of(20.0, 3, "0s PRODUCTION_TRAFFIC_SHIFT 20.0", "3s PRODUCTION_TRAFFIC_SHIFT 100.0"),
        Arguments.of(0.1, 0, "0s PRODUCTION_TRAFFIC_SHIFT 0.1", "0s PRODUCTION_TRAFFIC_SHIFT 100.0"));
  }

  @ParameterizedTest(name = "canary {0}% for {1} min")
  @MethodSource("canaries")
  void canaryShiftsItsPercentThenTheRestAfterItsBakeTime(Double percent, Integer minutes, String first,
      String second) {
    DeploymentConfiguration canary = DeploymentConfiguration.builder().strategy("CANARY").bakeTimeInMinutes(0)
        .canaryConfiguration(CanaryConfiguration.builder().canaryPercent(percent).canaryBakeTimeInMinutes(minutes)
            .build()).build();
    assertThat(run(canary)).filteredOn(s -> s.contains(" PRODUCTION_TRAFFIC_SHIFT")).containsExactly(first, second);
  }

  @Test
  void blueIsHeldAndTestTrafficGoesToGreenFromTheTestTrafficShiftOn() {
    Instant now = T0;
    TrafficShift.Decision d = TrafficShift.decide(blueGreen(1), null, GREEN, STARTING, now, MINUTE);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      steps.add(Step.of(d));
      now = now.plusSeconds(1);
      d = TrafficShift.decide(blueGreen(1), d.shift(), GREEN, i >= 2 ? READY : STARTING, now, MINUTE);
    }
    assertThat(steps).startsWith(
        new Step(PRE_SCALE_UP, 0, false, true),
        new Step(SCALE_UP, 0, false, true),
        new Step(SCALE_UP, 0, false, true),
        new Step(POST_SCALE_UP, 0, false, true),
        new Step(TEST_TRAFFIC_SHIFT, 0, true, true),
        new Step(POST_TEST_TRAFFIC_SHIFT, 0, true, true),
        new Step(PRODUCTION_TRAFFIC_SHIFT, 100, true, true),
        new Step(POST_PRODUCTION_TRAFFIC_SHIFT, 100, true, true),
        new Step(BAKE_TIME, 100, true, true),
        new Step(CLEAN_UP, 100, true, false));
  }

  @Test
  void tasksOfAnotherOlderDeploymentAreReconciledAwayFirst() {
    TrafficShift.Fleets interrupted = new TrafficShift.Fleets(true, true, false);
    TrafficShift.Decision d = TrafficShift.decide(blueGreen(0), null, GREEN, interrupted, T0, MINUTE);
    assertThat(d.stage()).contains(LifecycleStage.RECONCILE_SERVICE);
    assertThat(d.wakeAt()).isEmpty();
    d = TrafficShift.decide(blueGreen(0), d.shift(), GREEN, interrupted, T0, MINUTE);
    assertThat(d.stage()).contains(LifecycleStage.RECONCILE_SERVICE);
    d = TrafficShift.decide(blueGreen(0), d.shift(), GREEN, STARTING, T0, MINUTE);
    assertThat(d.stage()).contains(PRE_SCALE_UP);
  }

  @Test
  void scaleUpWaitsForGreenWithoutAClockWakeUp() {
    TrafficShift.Decision pre = TrafficShift.decide(blueGreen(0), null, GREEN, STARTING, T0, MINUTE);
    TrafficShift.Decision scaling = TrafficShift.decide(blueGreen(0), pre.shift(), GREEN, STARTING, T0, MINUTE);
    assertThat(pre.wakeAt()).contains(T0);
    assertThat(scaling.shift().stage()).isEqualTo(SCALE_UP);
    assertThat(scaling.wakeAt()).isEmpty();
  }

  @Test
  void noShiftForRollingForAFirstDeploymentOrForARollback() {
    DeploymentConfiguration rolling = DeploymentConfiguration.builder().strategy("ROLLING").build();
    assertThat(TrafficShift.decide(rolling, null, GREEN, READY, T0, MINUTE)).isEqualTo(TrafficShift.Decision.NONE);
    assertThat(TrafficShift.decide(blueGreen(1), null, GREEN, new TrafficShift.Fleets(false, false, true), T0, MINUTE))
        .as("nothing older to shift from").isEqualTo(TrafficShift.Decision.NONE);
    Deployment rollback = GREEN.toBuilder().id("ecs-svc/1")
        .rolloutStateReason("ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.").build();
    TrafficShift underWay = new TrafficShift("ecs-svc/2", PRODUCTION_TRAFFIC_SHIFT, T0, 100);
    TrafficShift.Decision back = TrafficShift.decide(blueGreen(1), underWay, rollback, READY, T0, MINUTE);
    assertThat(back).as("a rollback sends everything to the PRIMARY (blue again) and holds nothing")
        .isEqualTo(TrafficShift.Decision.NONE);
  }

  @Test
  void aFailedGreenWithoutRollbackSendsProductionAndTestTrafficBackToBlueAndHoldsIt() {
    TrafficShift underWay = new TrafficShift("ecs-svc/2", BAKE_TIME, T0, 100);
    Deployment failed = GREEN.toBuilder().rolloutState("FAILED").build();
    TrafficShift.Decision d = TrafficShift.decide(blueGreen(1), underWay, failed, STARTING, T0, MINUTE);
    assertThat(d.productionPercent()).isZero();
    assertThat(d.testToPrimary()).isFalse();
    assertThat(d.holdOlder()).isTrue();
  }
}
