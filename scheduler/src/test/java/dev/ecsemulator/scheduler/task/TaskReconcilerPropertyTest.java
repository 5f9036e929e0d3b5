package dev.ecsemulator.scheduler.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerDependency;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.Health;
import dev.ecsemulator.scheduler.task.TaskAction.ContainerStop;
import dev.ecsemulator.scheduler.task.TaskAction.Launch;
import dev.ecsemulator.scheduler.task.TaskAction.Start;
import dev.ecsemulator.scheduler.task.TaskAction.StopContainers;
import dev.ecsemulator.scheduler.task.TaskSim.Decided;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random task definitions (one to four containers, essential or not, health checks, dependsOn chains with every
 * condition and startTimeouts, bridge or awsvpc, EC2 or Fargate) driven through passes while Docker misbehaves at
 * random between them (containers exit with any code or are OOM-killed, turn healthy or unhealthy, vanish; the
 * engine goes away and comes back; creates and starts are refused; the user stops the task), with a fixed, explicit
 * clock. After every decision: nothing is launched or started for a task asked to stop; a container starts only once
 * its dependencies' conditions hold, and only from CREATED; dependents stop before what they depend on. After every
 * pass: it ended within the rounds the runner allows; lastStatus never went back; a stop, once asked, stays with its
 * first reason; a Fargate task with no container fails to start when the engine is gone, any other never does for
 * that. Once the world settles and the task is stopped, it is STOPPED with every container stopped and its sandbox
 * released.
 */
class TaskReconcilerPropertyTest {

