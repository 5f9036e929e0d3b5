package dev.ecsemulator.scheduler.service;

import static dev.ecsemulator.scheduler.service.ServiceSim.TD1;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stopped and unhealthy tasks are replaced (reference §4; guide deployment-type-ecs.md). */
class ReplacementTest {

  @Test
  void anUnhealthyTaskIsReplacedStartFirstWhenMaximumPercentAllows() {
    ServiceSim sim = ServiceSim.replica(3, 100, 200).healthChecks(TD1).steady();
    String d1 = sim.primary().id();
    String sick = sim.liveOf(d1).get(1);

    sim.health(sick, "UNHEALTHY");
    ServicePlan plan = sim.tick();
    assertThat(plan.stops()).isEmpty();
    assertThat(plan.launches()).hasSize(1);
    String replacement = plan.launches().get(0).taskId();
    assertThat(plan.events()).containsExactly(
        "(service web) (task " + sick + ") failed container health checks.",
        "(service web) has started 1 tasks: (task " + replacement + ").");
    assertThat(sim.primary().failedTasks()).isEqualTo(1);
    assertThat(sim.primary().rolloutState()).isEqualTo("COMPLETED"); // a replacement is no deployment

    assertThat(sim.tick().events()).isEmpty(); // reported once

    sim.runHealthy(replacement);
    plan = sim.tick();
    assertThat(plan.stops()).singleElement().satisfies(s -> {
      assertThat(s.taskId()).isEqualTo(sick);
      assertThat(s.stoppedReason()).isEqualTo("Task failed container health checks");
      assertThat(s.stopCode()).isEqualTo("ServiceSchedulerInitiated");
    });
    assertThat(plan.events()).containsExactly("(service web) has stopped 1 running tasks: (task " + sick + ").");
    assertThat(sim.primary().failedTasks()).isZero(); // the healthy replacement reset the streak

    sim.finishStops();
    assertThat(sim.tick().events()).containsExactly("(service web) has reached a steady state.");
  }

  @Test
  void whenMaximumPercentForbidsStartingFirstTheUnhealthyTaskIsStoppedFirst() {
    ServiceSim sim = ServiceSim.replica(2, 50, 100).healthChecks(TD1).steady();
    List<String> tasks = sim.liveOf(sim.primary().id());
    sim.health(tasks.get(0), "UNHEALTHY");
    sim.health(tasks.get(1), "UNHEALTHY");

    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactly(tasks.get(0)); // one at a time

    assertThat(sim.tick().stops()).isEmpty(); // waits for it

    sim.finishStops();
    plan = sim.tick();
    assertThat(plan.launches()).hasSize(1);
    assertThat(plan.stops()).isEmpty(); // the next one waits for this replacement

    sim.runAllPending();
    plan = sim.tick();
    assertThat(plan.stops()).extracting(TaskStop::taskId).containsExactly(tasks.get(1));
    sim.finishStops();
    assertThat(sim.tick().launches()).hasSize(1);
  }

  @Test
  void unhealthyIsIgnoredDuringTheGracePeriod() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200).healthChecks(TD1).grace(60);
    sim.tick();
    String task = sim.pending().get(0);
    sim.run(task);
    sim.health(task, "UNHEALTHY");
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).isEmpty();
    assertThat(plan.events()).isEmpty();
    assertThat(plan.wakeAt()).contains(sim.now.plusSeconds(60));

    sim.advance(Duration.ofSeconds(60));
    plan = sim.tick();
    assertThat(plan.events()).first().isEqualTo("(service web) (task " + task + ") failed container health checks.");
    assertThat(plan.launches()).hasSize(1);
  }

  @Test
  void aTaskThatExitsIsReplacedAndTheReplacementIsAnnounced() {
    ServiceSim sim = ServiceSim.replica(2, 100, 200).steady();
    String dead = sim.liveOf(sim.primary().id()).get(0);
    sim.exit(dead);
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).hasSize(1);
    assertThat(plan.runningCount()).isEqualTo(1);
    assertThat(plan.pendingCount()).isEqualTo(1);
    // It was healthy (RUNNING for more than 40 s without health checks): not a failure.
    assertThat(sim.primary().failedTasks()).isZero();

    sim.runAllPending();
    sim.advance(Duration.ofSeconds(40));
    assertThat(sim.tick().events()).containsExactly("(service web) has reached a steady state.");
  }

  @Test
  void tasksStoppedByAUserAreReplacedButAreNoFailure() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200).healthChecks(TD1);
    sim.tick();
    String task = sim.pending().get(0);
    sim.tasks.put(task, ServiceSim.with(sim.tasks.get(task), "STOPPED", "STOPPED", "UNKNOWN", null, sim.now,
        "UserInitiated", "Task stopped by user"));
    ServicePlan plan = sim.tick();
    assertThat(plan.launches()).hasSize(1);
    assertThat(sim.primary().failedTasks()).isZero();
  }

  @Test
  void aFreshMemoryDoesNotCountTasksThatStoppedBeforeIt() {
    ServiceSim sim = ServiceSim.replica(1, 100, 200).breaker(true, false);
    sim.tick();
    String task = sim.pending().get(0);
    sim.failToStart(task);
    sim.advance(Duration.ofSeconds(1));
    sim.memory = ServiceMemory.startingAt(sim.now); // e.g. the emulator restarted
    sim.tick();
    assertThat(sim.primary().failedTasks()).isZero();
    assertThat(sim.memory.startFailures()).isZero();
  }
}
