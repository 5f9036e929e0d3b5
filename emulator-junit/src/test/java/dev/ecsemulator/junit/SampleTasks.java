package dev.ecsemulator.junit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import software.amazon.awssdk.services.ecs.EcsClient;

/** A task of the offline sample image, run to RUNNING: a real container for the clean-up tests to look for. */
final class SampleTasks {

  private SampleTasks() {
  }

  /** Registers {@code web} (sample-web:1), runs one task in the default cluster, waits until it is RUNNING. */
  static String runWeb(EcsClient ecs) {
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:1").memory(64).portMappings(p -> p.containerPort(8080))));
    String task = ecs.runTask(b -> b.taskDefinition("web")).tasks().get(0).taskArn();
    await().atMost(Duration.ofMinutes(1)).until(() ->
        "RUNNING".equals(ecs.describeTasks(b -> b.tasks(task)).tasks().get(0).lastStatus()));
    return task;
  }
}
