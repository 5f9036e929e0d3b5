package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.scheduler.task.TaskSim.container;
import static dev.ecsemulator.scheduler.task.TaskSim.definition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerDependency;
import dev.ecsemulator.core.model.EnvironmentFile;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.Health;
import dev.ecsemulator.scheduler.task.TaskAction.AmendOutOfMemory;
import dev.ecsemulator.scheduler.task.TaskAction.ContainerStop;
import dev.ecsemulator.scheduler.task.TaskAction.Deprovision;
import dev.ecsemulator.scheduler.task.TaskAction.FailToStart;
import dev.ecsemulator.scheduler.task.TaskAction.Launch;
import dev.ecsemulator.scheduler.task.TaskAction.Record;
import dev.ecsemulator.scheduler.task.TaskAction.Start;
import dev.ecsemulator.scheduler.task.TaskAction.StopContainers;
import dev.ecsemulator.scheduler.task.TaskAction.WaitForEngine;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The task decision, one rule at a time, with no Docker: given a task, its definition, what Docker shows and the
 * engine's state, the actions it asks for. {@link TaskSim} builds the tasks as RunTask does and plays Docker where a
 * rule needs earlier passes.
 */
class TaskReconcilerTest {

  static final TaskDefinition ONE = definition("bridge", container("app").build());
  static final TaskDefinition AWSVPC = definition("awsvpc", container("app").build());

  static ContainerDependency dependsOn(String name, String condition) {
    return ContainerDependency.builder().containerName(name).condition(condition).build();
  }

  static HealthCheck healthCheck() {
    return HealthCheck.builder().command(List.of("CMD-SHELL", "true")).build();
  }

  /** A sim whose task was launched and started by passes, its containers now RUNNING in Docker. */
  static TaskSim running(TaskDefinition definition, String launchType) {
    TaskSim sim = new TaskSim(definition, launchType, false);
    sim.settle(5);
    assertThat(sim.task.lastStatus()).isEqualTo("RUNNING");
    return sim;
  }

  /**
   * The decision table: the first decision of a pass (nothing launched or stopped yet in it) for each state a task
   * can be in, by the kinds of the actions asked for, in order, and whether the pass observes again after them.
   */
  static Stream<Arguments> firstDecisions() {
    return Stream.of(
        row("new, engine up: launch every container", "EC2", sim -> { }, true, "Launch"),
        row("new EC2, engine gone: wait", "EC2", sim -> sim.engineUp = false, false, "WaitForEngine"),
        row("new Fargate, engine gone: fail to start", "FARGATE", sim -> sim.engineUp = false, true, "FailToStart"),
        row("running, nothing changed: only prepared again", "EC2", TaskReconcilerTest::settled, false, "Launch"),
        row("running, engine gone: wait, record nothing", "EC2", sim -> {
          settled(sim);
          sim.engineUp = false;
        }, false, "WaitForEngine"),
        row("running Fargate, engine gone: wait, not fail", "FARGATE", sim -> {
          settled(sim);
          sim.engineUp = false;
        }, false, "WaitForEngine"),
        row("running, essential container exited: record, then stop the rest", "EC2", sim -> {
          settled(sim);
          sim.exit("app", 1, false);
        }, true, "Launch", "Record"),
        row("running, container vanished: record it stopped", "EC2", sim -> {
          settled(sim);
          sim.vanish("app");
        }, true, "Launch", "Record"),
        row("stop asked: stop the containers", "EC2", sim -> {
          settled(sim);
          sim.stopTask();
        }, true, "StopContainers"),
        row("stop asked, engine gone: stop what the record says may run", "EC2", sim -> {
          settled(sim);
          sim.stopTask();
          sim.engineUp = false;
        }, true, "StopContainers"),
        row("stop asked before any container: record them stopped", "EC2", TaskSim::stopTask, false, "Record"),
        row("stopped: nothing", "EC2", sim -> {
          settled(sim);
          sim.exit("app", 0, false);
          sim.settle(3);
        }, false),
        row("stopped with exit 137, OOM verdict late: amend", "EC2", sim -> {
          settled(sim);
          sim.exit("app", 137, false);
          sim.settle(3);
          sim.docker.get("app").oomKilled = true;
        }, false, "AmendOutOfMemory"));
  }

  static Arguments row(String state, String launchType, java.util.function.Consumer<TaskSim> setUp,
      boolean observeAgain, String... actions) {
    return Arguments.of(state, launchType, setUp, observeAgain, List.of(actions));
  }

