package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.ecsemulator.api.SchedulerOptions;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * Stopped tasks stay describable for the configured retention, and their containers (with their task-scoped
 * volumes) are kept for the clean-up delay, then removed. (Defaults: an hour each; here seconds, to watch both
 * happen.)
 */
class TaskRetentionIT {

  static TestEmulator emulator;
  static EcsClient ecs;

  /** How long a wait may take: generous, for a loaded 2-core CI machine. */
  static final Duration LONG = Duration.ofSeconds(60);

  /**
   * Containers go 5 s after their task stopped, the task 20 s after: margins that a loaded machine keeps between
   * seeing the task STOPPED and finding its container still there, and between seeing the container gone and
   * describing the task (with 2 s and 6 s, one slow poll there would fail the test).
   */
  @BeforeAll
  static void start() {
    emulator = TestEmulator.start(config -> config.withScheduler(new SchedulerOptions(null, null, "prefer-cached",
        Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(1))));
    ecs = emulator.client();
    ecs.createCluster(b -> b.clusterName("default"));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  boolean exists(String containerId) {
    try {
      docker().inspectContainerCmd(containerId).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  static List<String> volumesOf(String taskArn) {
    return docker().listVolumesCmd().withFilter("label", List.of("com.amazonaws.ecs.task-arn=" + taskArn)).exec()
        .getVolumes().stream().map(InspectVolumeResponse::getName).toList();
  }

  static boolean volumeExists(String name) {
    try {
      docker().inspectVolumeCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void taskScopedVolumesGoWithTheContainersSharedOnesStayUntilAReset() {
    String shared = "ecs-emulator-test-shared-" + UUID.randomUUID().toString().substring(0, 8);
    String foreign = docker().createVolumeCmd().withName("ecs-emulator-test-foreign-" + UUID.randomUUID()).exec()
        .getName();
    try {
      ecs.registerTaskDefinition(b -> b.family("volumes").containerDefinitions(web("app", 32).toBuilder()
              .mountPoints(m -> m.sourceVolume("scratch").containerPath("/scratch"),
                  m -> m.sourceVolume("empty").containerPath("/empty"),
                  m -> m.sourceVolume(shared).containerPath("/shared")).build())
          .volumes(Volume.builder().name("scratch").dockerVolumeConfiguration(d -> d.scope("task").driver("local")).build(),
              Volume.builder().name("empty").host(h -> {}).build(),
              Volume.builder().name(shared).dockerVolumeConfiguration(d -> d.scope("shared").autoprovision(true)).build()));
      Task running = awaitStatus(ecs, ecs.runTask(b -> b.taskDefinition("volumes")).tasks().get(0).taskArn(), "RUNNING");
      assertThat(volumesOf(running.taskArn())).as("the task-scoped and the empty host volume").hasSize(2);
      assertThat(volumeExists(shared)).isTrue();

      ecs.stopTask(b -> b.task(running.taskArn()));
      awaitStatus(ecs, running.taskArn(), "STOPPED");
      await().atMost(LONG).until(() -> volumesOf(running.taskArn()).isEmpty());
      assertThat(exists(container(running, "app").runtimeId())).isFalse();
      assertThat(volumeExists(shared)).as("a shared volume outlives its tasks, as with the agent").isTrue();

      emulator.reset();
      assertThat(volumeExists(shared)).as("reset removes what the emulator provisioned").isFalse();
      assertThat(volumeExists(foreign)).as("and nothing it did not create").isTrue();
    } finally {
      docker().removeVolumeCmd(foreign).exec();
      ecs.createCluster(b -> b.clusterName("default")); // for the other test, after the reset
    }
  }

  @Test
  void containersGoAfterTheCleanupDelayAndTasksAfterTheRetention() {
    ecs.registerTaskDefinition(b -> b.family("short").containerDefinitions(web("app", 32)));
    Task running = awaitStatus(ecs, ecs.runTask(b -> b.taskDefinition("short")).tasks().get(0).taskArn(), "RUNNING");
    String containerId = container(running, "app").runtimeId();

    ecs.stopTask(b -> b.task(running.taskArn()));
    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    assertThat(exists(containerId)).as("kept for its logs at first").isTrue();

    await().atMost(LONG).until(() -> !exists(containerId));
    assertThat(ecs.describeTasks(b -> b.tasks(stopped.taskArn())).tasks())
        .as("still describable after its containers went").hasSize(1);

    await().atMost(LONG).until(() ->
        ecs.describeTasks(b -> b.tasks(stopped.taskArn())).failures().size() == 1);
    assertThat(ecs.listTasks(b -> b.desiredStatus("STOPPED")).taskArns()).isEmpty();
  }
}
