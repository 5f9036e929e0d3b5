package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.scheduler.service.ServiceSim.T0;
import static dev.ecsemulator.scheduler.service.ServiceSim.TD2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.scheduler.service.ClassifiedTask.Phase;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service behind a load balancer: a task counts as healthy once its targets are healthy (and its containers, when
 * it has health checks), with no 40 s rule; an unhealthy target after the grace period gets the task replaced (Model
 * docs of DeploymentConfiguration, "For services that do use a load balancer"; healthCheckGracePeriodSeconds).
 */
class LoadBalancedTest {

  static final String GROUP = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123456789abcdef";
  static final TargetsHealth UNHEALTHY = TargetsHealth.unhealthyIn(GROUP);

  static Stream<Arguments> phases() {
    return Stream.of(
        // container checks, container health, targets, seconds since RUNNING, grace, phase
        Arguments.of(false, "UNKNOWN", TargetsHealth.WAITING, 60, 0, Phase.STARTING),
        Arguments.of(false, "UNKNOWN", TargetsHealth.HEALTHY, 0, 0, Phase.HEALTHY),
        Arguments.of(true, "UNKNOWN", TargetsHealth.HEALTHY, 60, 0, Phase.STARTING),
        Arguments.of(true, "HEALTHY", TargetsHealth.WAITING, 60, 0, Phase.STARTING),
        Arguments.of(true, "HEALTHY", TargetsHealth.HEALTHY, 1, 0, Phase.HEALTHY),
        Arguments.of(false, "UNKNOWN", UNHEALTHY, 10, 0, Phase.UNHEALTHY),
        Arguments.of(false, "UNKNOWN", UNHEALTHY, 10, 30, Phase.STARTING),
        Arguments.of(false, "UNKNOWN", UNHEALTHY, 30, 30, Phase.UNHEALTHY),
        Arguments.of(true, "UNHEALTHY", TargetsHealth.HEALTHY, 10, 30, Phase.STARTING),
        Arguments.of(true, "UNHEALTHY", TargetsHealth.HEALTHY, 31, 30, Phase.UNHEALTHY));
  }

  @ParameterizedTest(name = "checks={0} containers={1} targets={2} after {3} s, grace {4} s: {5}")
  @MethodSource("phases")
  void aRunningTaskBehindALoadBalancerIsClassifiedByItsTargets(boolean checks, String health, TargetsHealth targets,
      int seconds, int grace, Phase phase) {
    ObservedTask task = new ObservedTask("t1", "ecs-svc/1", "RUNNING", "RUNNING", health, checks, T0, T0, null, null,
        null, null, targets);
    assertThat(ClassifiedTask.classify(task, Duration.ofSeconds(grace), T0.plusSeconds(seconds)).phase)
        .isEqualTo(phase);
  }

  @Test
  void theRolloutWaitsForTheNewTargetsNotForFortySeconds() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200);
    sim.tick();
    sim.pending().forEach(id -> {
      sim.run(id);
      sim.targets(id, TargetsHealth.HEALTHY);
    });
    assertThat(sim.tick().events()).contains("(service web) has reached a steady state.");
    List<String> old = sim.liveOf(sim.primary().id());

    sim.update(TD2);
    assertThat(sim.tick().launches()).hasSize(3);
    sim.pending().forEach(id -> {
      sim.run(id);
      sim.targets(id, TargetsHealth.WAITING);
    });
    sim.advance(Duration.ofMinutes(5));
    assertThat(sim.tick().stops()).as("new targets not healthy yet: nothing old may go").isEmpty();

    List<String> fresh = sim.liveOf(sim.primary().id());
    sim.targets(fresh.get(0), TargetsHealth.HEALTHY);
    assertThat(sim.tick().stops()).extracting(TaskStop::taskId).hasSize(1).isSubsetOf(old);
    fresh.forEach(id -> sim.targets(id, TargetsHealth.HEALTHY));
    assertThat(sim.tick().stops()).extracting(TaskStop::taskId).hasSize(2).isSubsetOf(old);
  }

  @Test
  void aTaskWhoseTargetFailsItsHealthChecksIsReplacedAfterTheGracePeriod() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200).grace(30);
    sim.tick();
    String task = sim.pending().get(0);
    sim.run(task);
    sim.targets(task, UNHEALTHY);
    assertThat(sim.tick().launches()).as("in the grace period").isEmpty();

    sim.advance(Duration.ofSeconds(30));
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).hasSize(1);
    assertThat(plan.events()).first().isEqualTo("(service web) (task " + task + ") is unhealthy in (target-group "
        + GROUP + ") due to (reason Health checks failed).");

    String replacement = plan.launches().get(0).taskId();
    sim.run(replacement);
    sim.targets(replacement, TargetsHealth.HEALTHY);
    assertThat(sim.tick().stops()).singleElement().satisfies(s -> {
      assertThat(s.taskId()).isEqualTo(task);
      assertThat(s.stoppedReason()).isEqualTo("Task failed ELB health checks in (target-group " + GROUP + ")");
      assertThat(s.stopCode()).isEqualTo("ServiceSchedulerInitiated");
    });
  }
}