  static void settled(TaskSim sim) {
    sim.settle(5);
    assertThat(sim.task.lastStatus()).isEqualTo("RUNNING");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("firstDecisions")
  void theFirstDecisionOfAPassFollowsTheTasksState(String state, String launchType,
      java.util.function.Consumer<TaskSim> setUp, boolean observeAgain, List<String> actions) {
    TaskSim sim = new TaskSim(definition("awsvpc", container("app").build()), launchType, false);
    setUp.accept(sim);

    TaskPlan plan = sim.reconciler.decide(sim.observe(false, false), sim.now);

    assertThat(plan.actions()).extracting(a -> a.getClass().getSimpleName()).as(state).isEqualTo(actions);
    assertThat(plan.observeAgain()).as(state).isEqualTo(observeAgain);
  }

  static Stream<Arguments> whenTheEngineIsGone() {
    return Stream.of(
        Arguments.of("FARGATE", "awsvpc", false, "a Fargate task with no container fails to start"),
        Arguments.of("EC2", "bridge", false, "an EC2 task waits"),
        Arguments.of("EC2", "awsvpc", false, "an awsvpc EC2 task waits"),
        Arguments.of("FARGATE", "awsvpc", true, "a Fargate task with a container waits"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("whenTheEngineIsGone")
  void aFargateTaskFailsWhenTheEngineIsGoneWhileOthersWait(String launchType, String networkMode, boolean created,
      String rule) {
    TaskSim sim = new TaskSim(definition(networkMode, container("app").build()), launchType, false);
    if (created) {
      sim.pass(); // launched and running
    }
    sim.engineUp = false;

    TaskPlan plan = sim.reconciler.decide(sim.observe(false, false), sim.now);

    if ("FARGATE".equals(launchType) && !created) {
      assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(FailToStart.class, f -> assertThat(f.reason())
          .isEqualTo("ResourceInitializationError: failed to start the task: the Docker engine at "
              + "unix:///var/run/docker.sock does not answer (connection refused)"));
      assertThat(plan.observeAgain()).as("the failed task is recorded and stopped in the same pass").isTrue();
      sim.pass();
      assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
      assertThat(sim.task.stopCode()).isEqualTo("TaskFailedToStart");
    } else {
      assertThat(plan.actions()).containsExactly(new WaitForEngine());
      assertThat(plan.observeAgain()).isFalse();
      sim.pass();
      assertThat(sim.task.desiredStatus()).isEqualTo("RUNNING");
      assertThat(sim.task.stopCode()).isNull();
    }
  }

  @Test
  void aNewTaskIsLaunchedWithEveryContainerInDefinitionOrder() {
    TaskSim sim = new TaskSim(definition("bridge", container("web").build(), container("log").build()), "EC2", false);

    TaskPlan plan = sim.reconciler.decide(sim.observe(false, false), sim.now);

    assertThat(plan.actions()).containsExactly(new Launch(List.of("web", "log"), List.of("web", "log"), false));
    assertThat(plan.observeAgain()).isTrue();
  }

  @Test
  void oneLaunchCreatesStartsAndRecordsTheTaskRunningThenTheNextRoundFindsNothingToDo() {
    TaskSim sim = new TaskSim(ONE, "EC2", false);

    List<TaskPlan> plans = sim.pass();

    assertThat(plans).hasSize(2);
    assertThat(plans.get(0).actions()).containsExactly(new Launch(List.of("app"), List.of("app"), false));
    assertThat(plans.get(1).actions()).isEmpty();
    assertThat(plans.get(1).observeAgain()).isFalse();
    assertThat(sim.task.lastStatus()).isEqualTo("RUNNING");
    assertThat(sim.recorded("app").runtimeId()).isEqualTo(sim.docker.get("app").id);
    assertThat(sim.task.pullStartedAt()).isEqualTo(TaskSim.T0);
  }

  @Test
  void aLaunchStartsAtOnceOnlyWhatNoDependencyHoldsBackAndOnlyWhenItCreatesEverything() {
    TaskDefinition definition = definition("bridge",
        container("db").build(),
        container("app").dependsOn(List.of(dependsOn("db", "START"))).build(),
        container("log").essential(false).build());

    assertThat(TaskReconciler.startAtOnce(definition, List.of("db", "app", "log"), TaskSim.T0))
        .containsExactly("db", "log");
    assertThat(TaskReconciler.startAtOnce(definition, List.of("app", "log"), TaskSim.T0))
        .as("a launch resumed with db created already: observed first").isEmpty();
  }

  @Test
  void aStartRefusedInTheLaunchRecordsTheCreatedContainerAndFailsTheTask() {
    TaskSim sim = new TaskSim(ONE, "EC2", false);
    sim.refuseStart = "app";

    sim.pass();

    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
    assertThat(sim.task.stopCode()).isEqualTo("TaskFailedToStart");
    assertThat(sim.recorded("app").runtimeId()).as("recorded, so that its clean-up finds it")
        .isEqualTo(sim.docker.get("app").id);
    assertThat(sim.recorded("app").reason()).isEqualTo("CannotStartContainerError: refused");
  }

  @Test
  void anAwsvpcTaskIsProvisionedByItsLaunch() {
    TaskSim sim = new TaskSim(AWSVPC, "FARGATE", false);
    assertThat(sim.task.lastStatus()).isEqualTo("PROVISIONING");

    sim.pass();

    assertThat(sim.sandbox).isNotNull();
    assertThat(sim.task.lastStatus()).isEqualTo("RUNNING");
  }

  @Test
  void aRunningTaskThatChangedNothingIsOnlyPreparedAgain() {
    TaskSim sim = running(ONE, "EC2");

    TaskPlan plan = sim.reconciler.decide(sim.observe(false, false), sim.now);

    assertThat(plan.actions()).containsExactly(new Launch(List.of()));
    assertThat(plan.observeAgain()).isFalse();
    assertThat(sim.reconciler.decide(sim.observe(true, false), sim.now).actions()).isEmpty();
  }

  static Stream<Arguments> thatCannotBeLaunched() {
    ContainerDefinition envFile = container("app").environmentFiles(List.of(
        EnvironmentFile.builder().type("s3").value("arn:aws:s3:::bucket/app.env").build())).build();
    ContainerDefinition privileged = container("app").privileged(true).build();
    return Stream.of(
        Arguments.of(definition("bridge", envFile), "ResourceInitializationError: failed to download env files: "
            + "ecs-emulator cannot fetch arn:aws:s3:::bucket/app.env for container app", null),
        Arguments.of(definition("bridge", privileged), "CannotCreateContainerError: ecs-emulator refuses host-level "
            + "access: ", "app"));
  }

  @ParameterizedTest
  @MethodSource("thatCannotBeLaunched")
  void whatTheEmulatorCannotFetchOrAllowFailsTheTaskBeforeAnythingIsMade(TaskDefinition definition, String reason,
      String containerName) {
    TaskSim sim = new TaskSim(definition, "EC2", false);

    TaskPlan plan = sim.reconciler.decide(sim.observe(false, false), sim.now);

    assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(FailToStart.class, f -> {
      assertThat(f.reason()).startsWith(reason);
      assertThat(f.containerName()).isEqualTo(containerName);
    });
    sim.pass();
    assertThat(sim.docker).isEmpty();
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
  }

  @Test
  void hostAccessIsJudgedOnlyBeforeAnythingExists() {
    TaskDefinition privileged = definition("bridge", container("app").privileged(true).build());
    TaskSim allowed = new TaskSim(privileged, "EC2", true);
    assertThat(allowed.reconciler.decide(allowed.observe(false, false), allowed.now).actions())
        .containsExactly(new Launch(List.of("app"), List.of("app"), false));

    // Adopted after a restart without --allow-host-access: it keeps running.
    allowed.pass();
    TaskSim adopted = new TaskSim(privileged, "EC2", false);
    adopted.task = allowed.task;
    adopted.docker.putAll(allowed.docker);
    assertThat(adopted.reconciler.decide(adopted.observe(false, false), adopted.now).actions())
        .containsExactly(new Launch(List.of()));
  }

  @Test
  void containersStartAsTheirDependenciesAllow() {
    TaskDefinition definition = definition("bridge",
        container("init").essential(false).build(),
        container("db").healthCheck(healthCheck()).build(),
        container("app").dependsOn(List.of(dependsOn("init", "SUCCESS"), dependsOn("db", "HEALTHY"))).build(),
        container("sidecar").dependsOn(List.of(dependsOn("app", "START"))).build());
    TaskSim sim = new TaskSim(definition, "EC2", false);
    sim.onDecision = d -> d.plan().actions().stream().filter(Launch.class::isInstance)
        .forEach(a -> assertThat(((Launch) a).start()).containsExactly("init", "db"));

    sim.pass();
    sim.onDecision = d -> { };
    assertThat(sim.docker.get("app").state).isEqualTo(ObservedContainer.State.CREATED);

    sim.exit("init", 0, false);
    sim.health("db", Health.Status.HEALTHY);
    assertThat(sim.reconciler.decide(sim.observe(true, false), sim.now).actions())
        .containsExactly(new Start(List.of("app")));
    sim.pass();
    assertThat(sim.docker.get("sidecar").state)
        .isEqualTo(ObservedContainer.State.RUNNING);
    assertThat(sim.task.lastStatus()).isEqualTo("RUNNING");
  }

  @Test
  void aDependencyThatCanNoLongerBeMetFailsTheTask() {
    TaskDefinition definition = definition("bridge",
        container("init").essential(false).build(),
        container("app").dependsOn(List.of(dependsOn("init", "SUCCESS"))).build());
    TaskSim sim = new TaskSim(definition, "EC2", false);
    sim.pass();
    sim.exit("init", 3, false);

    TaskPlan plan = sim.reconciler.decide(sim.observe(true, false), sim.now);

    assertThat(plan.actions()).containsExactly(new FailToStart(
        "Dependency condition SUCCESS of container app failed: container init exited with code 3.", null));
    sim.pass();
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
    assertThat(sim.recorded("app").lastStatus()).isEqualTo("STOPPED");
    assertThat(sim.recorded("app").exitCode()).as("never started").isNull();
  }

  @Test
  void aStartTimeoutWakesTheTaskThenFailsIt() {
    TaskDefinition definition = definition("bridge",
        container("db").healthCheck(healthCheck()).startTimeout(60).build(),
        container("app").dependsOn(List.of(dependsOn("db", "HEALTHY"))).build());
    TaskSim sim = new TaskSim(definition, "EC2", false);

    List<TaskPlan> plans = sim.pass();

    assertThat(plans.get(plans.size() - 1).wakeAt()).contains(TaskSim.T0.plusSeconds(60));
    sim.advance(Duration.ofSeconds(60));
    assertThat(sim.reconciler.decide(sim.observe(true, false), sim.now).actions()).singleElement()
        .isInstanceOfSatisfying(FailToStart.class, f -> assertThat(f.reason()).isEqualTo(
            "Dependency condition HEALTHY of container app was not met within the startTimeout of container db "
                + "(60 s)."));
  }

  @Test
  void anEssentialContainerThatExitsIsRecordedAndTheOthersStopInTheSamePass() {
    TaskDefinition definition = definition("bridge", container("app").build(),
        container("log").essential(false).stopTimeout(5).build());
    TaskSim sim = running(definition, "EC2");
    sim.exit("app", 1, false);

    TaskPlan plan = sim.reconciler.decide(sim.observe(false, false), sim.now);

    assertThat(plan.actions()).hasSize(2).element(1).isInstanceOf(Record.class);
    assertThat(plan.observeAgain()).isTrue();
    sim.pass();
    assertThat(sim.task.stopCode()).isEqualTo("EssentialContainerExited");
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
    assertThat(sim.recorded("log").exitCode()).isEqualTo(143);
  }

  @Test
  void aContainerDockerNoLongerKnowsStopsWithTheAgentsVanishedError() {
    TaskSim sim = running(ONE, "EC2");
    sim.vanish("app");

    sim.pass();

    assertThat(sim.recorded("app").reason()).isEqualTo(Observations.VANISHED);
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
  }

  @Test
  void aStoppingTaskStopsDependentsFirstWithTheirStopTimeouts() {
    TaskDefinition definition = definition("bridge",
        container("db").build(),
        container("app").stopTimeout(7).dependsOn(List.of(dependsOn("db", "START"))).build());
    TaskSim sim = running(definition, "EC2");
    sim.stopTask();

    TaskPlan plan = sim.reconciler.decide(sim.observe(false, false), sim.now);

    assertThat(plan.actions()).as("StopTask recorded STOPPING already").containsExactly(new StopContainers(List.of(
        new ContainerStop("app", sim.recorded("app").runtimeId(), Duration.ofSeconds(7)),
        new ContainerStop("db", sim.recorded("db").runtimeId(), Duration.ofSeconds(30)))));
    sim.pass();
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
    assertThat(sim.task.stoppedReason()).isEqualTo("Task stopped by user");
  }

  @Test
  void anAwsvpcTaskReleasesItsSandboxOnceItsContainersStopped() {
    TaskSim sim = running(AWSVPC, "FARGATE");
    sim.stopTask();
    sim.onDecision = d -> {
      if (d.seen().stopped()) {
        assertThat(d.plan().actions()).last().isEqualTo(new Deprovision());
      }
    };

    sim.pass();

    assertThat(sim.sandbox).isNull();
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
  }

  @Test
  void aContainerCreatedButNeverStartedStopsWithoutBeingStopped() {
    TaskDefinition definition = definition("bridge",
        container("init").essential(false).build(),
        container("app").dependsOn(List.of(dependsOn("init", "COMPLETE"))).build());
    TaskSim sim = new TaskSim(definition, "EC2", false);
    sim.pass();
    sim.stopTask();

    TaskPlan plan = sim.reconciler.decide(sim.observe(false, false), sim.now);

    assertThat(plan.actions()).element(1).isEqualTo(new StopContainers(List.of(
        new ContainerStop("init", sim.recorded("init").runtimeId(), Duration.ofSeconds(30)))));
    sim.pass();
    assertThat(sim.recorded("app").lastStatus()).isEqualTo("STOPPED");
    assertThat(sim.docker.get("app").state).isEqualTo(ObservedContainer.State.CREATED);
  }

  @Test
  void withDockerSilentAStoppingTaskStopsWhatItsRecordSaysMayRun() {
    TaskSim sim = running(ONE, "EC2");
    sim.stopTask();
    TaskObservation seen = new TaskObservation(sim.task, sim.definition, java.util.Map.of(), false, TaskSim.UP, null,
        false, false);

    TaskPlan plan = sim.reconciler.decide(seen, sim.now);

    assertThat(plan.actions()).containsExactly(new StopContainers(List.of(
        new ContainerStop("app", sim.recorded("app").runtimeId(), Duration.ofSeconds(30)))));
  }

  @Test
  void aStoppedTaskOnlyGetsALateOutOfMemoryVerdict() {
    TaskSim sim = running(ONE, "EC2");
    sim.exit("app", 137, false);
    sim.pass();
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
    assertThat(sim.reconciler.decide(sim.observe(false, false), sim.now).actions()).isEmpty();

    sim.docker.get("app").oomKilled = true; // Docker's oom event trailed its die event

    assertThat(sim.reconciler.decide(sim.observe(false, false), sim.now).actions())
        .containsExactly(new AmendOutOfMemory("app"));
    sim.pass();
    assertThat(sim.recorded("app").reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
  }

  @Test
  void aLaunchDockerRefusesFailsTheTaskUnlessTheEngineWentAway() {
    Task task = new TaskSim(ONE, "FARGATE", false).task;
    TaskReconciler reconciler = new TaskReconciler(false, null);

    assertThat(reconciler.afterFailure(task, TaskSim.UP, "CannotPullContainerError: no such image", "app").actions())
        .containsExactly(new FailToStart("CannotPullContainerError: no such image", "app"));
    assertThat(reconciler.afterFailure(task, TaskSim.DOWN, "connection reset", "app").actions()).singleElement()
        .isInstanceOfSatisfying(FailToStart.class, f -> assertThat(f.reason()).startsWith(
            "ResourceInitializationError: failed to start the task: the Docker engine"));
    assertThat(reconciler.afterFailure(task.toBuilder().launchType("EC2").build(), TaskSim.DOWN, "reset", "app")
        .actions()).containsExactly(new WaitForEngine());
    assertThat(reconciler.afterFailure(null, TaskSim.UP, "gone", "app").actions()).isEmpty();
  }

  @Test
  void aCreateDockerRefusesFailsTheTaskWithThatContainersReason() {
    TaskSim sim = new TaskSim(definition("bridge", container("app").build(), container("log").build()), "EC2",
        false);
    sim.refuseNext = "log";

    sim.pass();

    assertThat(sim.task.stopCode()).isEqualTo("TaskFailedToStart");
    assertThat(sim.task.stoppedReason()).isEqualTo("CannotCreateContainerError: refused");
    assertThat(sim.recorded("log").reason()).isEqualTo("CannotCreateContainerError: refused");
    assertThat(sim.task.lastStatus()).isEqualTo("STOPPED");
  }
}