  static final String[] CONDITIONS = {"START", "COMPLETE", "SUCCESS", "HEALTHY"};

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void passesKeepTheLifecycleRulesAndAStoppedTaskEndsStopped(long seed) {
    Random random = new Random(seed);
    boolean fargate = random.nextBoolean();
    TaskDefinition definition = randomDefinition(random, fargate || random.nextBoolean() ? "awsvpc" : "bridge", false);
    TaskSim sim = new TaskSim(definition, fargate ? "FARGATE" : "EC2", false);
    Checks checks = new Checks(sim, "seed " + seed + " " + describe(definition));
    sim.onDecision = checks::decided;

    for (int step = 0; step < 40; step++) {
      checks.pass();
      disturb(sim, random);
      sim.advance(Duration.ofSeconds(random.nextInt(30)));
    }

    sim.engineUp = true;
    sim.stopTask();
    sim.settle(10);
    checks.passChecks();
    assertThat(sim.task.lastStatus()).as(checks.name).isEqualTo("STOPPED");
    assertThat(sim.task.containers()).as(checks.name).allSatisfy(c -> assertThat(c.lastStatus()).isEqualTo("STOPPED"));
    // A container created and never started stays so until the clean-up removes it, as in Docker.
    assertThat(sim.docker.values()).as(checks.name)
        .noneSatisfy(s -> assertThat(s.state).isEqualTo(ObservedContainer.State.RUNNING));
    assertThat(sim.sandbox).as(checks.name).isNull();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aTaskWhoseContainersRunAndTurnHealthyBecomesRunning(long seed) {
    Random random = new Random(seed);
    TaskDefinition definition = randomDefinition(random, random.nextBoolean() ? "awsvpc" : "bridge", true);
    TaskSim sim = new TaskSim(definition, "EC2", false);
    Checks checks = new Checks(sim, "seed " + seed + " " + describe(definition));
    sim.onDecision = checks::decided;

    for (int step = 0; step < 12 && !"RUNNING".equals(sim.task.lastStatus()); step++) {
      checks.pass();
      // What a well-behaved task does: its health checks pass, its one-shot (non-essential) containers succeed.
      for (ContainerDefinition cd : definition.containerDefinitions()) {
        sim.health(cd.name(), Health.Status.HEALTHY);
        if (Boolean.FALSE.equals(cd.essential())) {
          sim.exit(cd.name(), 0, false);
        }
      }
      sim.advance(Duration.ofSeconds(5));
    }

    assertThat(sim.task.lastStatus()).as(checks.name).isEqualTo("RUNNING");
    assertThat(sim.task.desiredStatus()).as(checks.name).isEqualTo("RUNNING");
  }

  /**
   * One to four containers c0..c3, each depending only on earlier ones (registration refuses cycles); at least one
   * essential; HEALTHY only on a container with a health check. A {@code runnable} one can reach RUNNING: COMPLETE
   * and SUCCESS only on non-essential containers (one-shots), HEALTHY only on essential ones.
   */
  static TaskDefinition randomDefinition(Random random, String networkMode, boolean runnable) {
    int count = 1 + random.nextInt(4);
    List<ContainerDefinition> containers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ContainerDefinition.Builder b = TaskSim.container("c" + i)
          .essential(i == count - 1 || random.nextBoolean());
      if (random.nextBoolean()) {
        b.healthCheck(HealthCheck.builder().command(List.of("CMD-SHELL", "true")).build());
      }
      if (random.nextInt(4) == 0) {
        b.stopTimeout(1 + random.nextInt(10));
      }
      List<ContainerDependency> deps = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        if (random.nextInt(3) == 0) {
          String condition = CONDITIONS[random.nextInt(CONDITIONS.length)];
          ContainerDefinition other = containers.get(j);
          boolean oneShot = Boolean.FALSE.equals(other.essential());
          if (condition.equals("HEALTHY") && (other.healthCheck() == null || runnable && oneShot)
              || runnable && !oneShot && (condition.equals("COMPLETE") || condition.equals("SUCCESS"))) {
            condition = "START";
          }
          deps.add(ContainerDependency.builder().containerName("c" + j).condition(condition).build());
        }
      }
      if (!deps.isEmpty()) {
        b.dependsOn(deps);
      }
      containers.add(b.build());
    }
    for (int i = 0; i < count; i++) {
      if (random.nextInt(4) == 0) {
        containers.set(i, containers.get(i).toBuilder().startTimeout(10 + random.nextInt(60)).build());
      }
    }
    return TaskSim.definition(networkMode, containers.toArray(ContainerDefinition[]::new));
  }

  /** c0(e,h) c1(-,h,c0:SUCCESS): essential, health check, dependencies. */
  static String describe(TaskDefinition definition) {
    StringBuilder out = new StringBuilder(definition.networkMode());
    for (ContainerDefinition cd : definition.containerDefinitions()) {
      out.append(' ').append(cd.name()).append('(').append(Boolean.FALSE.equals(cd.essential()) ? "-" : "e")
          .append(cd.healthCheck() != null ? ",h" : "")
          .append(cd.startTimeout() != null ? ",t" + cd.startTimeout() : "");
      for (ContainerDependency dep : cd.dependsOn() == null ? List.<ContainerDependency>of() : cd.dependsOn()) {
        out.append(',').append(dep.containerName()).append(':').append(dep.condition());
      }
      out.append(')');
    }
    return out.toString();
  }

  static void disturb(TaskSim sim, Random random) {
    List<String> names = new ArrayList<>(sim.docker.keySet());
    for (String name : names) {
      switch (random.nextInt(12)) {
        case 0 -> sim.exit(name, random.nextBoolean() ? 0 : 1, false);
        case 1 -> sim.exit(name, 137, random.nextBoolean());
        case 2 -> sim.health(name, Health.Status.HEALTHY);
        case 3 -> sim.health(name, Health.Status.UNHEALTHY);
        case 4 -> {
          if (random.nextInt(4) == 0) {
            sim.vanish(name);
          }
        }
        default -> { }
      }
    }
    if (random.nextInt(8) == 0) {
      sim.engineUp = !sim.engineUp;
    }
    if (random.nextInt(10) == 0) {
      sim.refuseNext = "c" + random.nextInt(4);
    }
    if (random.nextInt(25) == 0) {
      sim.stopTask();
    }
  }

  /** The invariants, checked at every decision and after every pass. */
  static final class Checks {
    final TaskSim sim;
    final String name;
    Task before;
    int rounds;

    Checks(TaskSim sim, String name) {
      this.sim = sim;
      this.name = name;
      this.before = sim.task;
    }

    void pass() {
      boolean engineGone = !sim.engineUp;
      boolean nothingCreated = TaskReconciler.nothingCreated(sim.task);
      boolean wasRunning = "RUNNING".equals(sim.task.desiredStatus()) && !TaskRecords.isFinal(sim.task);
      List<TaskPlan> plans = sim.pass();
      assertThat(sim.exhausted).as(name + ": the pass ends by itself: " + plans).isFalse();
      if (engineGone && wasRunning) {
        if ("FARGATE".equals(sim.task.launchType()) && nothingCreated) {
          assertThat(sim.task.stopCode()).as(name).isEqualTo("TaskFailedToStart");
          assertThat(sim.task.lastStatus()).as(name).isEqualTo("STOPPED");
        } else if (before.stoppedReason() == null) {
          assertThat(String.valueOf(sim.task.stoppedReason())).as(name).doesNotContain("does not answer");
        }
      }
      passChecks();
    }

    void passChecks() {
      Task after = sim.task;
      assertThat(TaskStatus.of(after.lastStatus()).ordinal()).as(name + ": lastStatus moves forward")
          .isGreaterThanOrEqualTo(TaskStatus.of(before.lastStatus()).ordinal());
      if ("STOPPED".equals(before.desiredStatus())) {
        assertThat(after.desiredStatus()).as(name).isEqualTo("STOPPED");
        assertThat(after.stopCode()).as(name + ": the first stop reason wins").isEqualTo(before.stopCode());
        assertThat(after.stoppedReason()).as(name).isEqualTo(before.stoppedReason());
      }
      before = after;
    }

    void decided(Decided d) {
      Task task = d.seen().task();
      boolean stopping = "STOPPED".equals(task.desiredStatus());
      for (TaskAction action : d.plan().actions()) {
        if (action instanceof Launch || action instanceof Start) {
          assertThat(stopping).as(name + ": no launch or start for a task asked to stop: " + action).isFalse();
        }
        if (action instanceof Start start) {
          start.containers().forEach(c -> assertStartable(d, c));
        }
        if (action instanceof StopContainers stop) {
          assertDependentsFirst(stop.stops());
        }
      }
    }

    private void assertStartable(Decided d, String container) {
      ObservedContainer self = d.seen().containers().get(container);
      assertThat(self).as(name + ": " + container + " is started only once created").isNotNull();
      assertThat(self.state()).as(name + ": " + container + " starts from CREATED")
          .isEqualTo(ObservedContainer.State.CREATED);
      ContainerDefinition cd = sim.definition.containerDefinitions().stream()
          .filter(c -> c.name().equals(container)).findFirst().orElseThrow();
      for (ContainerDependency dep : cd.dependsOn() == null ? List.<ContainerDependency>of() : cd.dependsOn()) {
        ObservedContainer other = d.seen().containers().get(dep.containerName());
        if (other == null) {
          // Recorded but gone from Docker: it has stopped, with no exit code (the agent's ContainerVanishedError).
          assertThat(TaskReconciler.runtimeId(d.seen().task(), dep.containerName()))
              .as(name + ": dependency " + dep.containerName() + " of " + container + " was created").isNotNull();
        }
        boolean exited = other == null || other.state() == ObservedContainer.State.EXITED;
        boolean met = switch (dep.condition()) {
          case "START" -> exited || other.state() != ObservedContainer.State.CREATED;
          case "COMPLETE" -> exited;
          case "SUCCESS" -> exited && other != null && Integer.valueOf(0).equals(other.exitCode());
          default -> other != null && other.health().status() == Health.Status.HEALTHY;
        };
        assertThat(met).as(name + ": " + container + " starts only once " + dep.containerName() + " meets "
            + dep.condition()).isTrue();
      }
    }

    private void assertDependentsFirst(List<ContainerStop> stops) {
      List<String> order = stops.stream().map(ContainerStop::containerName).toList();
      for (ContainerDefinition cd : sim.definition.containerDefinitions()) {
        for (ContainerDependency dep : cd.dependsOn() == null ? List.<ContainerDependency>of() : cd.dependsOn()) {
          if (order.contains(cd.name()) && order.contains(dep.containerName())) {
            assertThat(order.indexOf(cd.name())).as(name + ": " + cd.name() + " stops before " + dep.containerName())
                .isLessThan(order.indexOf(dep.containerName()));
          }
        }
      }
    }
  }
}
