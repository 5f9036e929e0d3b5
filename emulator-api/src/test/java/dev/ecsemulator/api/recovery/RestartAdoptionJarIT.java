package dev.ecsemulator.api.recovery;

import static dev.ecsemulator.api.recovery.RecoveryFixtures.WEB_1;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.WEB_2;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.allTasks;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.exists;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.orphans;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.runtimeIds;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.service;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.stable;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.startedAt;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.task;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.ecsemulator.api.support.EmulatorProcess;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Issue 6, "adoption on start", with the packaged jar as a process: state built up through the SDK,
 * SIGKILL in the middle of a rolling update, a restart on the same data directory. Nothing is lost, the
 * running containers are adopted as they are (same Docker IDs, never restarted), the rollout finishes
 * without a duplicate launch, and no container of ours is left without a task. Also what happens to
 * Docker behind the emulator's back while it is down: a removed container stops its task, a labelled
 * container of no known task is removed, another instance's container is left alone.
 */
class RestartAdoptionJarIT {

  static final DockerEngine ENGINE = new DockerEngine(DockerEngine.resolveHost(null));
  static final Duration LONG = Duration.ofSeconds(120);

  @TempDir Path dataDir;
  final List<EmulatorProcess> processes = new ArrayList<>();
  final List<String> foreignContainers = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    processes.forEach(EmulatorProcess::close);
    RecoveryFixtures.removeContainersOf(ENGINE, dataDir);
    foreignContainers.forEach(id -> docker().removeContainerCmd(id).withForce(true).exec());
  }

  EmulatorProcess start() {
    EmulatorProcess process = EmulatorProcess.start(dataDir);
    processes.add(process);
    return process;
  }

  static DockerClient docker() {
    return ENGINE.client();
  }

  /** Everything the API shows, taken just before the kill: it must all be there after the restart. */
  record Before(List<TaskDefinition> definitions, Service service, Set<String> serviceDeployments,
      Map<String, Task> tasks, Map<String, String> startedAt) {}

  @Test
  void sigkillMidRolloutLosesNothingAdoptsEveryContainerAndFinishesTheRollout() {
    EmulatorProcess first = start();
    EcsClient ecs = first.client();
    ecs.createCluster(b -> b.clusterName("default"));
    String web1 = ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(web(WEB_1, 8)))
        .taskDefinition().taskDefinitionArn();
    String web2 = ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(web(WEB_2, 30)))
        .taskDefinition().taskDefinitionArn();
    for (int i = 0; i < 3; i++) {
      ecs.registerTaskDefinition(b -> b.family("batch").containerDefinitions(web(WEB_1, 30)));
    }
    ecs.deregisterTaskDefinition(b -> b.taskDefinition("batch:1"));
    Task standalone = ecs.runTask(b -> b.taskDefinition(web1)).tasks().get(0);
    ecs.createService(b -> b.serviceName("web").taskDefinition(web1).desiredCount(3)
        .deploymentConfiguration(c -> c.minimumHealthyPercent(100).maximumPercent(200)
            .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() -> stable(service(ecs, "web")));
    assertThat(task(ecs, standalone.taskArn()).lastStatus()).isEqualTo("RUNNING");

    ecs.updateService(b -> b.service("web").taskDefinition(web2));
    // Mid-rollout: the new deployment's three tasks run, not yet healthy; the old three still serve. The new tasks'
    // first health check comes 30 s after they start: the snapshot and the kill fit in that on a loaded machine
    // (with 8 s the rollout was once COMPLETED before the snapshot was taken).
    await("the new deployment's tasks RUNNING, the old ones still there").atMost(LONG)
        .pollInterval(Duration.ofMillis(100)).until(() -> {
          Service s = service(ecs, "web");
          Deployment primary = s.deployments().get(0);
          return s.deployments().size() == 2 && primary.runningCount() == 3 && s.runningCount() == 6;
        });
    Before before = snapshot(ecs);
    Deployment primaryBefore = before.service().deployments().stream()
        .filter(d -> d.status().equals("PRIMARY")).findFirst().orElseThrow();
    assertThat(primaryBefore.rolloutStateAsString()).isEqualTo("IN_PROGRESS");

    assertThat(first.kill()).as("SIGKILL").isEqualTo(137);
    EmulatorProcess second = start();
    EcsClient again = second.client();

    // Nothing lost: task definitions exactly as they were, the service, its deployments and events,
    // every task with the Docker IDs it had.
    List<TaskDefinition> definitions = definitions(again);
    assertThat(definitions).containsExactlyInAnyOrderElementsOf(before.definitions());
    Service service = service(again, "web");
    assertThat(service.serviceArn()).isEqualTo(before.service().serviceArn());
    assertThat(service.createdAt()).isEqualTo(before.service().createdAt());
    assertThat(service.events().stream().map(ServiceEvent::id).toList())
        .containsAll(before.service().events().stream().map(ServiceEvent::id).toList());
    assertThat(serviceDeployments(again)).containsAll(before.serviceDeployments());
    Map<String, Task> tasksAfter = allTasks(again).stream().collect(Collectors.toMap(Task::taskArn, t -> t));
    assertThat(tasksAfter.keySet()).containsAll(before.tasks().keySet());
    before.tasks().forEach((arn, t) -> assertThat(runtimeIds(tasksAfter.get(arn))).as(arn).isEqualTo(runtimeIds(t)));

    // The rollout completes on the deployment that was under way, with the very tasks it had launched.
    // On failure, the service's events and its tasks' stop reasons: what replaced a task, and why.
    Supplier<String> history = () -> RecoveryFixtures.history(again, docker(), "web");
    try {
      await("the interrupted rollout completes").atMost(LONG).pollInterval(Duration.ofMillis(250))
          .until(() -> stable(service(again, "web")));
    } catch (ConditionTimeoutException timeout) {
      throw new AssertionError(timeout.getMessage() + history.get(), timeout);
    }
    Service done = service(again, "web");
    assertThat(done.deployments()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(primaryBefore.id());
      assertThat(d.taskDefinition()).isEqualTo(web2);
    });
    List<Task> serviceTasks = allTasks(again).stream().filter(t -> "service:web".equals(t.group())).toList();
    List<Task> running = serviceTasks.stream().filter(t -> "RUNNING".equals(t.lastStatus())).toList();
    assertThat(running).as(history).hasSize(3).allSatisfy(t -> {
      assertThat(t.taskDefinitionArn()).isEqualTo(web2);
      assertThat(before.tasks().keySet()).as(() -> "launched before the kill, not again after it: " + t.taskArn()
          + history.get()).contains(t.taskArn());
    });
    assertThat(serviceTasks).as(() -> "no duplicate launch: 3 of :1 and 3 of :2, ever" + history.get()).hasSize(6);

    // Adopted, not restarted: the same containers, started when they were started.
    Task standaloneAfter = task(again, standalone.taskArn());
    assertThat(standaloneAfter.lastStatus()).isEqualTo("RUNNING");
    List<String> kept = new ArrayList<>(running.stream().map(t -> t.containers().get(0).runtimeId()).toList());
    kept.add(standaloneAfter.containers().get(0).runtimeId());
    for (String id : kept) {
      assertThat(startedAt(docker(), id)).as("StartedAt of " + id).contains(before.startedAt().get(id));
      assertThat(docker().inspectContainerCmd(id).exec().getState().getRunning()).isTrue();
    }
    assertThat(orphans(ENGINE, dataDir, again)).as("containers of ours without a known task").isEmpty();
    System.out.printf("restart mid-rollout: %d task definitions, %d tasks, %d events kept; rollout %s completed "
            + "after the restart%n", definitions.size(), tasksAfter.size(), done.events().size(), primaryBefore.id());
  }

  @Test
  void whileItIsDownAVanishedContainerStopsItsTaskAndAnOrphanIsRemovedButNotAnotherInstancesContainer() {
    EmulatorProcess first = start();
    EcsClient ecs = first.client();
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(web(WEB_1, 30)));
    ecs.registerTaskDefinition(b -> b.family("fargate").networkMode(NetworkMode.AWSVPC)
        .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512").containerDefinitions(web(WEB_1, 30)));
    List<Task> started = new ArrayList<>(ecs.runTask(b -> b.taskDefinition("web").count(2)).tasks());
    started.add(ecs.runTask(b -> b.taskDefinition("fargate").launchType(LaunchType.FARGATE)
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0));
    await().atMost(LONG).until(() -> started.stream().allMatch(t -> "RUNNING".equals(task(ecs, t.taskArn()).lastStatus())));
    Task removed = task(ecs, started.get(0).taskArn());
    Task kept = task(ecs, started.get(1).taskArn());
    String keptId = kept.containers().get(0).runtimeId();
    String keptStartedAt = startedAt(docker(), keptId).orElseThrow();
    // An awsvpc task: its network lives in a sandbox container, which is adopted too.
    Task fargate = task(ecs, started.get(2).taskArn());
    String sandbox = sandboxOf(fargate.taskArn());
    Map<String, String> fargateStartedAt = Map.of(
        containerOf(fargate), startedAt(docker(), containerOf(fargate)).orElseThrow(),
        sandbox, startedAt(docker(), sandbox).orElseThrow());

    assertThat(first.kill()).isEqualTo(137);
    docker().removeContainerCmd(removed.containers().get(0).runtimeId()).withForce(true).exec();
    String instanceId = EmulatorInstance.forDataDir(dataDir).id();
    // What a launch killed between creating its container and committing its task would leave behind.
    String orphan = labelledContainer(instanceId, "arn:aws:ecs:us-east-1:000000000000:task/default/" + hex(16));
    String foreign = labelledContainer("0123456789ab", "arn:aws:ecs:us-east-1:000000000000:task/default/" + hex(16));
    foreignContainers.add(foreign);

    EcsClient again = start().client();

    await("the task whose container vanished stops").atMost(LONG)
        .until(() -> "STOPPED".equals(task(again, removed.taskArn()).lastStatus()));
    Task stopped = task(again, removed.taskArn());
    assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
    assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
    assertThat(stopped.containers().get(0).reason()).isEqualTo("ContainerVanishedError: No container matching saved ID found");
    assertThat(stopped.containers().get(0).lastStatus()).isEqualTo("STOPPED");
    await("the orphan is removed").atMost(LONG).until(() -> !exists(docker(), orphan));
    Task stillRunning = task(again, kept.taskArn());
    assertThat(stillRunning.lastStatus()).isEqualTo("RUNNING");
    assertThat(stillRunning.containers().get(0).runtimeId()).isEqualTo(keptId);
    assertThat(startedAt(docker(), keptId)).contains(keptStartedAt);
    assertThat(exists(docker(), foreign)).as("another emulator's container is never touched").isTrue();
    Task fargateAfter = task(again, fargate.taskArn());
    assertThat(fargateAfter.lastStatus()).isEqualTo("RUNNING");
    assertThat(fargateAfter.attachments()).isEqualTo(fargate.attachments());
    assertThat(fargateAfter.containers().get(0).networkInterfaces()).isEqualTo(fargate.containers().get(0).networkInterfaces());
    await("the awsvpc task's published port again").atMost(LONG).untilAsserted(() -> assertThat(
        task(again, fargate.taskArn()).containers().get(0).networkBindings())
        .isEqualTo(fargate.containers().get(0).networkBindings()));
    fargateStartedAt.forEach((id, at) -> assertThat(startedAt(docker(), id)).as("not restarted: " + id).contains(at));
    assertThat(orphans(ENGINE, dataDir, again)).isEmpty();
  }

  private static String containerOf(Task task) {
    return task.containers().get(0).runtimeId();
  }

  /** The sandbox: the container of the task that is not one of its containers. */
  private static String sandboxOf(String taskArn) {
    return docker().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(RecoveryFixtures.TASK_ARN_LABEL, taskArn)).exec().stream()
        .filter(c -> "~internal~ecs~pause".equals(c.getLabels().get("com.amazonaws.ecs.container-name")))
        .findFirst().orElseThrow().getId();
  }

  private Before snapshot(EcsClient ecs) {
    Map<String, Task> tasks = allTasks(ecs).stream().collect(Collectors.toMap(Task::taskArn, t -> t));
    Map<String, String> started = new HashMap<>();
    for (Task t : tasks.values()) {
      for (var c : t.containers()) {
        if (c.runtimeId() != null) {
          startedAt(docker(), c.runtimeId()).ifPresent(s -> started.put(c.runtimeId(), s));
        }
      }
    }
    return new Before(definitions(ecs), service(ecs, "web"), serviceDeployments(ecs), tasks, started);
  }

  private static List<TaskDefinition> definitions(EcsClient ecs) {
    List<TaskDefinition> out = new ArrayList<>();
    for (String status : List.of("ACTIVE", "INACTIVE")) {
      for (String arn : ecs.listTaskDefinitions(b -> b.status(status)).taskDefinitionArns()) {
        out.add(ecs.describeTaskDefinition(b -> b.taskDefinition(arn)).taskDefinition());
      }
    }
    assertThat(out).hasSize(5);
    return out;
  }

  private static Set<String> serviceDeployments(EcsClient ecs) {
    return ecs.listServiceDeployments(b -> b.service("web")).serviceDeployments().stream()
        .map(d -> d.serviceDeploymentArn())
        .collect(Collectors.toSet());
  }

  private String labelledContainer(String instanceId, String taskArn) {
    String id = docker().createContainerCmd(WEB_1)
        .withName("ecs-web-1-web-" + hex(10))
        .withLabels(Map.of(Labels.MANAGED, "true", Labels.INSTANCE, instanceId,
            RecoveryFixtures.TASK_ARN_LABEL, taskArn, "com.amazonaws.ecs.container-name", "web"))
        .exec().getId();
    docker().startContainerCmd(id).exec();
    return id;
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    new Random().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
