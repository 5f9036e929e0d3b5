package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.scheduler.task.TaskSim.container;
import static dev.ecsemulator.scheduler.task.TaskSim.definition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.task.TaskAction.Deactivate;
import dev.ecsemulator.scheduler.task.TaskAction.DeregisterTargets;
import dev.ecsemulator.scheduler.task.TaskAction.RegisterTargets;
import dev.ecsemulator.scheduler.task.TaskAction.StopContainers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The task decision for a task of a service with {@code loadBalancers}, with no Docker: ACTIVATING while its targets
 * register, DEACTIVATING while they drain, its containers stopped only once they have drained.
 */
class LoadBalancedTaskTest {

  static final TaskDefinition ONE = definition("bridge", container("app").build());

  /** A registering task launched, started and registered by passes. */
  static TaskSim registered() {
    TaskSim sim = new TaskSim(ONE, "EC2", false);
    sim.registers = true;
    sim.settle(5);
    return sim;
  }

  /**
   * The statuses the task goes through: as each decision sees it (what a launch that started containers recorded
   * included), and as each plan's recorded observations leave it.
   */
  static List<String> statuses(TaskSim sim) {
    List<String> seen = new ArrayList<>();
    sim.onDecision = d -> {
      seen.add(d.seen().task().lastStatus());
      d.plan().actions().stream()
          .filter(TaskAction.Record.class::isInstance)
          .map(TaskAction.Record.class::cast)
          .forEach(r -> seen.add(TaskLifecycle.observe(d.seen().task(), d.seen().definition(), r.seen(), sim.now,
              r.registers()).lastStatus()));
    };
    return seen;
  }

  static boolean asks(List<TaskPlan> plans, Class<? extends TaskAction> kind) {
    return plans.stream().flatMap(p -> p.actions().stream()).anyMatch(kind::isInstance);
  }

  @Test
  void aStartedTaskIsActivatingUntilItsTargetsAreRegistered() {
    TaskSim sim = new TaskSim(ONE, "EC2", false);
    sim.registers = true;
    List<String> seen = statuses(sim);

    sim.settle(5);

    assertThat(sim.registered).isTrue();
    assertThat(sim.task.lastStatus()).isEqualTo("RUNNING");
    assertThat(sim.task.startedAt()).isNotNull();
    assertThat(seen).contains("ACTIVATING");
  }

  @Test
  void aTaskNoLoadBalancerRegistersNeverActivates() {
    TaskSim sim = new TaskSim(ONE, "EC2", false);
    List<String> seen = statuses(sim);

    sim.settle(5);

    assertThat(sim.registered).isFalse();
    assertThat(sim.task.lastStatus()).isEqualTo("RUNNING");
    assertThat(seen).doesNotContain("ACTIVATING");
  }

  @Test
  void containersStopOnlyOnceTheTargetsHaveDrained() {
    TaskSim sim = registered();
    sim.drained = false;
    sim.task = TaskLifecycle.requestStop(sim.task, "ServiceSchedulerInitiated", "Scaling activity", sim.now, true);
    assertThat(sim.task.lastStatus()).isEqualTo("DEACTIVATING");

    List<TaskPlan> draining = sim.pass();

    assertThat(sim.registered).isFalse();
    assertThat(sim.task.lastStatus()).isEqualTo("DEACTIVATING");
    assertThat(sim.docker.get("app").state).isEqualTo(ObservedContainer.State.RUNNING);
    assertThat(asks(draining, StopContainers.class)).isFalse();
    assertThat(draining.get(draining.size() - 1).wakeAt())
        .isEqualTo(Optional.of(sim.now.plus(TaskReconciler.DRAIN_POLL)));

    sim.drained = true;
    List<TaskPlan> drained = sim.pass();

    assertThat(asks(drained, Deactivate.class)).isTrue();
    assertThat(sim.docker.get("app").state).isEqualTo(ObservedContainer.State.EXITED);
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
  }

  @Test
  void aTaskWhoseOnlyContainerExitedIsDeregisteredOnceStopped() {
    TaskSim sim = registered();
    sim.drained = false;
    sim.exit("app", 1, false);

    List<TaskPlan> plans = sim.pass();

    assertThat(sim.task.stopCode()).isEqualTo("EssentialContainerExited");
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
    assertThat(asks(plans, DeregisterTargets.class)).isTrue();
    assertThat(sim.registered).isFalse();
  }

  @Test
  void anEssentialExitWithAnotherContainerRunningDeactivatesTheTask() {
    TaskSim sim = new TaskSim(definition("bridge", container("app").build(),
        container("sidecar").essential(false).build()), "EC2", false);
    sim.registers = true;
    sim.settle(5);
    assertThat(sim.registered).isTrue();
    sim.drained = false;
    sim.exit("app", 1, false);

    sim.pass();

    assertThat(sim.task.lastStatus()).isEqualTo("DEACTIVATING");
    assertThat(sim.docker.get("sidecar").state).isEqualTo(ObservedContainer.State.RUNNING);
    assertThat(sim.registered).isFalse();

    sim.drained = true;
    sim.pass();

    assertThat(sim.docker.get("sidecar").state).isEqualTo(ObservedContainer.State.EXITED);
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
  }

  /** A stop that skipped DEACTIVATING (the emulator's shutdown asks for one without draining). */
  @Test
  void aTaskStoppingWithoutDeactivatingIsDeregisteredWithoutWaiting() {
    TaskSim sim = registered();
    sim.drained = false;
    sim.stopTask();

    List<TaskPlan> plans = sim.pass();

    assertThat(asks(plans, DeregisterTargets.class)).isTrue();
    assertThat(asks(plans, StopContainers.class)).isTrue();
    assertThat(sim.registered).isFalse();
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
  }

  @Test
  void aTaskWhoseServiceNoLongerRegistersLeavesDeactivatingWithoutDeregistering() {
    TaskSim sim = registered();
    sim.task = TaskLifecycle.requestStop(sim.task, "ServiceSchedulerInitiated", "Scaling activity", sim.now, true);
    sim.registers = false;

    List<TaskPlan> plans = sim.pass();

    assertThat(asks(plans, DeregisterTargets.class)).isFalse();
    assertThat(asks(plans, RegisterTargets.class)).isFalse();
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
  }
}
