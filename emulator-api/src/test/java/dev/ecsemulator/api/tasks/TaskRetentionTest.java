package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.ecsemulator.api.SchedulerOptions;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Stopped tasks stay describable for the configured retention, and their containers are kept for the
 * clean-up delay, then removed. (Defaults: an hour each; here seconds, to watch both happen.)
 */
class TaskRetentionTest {

  static TestEmulator emulator;
  static EcsClient ecs;

  @BeforeAll
  static void start() {
    emulator = TestEmulator.start(config -> config.withScheduler(new SchedulerOptions(null, null, "prefer-cached",
        Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofSeconds(1))));
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

  @Test
  void containersGoAfterTheCleanupDelayAndTasksAfterTheRetention() {
    ecs.registerTaskDefinition(b -> b.family("short").containerDefinitions(web("app", 32)));
    Task running = awaitStatus(ecs, ecs.runTask(b -> b.taskDefinition("short")).tasks().get(0).taskArn(), "RUNNING");
    String containerId = container(running, "app").runtimeId();

    ecs.stopTask(b -> b.task(running.taskArn()));
    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    assertThat(exists(containerId)).as("kept for its logs at first").isTrue();

    await().atMost(Duration.ofSeconds(30)).until(() -> !exists(containerId));
    assertThat(ecs.describeTasks(b -> b.tasks(stopped.taskArn())).tasks())
        .as("still describable after its containers went").hasSize(1);

    await().atMost(Duration.ofSeconds(30)).until(() ->
        ecs.describeTasks(b -> b.tasks(stopped.taskArn())).failures().size() == 1);
    assertThat(ecs.listTasks(b -> b.desiredStatus("STOPPED")).taskArns()).isEmpty();
  }
}
