package dev.ecsemulator.core.elbv2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.elbv2.health.HealthMachine;
import dev.ecsemulator.core.elbv2.health.HealthMachine.Outcome;
import dev.ecsemulator.core.elbv2.health.HealthMachine.Probe;
import dev.ecsemulator.core.elbv2.health.HealthMachine.Run;
import dev.ecsemulator.core.elbv2.health.HealthMachine.Step;
import dev.ecsemulator.core.elbv2.health.HealthMachine.Thresholds;
import dev.ecsemulator.core.elbv2.health.HttpCodes;
import dev.ecsemulator.core.elbv2.model.TargetHealth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The target health state machine, driven by sequences of check results: no clock, no HTTP. */
class HealthMachineTest {

  static final Thresholds THREE_AND_TWO = new Thresholds(3, 2);
  static final Probe OK = new Probe(Outcome.OK, 200);
  static final Probe MISMATCH = new Probe(Outcome.MISMATCH, 503);
  static final Probe TIMEOUT = new Probe(Outcome.TIMEOUT, 0);
  static final Probe REFUSED = new Probe(Outcome.FAILED, 0);

  /** The health after each probe, from {@code start}. */
  static List<TargetHealth> run(TargetHealth start, Probe... probes) {
    TargetHealth health = start;
    Run run = Run.NONE;
    List<TargetHealth> seen = new java.util.ArrayList<>();
    for (Probe probe : probes) {
      Step step = HealthMachine.next(health, run, probe, THREE_AND_TWO);
      health = step.health();
      run = step.run();
      seen.add(health);
    }
    return seen;
  }

  @Test
  void aNewTargetTurnsHealthyAfterTheHealthyThresholdOfSuccesses() {
    assertThat(run(TargetStates.registering(), OK, OK, OK)).containsExactly(
        TargetStates.initialChecking(), TargetStates.initialChecking(), TargetStates.healthy());
  }

  @Test
  void aFailureInBetweenStartsTheRunAgain() {
    assertThat(run(TargetStates.registering(), OK, OK, MISMATCH, OK, OK).get(4))
        .isEqualTo(TargetStates.initialChecking());
  }

  @Test
  void aNewTargetTurnsUnhealthyAfterTheUnhealthyThresholdWithTheReasonOfTheLastFailure() {
    assertThat(run(TargetStates.registering(), REFUSED, MISMATCH)).containsExactly(
        TargetStates.initialChecking(), TargetStates.codeMismatch(503));
    assertThat(TargetStates.codeMismatch(503).reason()).isEqualTo("Target.ResponseCodeMismatch");
    assertThat(TargetStates.codeMismatch(503).description()).isEqualTo("Health checks failed with these codes: [503]");
  }

  @Test
  void aHealthyTargetToleratesFewerFailuresThanTheThreshold() {
    assertThat(run(TargetStates.healthy(), TIMEOUT, OK, TIMEOUT)).containsOnly(TargetStates.healthy());
    assertThat(run(TargetStates.healthy(), TIMEOUT, TIMEOUT).get(1)).isEqualTo(TargetStates.timedOut());
    assertThat(TargetStates.timedOut().reason()).isEqualTo("Target.Timeout");
  }

  @Test
  void anUnhealthyTargetShowsItsNewestFailureAndRecoversAfterTheHealthyThreshold() {
    assertThat(run(TargetStates.codeMismatch(500), REFUSED, OK, OK, OK)).containsExactly(
        TargetStates.failed(), TargetStates.failed(), TargetStates.failed(), TargetStates.healthy());
    assertThat(TargetStates.failed().reason()).isEqualTo("Target.FailedHealthChecks");
  }

  @Test
  void drainingIsNotTheHealthChecksToChange() {
    assertThat(run(TargetStates.deregistering(), OK, OK, OK, REFUSED, REFUSED))
        .containsOnly(TargetStates.deregistering());
  }

  @Test
  void matchersAcceptCodesListsAndRanges() {
    assertThat(HttpCodes.matches("200", 200)).isTrue();
    assertThat(HttpCodes.matches("200", 204)).isFalse();
    assertThat(HttpCodes.matches("200,202", 202)).isTrue();
    assertThat(HttpCodes.matches("200-299", 299)).isTrue();
    assertThat(HttpCodes.matches("200-299,302", 302)).isTrue();
    assertThat(HttpCodes.matches("200-299", 300)).isFalse();
    assertThat(Probe.of(404, "200-399").outcome()).isEqualTo(Outcome.MISMATCH);
  }
}
