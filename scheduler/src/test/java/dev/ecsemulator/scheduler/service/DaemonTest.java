package dev.ecsemulator.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DAEMON: one task per container instance, default 0/100 (reference §4). */
class DaemonTest {

  static final String I1 = "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i1";
  static final String I2 = "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i2";
  static final String I3 = "arn:aws:ecs:us-east-1:000000000000:container-instance/default/i3";

  @Test
  void runsOneTaskOnEachInstance() {
    ServiceSim sim = ServiceSim.daemon(I1, I2, I3);
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).extracting(TaskLaunch::containerInstanceArn).containsExactly(I1, I2, I3);

    sim.runAllPending();
    sim.advance(java.time.Duration.ofSeconds(40));
    plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(sim.primary().rolloutState()).isEqualTo("COMPLETED");
    assertThat(sim.primary().desiredCount()).isEqualTo(3);
  }

  @Test
  void anUpdateAtTheDefaults0_100StopsEveryOldTaskThenStartsTheNewOnes() {
    ServiceSim sim = ServiceSim.daemon(I1, I2).steady();
    String d1 = sim.primary().id();
    sim.update(ServiceSim.TD2);
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).isEmpty(); // max 100%: every instance's slot is taken
    assertThat(plan.stops()).hasSize(2); // min 0%: all may go
    sim.finishStops();
    plan = sim.tick();
    assertThat(plan.launches()).extracting(TaskLaunch::containerInstanceArn).containsExactly(I1, I2);
    assertThat(plan.launches()).allSatisfy(l -> assertThat(l.taskDefinition()).isEqualTo(ServiceSim.TD2));
    assertThat(sim.service.deployments()).extracting(d -> d.id()).doesNotContain(d1);
  }

  @Test
  void followsInstancesThatComeAndGo() {
    ServiceSim sim = ServiceSim.daemon(I1, I2).steady();
    sim.instances.add(I3);
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).extracting(TaskLaunch::containerInstanceArn).containsExactly(I3);
    sim.runAllPending();

    sim.instances.remove(I1);
    plan = sim.tick();
    List<String> onI1 = sim.ids(t -> I1.equals(t.containerInstanceArn()));
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactlyElementsOf(onI1);
    assertThat(plan.launches()).isEmpty();
  }
}
