package dev.ecsemulator.scheduler.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.logs.Logs;
import dev.ecsemulator.core.logs.LogsSettings;
import dev.ecsemulator.core.logs.model.CreateLogGroupRequest;
import dev.ecsemulator.core.logs.model.GetLogEventsRequest;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import dev.ecsemulator.scheduler.runtime.ContainerSpec;
import dev.ecsemulator.scheduler.runtime.DockerContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.task.TaskRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shipping on the real engine, below the task engine: the driver's start makes the stream, and a stopped
 * task's removal waits until all its container printed is stored.
 */
class AwslogsShippingDockerIT {

  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final String GROUP = "/ecs/drain";
  static final int LINES = 20_000;

  final EmulatorInstance instance =
      EmulatorInstance.forDataDir(Path.of("/tmp/ecs-emulator-awslogs-test-" + UUID.randomUUID()));
  final DockerEngine engine = new DockerEngine(DockerEngine.resolveHost(null));
  final DockerContainerRuntime runtime = new DockerContainerRuntime(engine, instance);
  final InMemoryStateStore store = new InMemoryStateStore();
  final Logs logs = Logs.start(store, Clock.systemUTC(), LogsSettings.defaults());
  final AwslogsShipping shipping = new AwslogsShipping(store, logs,
      new DockerOutputSource(runtime, engine.newStreamClient(4)), new StoreSink(logs.events()), Clock.systemUTC(),
      AwslogsShipping.Settings.defaults(), () -> UUID.randomUUID().toString(), () -> { });

  @AfterEach
  void removeWhatTheTestMade() {
    shipping.close();
    logs.close();
    try {
      new ManagedResources(engine, instance).removeAll();
    } finally {
      runtime.close();
      engine.close();
    }
  }

  static TaskDefinition definition(String script) {
    return TaskDefinition.builder()
        .taskDefinitionArn(Arns.taskDefinition(SCOPE, "printer", 1))
        .family("printer").revision(1).status("ACTIVE")
        .containerDefinitions(List.of(ContainerDefinition.builder().name("app").image("ecs-emulator/sample-web:1")
            .memory(32).essential(true).command(List.of("sh", "-c", script))
            .logConfiguration(LogConfiguration.builder().logDriver("awslogs")
                .options(Map.of("awslogs-group", GROUP, "awslogs-stream-prefix", "ecs")).build())
            .build()))
        .build();
  }

  static Task task(String taskId, TaskDefinition definition, String containerId, String lastStatus) {
    return Task.builder()
        .taskArn(Arns.task(SCOPE, "drain", taskId))
        .clusterArn(Arns.cluster(SCOPE, "drain"))
        .taskDefinitionArn(definition.taskDefinitionArn())
        .launchType("EC2").lastStatus(lastStatus).desiredStatus("STOPPED").version(1L)
        .containers(List.of(Container.builder().name("app").runtimeId(containerId).lastStatus(lastStatus).build()))
        .build();
  }

  List<String> messages(String stream) {
    List<String> all = new ArrayList<>();
    String token = null;
    while (true) {
      var page = logs.queries().get(SCOPE, GetLogEventsRequest.builder().logGroupName(GROUP).logStreamName(stream)
          .startFromHead(true).nextToken(token).build());
      page.events().forEach(e -> all.add(e.message()));
      if (page.nextForwardToken().equals(token)) {
        return all;
      }
      token = page.nextForwardToken();
    }
  }

  @Test
  void aStoppedTasksRemovalWaitsUntilAllItsOutputIsShipped() {
    logs.groups().create(SCOPE, CreateLogGroupRequest.builder().logGroupName(GROUP).build());
    shipping.start();
    TaskDefinition definition = definition("i=0; while [ $i -lt " + LINES + " ]; do echo line $i; i=$((i+1)); done");
    String taskId = "0123456789abcdef0123456789abcdef";
    String id = runtime.createContainer(ContainerSpec.builder("awslogs-drain-" + UUID.randomUUID(),
        "ecs-emulator/sample-web:1").command(definition.containerDefinitions().get(0).command())
        .labels(Labels.ownedBy(instance)).build());
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.TASK_DEFINITION, TaskRecords.definitionKey(SCOPE, definition.taskDefinitionArn()).orElseThrow(),
          definition);
      return null;
    });

    shipping.beforeStart(SCOPE, task(taskId, definition, id, "PENDING"), definition, "app", id);
    runtime.startContainer(id);
    await().atMost(Duration.ofSeconds(60)).until(() -> runtime.inspect(id).map(ObservedContainer::state)
        .orElseThrow() == ObservedContainer.State.EXITED);
    Task stopped = task(taskId, definition, id, "STOPPED");
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.TASK, EcsKinds.taskKey("drain", taskId), stopped);
      return null;
    });
    shipping.beforeRemoval(SCOPE, stopped);

    List<String> shipped = messages("ecs/app/" + taskId);
    assertThat(shipped).hasSize(LINES);
    assertThat(shipped.get(0)).isEqualTo("line 0");
    assertThat(shipped.get(LINES - 1)).isEqualTo("line " + (LINES - 1));
  }
}
