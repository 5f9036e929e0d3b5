package dev.ecsemulator.api.recovery;

import static dev.ecsemulator.api.recovery.RecoveryFixtures.WEB_1;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.allTasks;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.orphans;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.service;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.stable;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.startedAt;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.task;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.support.EmulatorProcess;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Issue 6, "graceful shutdown": SIGTERM (what Ctrl-C, {@code docker stop} and service managers send)
 * stops accepting requests, saves the state (a final snapshot, no journal left to replay) and leaves the
 * task containers running for the next start to adopt; with {@code --stop-tasks-on-exit} (or
 * {@code ECS_EMULATOR_STOP_TASKS_ON_EXIT}) it stops every task instead, and that is saved too.
 */
class GracefulShutdownJarIT {

  static final DockerEngine ENGINE = new DockerEngine(DockerEngine.resolveHost(null));
  static final Duration LONG = Duration.ofSeconds(120);

  @TempDir Path dataDir;
  final List<EmulatorProcess> processes = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    processes.forEach(EmulatorProcess::close);
    RecoveryFixtures.removeContainersOf(ENGINE, dataDir);
  }

  EmulatorProcess start(Map<String, String> env, String... args) {
    EmulatorProcess process = EmulatorProcess.start(dataDir, env, args);
    processes.add(process);
    return process;
  }

  static DockerClient docker() {
    return ENGINE.client();
  }

  /** A standalone task and a service of two, all RUNNING and healthy; returns the tasks. */
  static List<Task> runSomeTasks(EcsClient ecs) {
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(web(WEB_1, 5)));
    ecs.runTask(b -> b.taskDefinition("web"));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(2));
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() -> stable(service(ecs, "web")));
    List<Task> tasks = allTasks(ecs);
    assertThat(tasks).hasSize(3).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
    return tasks;
  }

  static String containerId(Task task) {
    return task.containers().get(0).runtimeId();
  }

  @Test
  void sigtermSavesTheStateAndLeavesTaskContainersRunningForTheNextStartToAdopt() throws Exception {
    EmulatorProcess first = start(Map.of());
    List<Task> tasks = runSomeTasks(first.client());
    List<String> events = service(first.client(), "web").events().stream().map(e -> e.id()).toList();
    Map<String, String> startedAt = tasks.stream()
        .collect(Collectors.toMap(GracefulShutdownJarIT::containerId, t -> startedAt(docker(), containerId(t)).orElseThrow()));

    // Writes keep coming while the emulator stops: each one acknowledged must be there after the restart.
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    for (int w = 0; w < 2; w++) {
      writers.submit(() -> {
        try (EcsClient ecs = first.client()) {
          while (true) {
            String name = "late-" + next.getAndIncrement();
            ecs.createCluster(b -> b.clusterName(name));
            acknowledged.add(name);
          }
        } catch (RuntimeException refused) {
          return; // the emulator stopped accepting requests
        }
      });
    }
    await().atMost(LONG).until(() -> acknowledged.size() >= 20);
    int exit = first.terminate();
    writers.shutdown();
    assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    assertThat(exit).as("SIGTERM").isEqualTo(143);
    assertThat(first.output()).contains("Stopping: 3 task(s) left running for the next start to adopt");
    try (Stream<Path> files = Files.list(dataDir.resolve("state"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("a final snapshot and no journal to replay").contains("snapshot").noneMatch(n -> n.startsWith("journal-"));
    }
    for (Task t : tasks) {
      assertThat(docker().inspectContainerCmd(containerId(t)).exec().getState().getRunning()).as(t.taskArn()).isTrue();
    }

    EmulatorProcess second = start(Map.of());
    EcsClient ecs = second.client();
    assertThat(second.output()).contains(" from the snapshot, 0 journal records replayed)");
    assertThat(second.output()).as("the saved counts matched the adopted tasks").doesNotContain("recounted");
    assertThat(ecs.listClustersPaginator().clusterArns().stream().map(a -> a.substring(a.lastIndexOf('/') + 1)))
        .containsAll(acknowledged);
    for (Task t : tasks) {
      Task after = task(ecs, t.taskArn());
      assertThat(after.lastStatus()).isEqualTo("RUNNING");
      assertThat(containerId(after)).isEqualTo(containerId(t));
      assertThat(startedAt(docker(), containerId(t))).as("not restarted").contains(startedAt.get(containerId(t)));
    }
    await().atMost(LONG).until(() -> stable(service(ecs, "web")));
    assertThat(allTasks(ecs)).as("the service launched nothing new").hasSize(3);
    assertThat(orphans(ENGINE, dataDir, ecs)).isEmpty();
    // The scheduler's memory was saved too: the steady state it had reported is not reported again.
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> service(ecs, "web").events().stream().map(e -> e.id()).toList().equals(events));
  }

  @Test
  void withStopTasksOnExitEveryTaskIsStoppedAndThatIsSaved() {
    EmulatorProcess first = start(Map.of(), "--stop-tasks-on-exit");
    List<Task> tasks = runSomeTasks(first.client());

    assertThat(first.terminate()).isEqualTo(143);

    assertThat(first.output()).contains("Stopping: 3 of 3 task(s) stopped (--stop-tasks-on-exit)");
    for (Task t : tasks) {
      InspectContainerResponse.ContainerState state = docker().inspectContainerCmd(containerId(t)).exec().getState();
      assertThat(state.getRunning()).as(t.taskArn()).isFalse();
      assertThat(state.getExitCodeLong()).isEqualTo(143L);
    }
    EmulatorProcess second = start(Map.of());
    EcsClient ecs = second.client();
    // The service was saved with runningCount 2 before its tasks were stopped: the start recounts it from
    // the saved tasks before it answers, and before the service engine starts (so this line is certain).
    assertThat(second.output()).contains("Starting: the counts of 1 service(s) recounted from their saved tasks");
    Service firstAnswer = service(ecs, "web");
    Set<String> before = tasks.stream().map(Task::taskArn).collect(Collectors.toSet());
    long newStarted = allTasks(ecs).stream()
        .filter(t -> !before.contains(t.taskArn()) && t.startedAt() != null).count();
    assertThat(firstAnswer.runningCount()).as("the first answer counts only tasks that had started since")
        .isLessThanOrEqualTo((int) newStarted);
    assertThat(firstAnswer.deployments())
        .allSatisfy(d -> assertThat(d.runningCount()).isLessThanOrEqualTo((int) newStarted));
    for (Task t : tasks) {
      Task after = task(ecs, t.taskArn());
      assertThat(after.lastStatus()).isEqualTo("STOPPED");
      assertThat(after.stopCodeAsString()).isEqualTo("UserInitiated");
      assertThat(after.stoppedReason()).isEqualTo(Emulator.STOPPED_ON_EXIT);
      assertThat(after.containers().get(0).exitCode()).isEqualTo(143);
    }
    // The service is still there with its desired count: it starts two new tasks, and counts no failure.
    await().atMost(LONG).until(() -> stable(service(ecs, "web")));
    assertThat(allTasks(ecs).stream().filter(t -> "RUNNING".equals(t.lastStatus())))
        .hasSize(2).noneMatch(t -> before.contains(t.taskArn()));
    assertThat(service(ecs, "web").deployments().get(0).failedTasks()).isZero();
  }

  @Test
  void theEnvironmentVariableAsksTheSame() {
    EmulatorProcess first = start(Map.of("ECS_EMULATOR_STOP_TASKS_ON_EXIT", "true"));
    EcsClient ecs = first.client();
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(web(WEB_1, 30)));
    Task started = ecs.runTask(b -> b.taskDefinition("web")).tasks().get(0);
    await().atMost(LONG).until(() -> "RUNNING".equals(task(ecs, started.taskArn()).lastStatus()));

    assertThat(first.terminate()).isEqualTo(143);

    assertThat(first.output()).contains("Stopping: 1 of 1 task(s) stopped (--stop-tasks-on-exit)");
    Task after = task(start(Map.of()).client(), started.taskArn());
    assertThat(after.lastStatus()).isEqualTo("STOPPED");
    assertThat(after.stoppedReason()).isEqualTo(Emulator.STOPPED_ON_EXIT);
  }
}
