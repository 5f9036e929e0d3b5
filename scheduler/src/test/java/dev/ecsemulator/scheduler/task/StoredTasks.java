package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateStore;
import java.time.Instant;
import java.util.List;

/** Stored task definitions and tasks for the tests of incomplete records, built with the model's builders. */
final class StoredTasks {

  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final String CLUSTER = "records";
  static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
  static final String IMAGE = "ecs-emulator/sample-web:1";

  private StoredTasks() {}

  /** Revision {@code revision} of family "web": one essential container "app" of the sample image. */
  static TaskDefinition definition(int revision) {
    return TaskDefinition.builder()
        .taskDefinitionArn(Arns.taskDefinition(SCOPE, "web", revision))
        .family("web")
        .revision(revision)
        .status("ACTIVE")
        .networkMode("bridge")
        .containerDefinitions(List.of(ContainerDefinition.builder()
            .name("app").image(IMAGE).memory(32).essential(true).build()))
        .build();
  }

  /** A complete task of {@code definition} as RunTask records it: PENDING, desired RUNNING, its container PENDING. */
  static Task task(String taskId, TaskDefinition definition) {
    return Task.builder()
        .taskArn(Arns.task(SCOPE, CLUSTER, taskId))
        .clusterArn(Arns.cluster(SCOPE, CLUSTER))
        .taskDefinitionArn(definition.taskDefinitionArn())
        .launchType("EC2")
        .lastStatus("PENDING")
        .desiredStatus("RUNNING")
        .createdAt(T0)
        .version(1L)
        .containers(List.of(Container.builder()
            .name("app")
            .image(IMAGE)
            .lastStatus("PENDING")
            .taskArn(Arns.task(SCOPE, CLUSTER, taskId))
            .build()))
        .build();
  }

  static TaskRef ref(String taskId) {
    return new TaskRef(SCOPE, EcsKinds.taskKey(CLUSTER, taskId));
  }

  static void put(StateStore store, TaskDefinition definition) {
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey(definition.family(), definition.revision()), definition);
      return null;
    });
  }

  static void put(StateStore store, String taskId, Task task) {
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.TASK, EcsKinds.taskKey(CLUSTER, taskId), task);
      return null;
    });
  }

  static Task get(StateStore store, String taskId) {
    return store.read(SCOPE, v -> v.get(EcsKinds.TASK, EcsKinds.taskKey(CLUSTER, taskId))).orElseThrow();
  }
}
