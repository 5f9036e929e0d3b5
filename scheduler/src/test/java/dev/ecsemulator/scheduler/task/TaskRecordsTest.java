package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.scheduler.task.StoredTasks.SCOPE;
import static dev.ecsemulator.scheduler.task.StoredTasks.T0;
import static dev.ecsemulator.scheduler.task.StoredTasks.definition;
import static dev.ecsemulator.scheduler.task.StoredTasks.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Attachment;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerDependency;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.task.TaskLifecycle;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a stored task must hold for the engine to run it, and the stop of one that does not. Pure. */
class TaskRecordsTest {

  static final String ID = "0123456789abcdef0123456789abcdef";
  static final Instant NOW = T0.plusSeconds(90);
  final InMemoryStateStore store = new InMemoryStateStore();

  @Test
  void aCompleteTaskWithItsStoredDefinitionIsRunnable() {
    StoredTasks.put(store, definition(3));
    TaskRecords.Check check = check(task(ID, definition(3)));
    assertThat(check.runnable()).isTrue();
    assertThat(check.gaps()).isEmpty();
    assertThat(check.definition()).isEqualTo(definition(3));
  }

  static Stream<Arguments> incompleteTasks() {
    return Stream.of(
        gap("no taskArn", b -> b.taskArn(null), "the stored task has no taskArn"),
        gap("no lastStatus", b -> b.lastStatus(null), "the stored task has no lastStatus"),
        gap("unknown lastStatus", b -> b.lastStatus("LAUNCHING"),
            "the stored task has lastStatus LAUNCHING, which is not a task status"),
        gap("no desiredStatus", b -> b.desiredStatus(null), "the stored task has no desiredStatus"),
        gap("unknown desiredStatus", b -> b.desiredStatus("PENDING"),
            "the stored task has desiredStatus PENDING, which is neither RUNNING nor STOPPED"),
        gap("no taskDefinitionArn", b -> b.taskDefinitionArn(null), "the stored task has no taskDefinitionArn"),
        gap("no containers", b -> b.containers(null), "the stored task has no containers"),
        gap("a container without a name", b -> b.containers(List.of(Container.builder().lastStatus("PENDING").build())),
            "container 1 of the stored task has no name"),
        gap("a container without a lastStatus", b -> b.containers(List.of(Container.builder().name("app").build())),
            "container app of the stored task has no lastStatus"),
        gap("a container with an unknown lastStatus",
            b -> b.containers(List.of(Container.builder().name("app").lastStatus("CREATED").build())),
            "container app of the stored task has lastStatus CREATED, which is not a container status"),
        gap("a null container", b -> b.containers(Arrays.asList((Container) null)),
            "container 1 of the stored task is empty"),
        gap("a definition ARN that is not an ARN", b -> b.taskDefinitionArn("web:3"),
            "its taskDefinitionArn web:3 does not name a task definition of 000000000000 in us-east-1"),
        gap("a definition ARN of another account",
            b -> b.taskDefinitionArn("arn:aws:ecs:us-east-1:111111111111:task-definition/web:3"),
            "does not name a task definition of 000000000000 in us-east-1"),
        gap("a definition ARN whose revision is not a number",
            b -> b.taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/web:latest"),
            "does not name a task definition"),
        gap("a task definition that is not stored", b -> b.taskDefinitionArn(definition(4).taskDefinitionArn()),
            "its task definition arn:aws:ecs:us-east-1:000000000000:task-definition/web:4 is not stored"),
        gap("a container its definition lacks", b -> b.containers(List.of(
                Container.builder().name("app").lastStatus("PENDING").build(),
                Container.builder().name("sidecar").lastStatus("PENDING").build())),
            "container sidecar of the stored task is not in its task definition"),
        gap("no container of its definition", b -> b.containers(List.of()),
            "the stored task has no container app of its task definition"));
  }

  private static Arguments gap(String name, UnaryOperator<Task.Builder> change, String expected) {
    return Arguments.of(name, change, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incompleteTasks")
  void anIncompleteTaskIsNotRunnableAndItsReasonNamesTheGap(String name, UnaryOperator<Task.Builder> change,
      String expected) {
    StoredTasks.put(store, definition(3));
    TaskRecords.Check check = check(change.apply(task(ID, definition(3)).toBuilder()).build());
    assertThat(check.runnable()).isFalse();
    assertThat(check.gaps()).anySatisfy(g -> assertThat(g).contains(expected));
    assertThat(check.reason()).startsWith(TaskRecords.REASON_PREFIX).contains(expected).endsWith(".");
  }

  @Test
  void everyGapOfTheRecordIsNamed() {
    Task bare = Task.builder().taskArn(task(ID, definition(3)).taskArn()).lastStatus("RUNNING").build();
    assertThat(TaskRecords.gaps(bare)).containsExactly(
        "the stored task has no desiredStatus",
        "the stored task has no taskDefinitionArn",
        "the stored task has no containers");
    assertThat(TaskRecords.reason(TaskRecords.gaps(bare))).isEqualTo("ecs-emulator cannot run this task: "
        + "the stored task has no desiredStatus; the stored task has no taskDefinitionArn; "
        + "the stored task has no containers.");
  }

  static Stream<Arguments> incompleteDefinitions() {
    ContainerDefinition app = definition(3).containerDefinitions().get(0);
    return Stream.of(
        Arguments.of("no containerDefinitions", List.<ContainerDefinition>of(), "has no containerDefinitions"),
        Arguments.of("a container without a name", List.of(app.toBuilder().name(null).build()),
            "container definition 1 of arn:aws:ecs:us-east-1:000000000000:task-definition/web:3 has no name"),
        Arguments.of("a container without an image", List.of(app.toBuilder().image(null).build()),
            "container definition app of arn:aws:ecs:us-east-1:000000000000:task-definition/web:3 has no image"),
        Arguments.of("a dependency on no container", List.of(app.toBuilder()
                .dependsOn(List.of(ContainerDependency.builder().condition("START").build())).build()),
            "depends on null, which is not a container of the task definition"),
        Arguments.of("a dependency without a condition", List.of(app.toBuilder()
                .dependsOn(List.of(ContainerDependency.builder().containerName("app").build())).build()),
            "depends on app with condition null, which is not a dependency condition"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incompleteDefinitions")
  void aDefinitionThatLacksWhatRunningNeedsStopsTheTask(String name, List<ContainerDefinition> containers,
      String expected) {
    StoredTasks.put(store, definition(3).toBuilder().containerDefinitions(containers).build());
    TaskRecords.Check check = check(task(ID, definition(3)));
    assertThat(check.runnable()).isFalse();
    assertThat(check.reason()).contains(expected);
  }

  @Test
  void definitionKeysComeOnlyFromTaskDefinitionArnsOfTheScope() {
    Scope scope = SCOPE;
    assertThat(TaskRecords.definitionKey(scope, "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3"))
        .contains("web:000000003");
    assertThat(TaskRecords.definitionKey(scope, null)).isEmpty();
    assertThat(TaskRecords.definitionKey(scope, "")).isEmpty();
    assertThat(TaskRecords.definitionKey(scope, "web:3")).isEmpty();
    assertThat(TaskRecords.definitionKey(scope, "arn:aws:ecs:us-east-1:000000000000:task-definition/web")).isEmpty();
    assertThat(TaskRecords.definitionKey(scope, "arn:aws:ecs:us-east-1:000000000000:task-definition/:3")).isEmpty();
    assertThat(TaskRecords.definitionKey(scope, "arn:aws:ecs:us-east-1:000000000000:task-definition/web:x")).isEmpty();
    assertThat(TaskRecords.definitionKey(scope, "arn:aws:ecs:eu-west-1:000000000000:task-definition/web:3")).isEmpty();
    assertThat(TaskRecords.definitionKey(scope, "arn:aws:ecs:us-east-1:000000000000:task/web/3")).isEmpty();
    assertThat(TaskRecords.definitionKey(scope, "arn:aws:s3:us-east-1:000000000000:task-definition/web:3")).isEmpty();
  }

  @Test
  void aStoppedTaskIsFinalWhateverItLacks() {
    assertThat(TaskRecords.isFinal(Task.builder().lastStatus("STOPPED").build())).isTrue();
    assertThat(TaskRecords.isFinal(Task.builder().lastStatus("DELETED").build())).isTrue();
    assertThat(TaskRecords.isFinal(Task.builder().lastStatus("STOPPING").build())).isFalse();
    assertThat(TaskRecords.isFinal(Task.builder().build())).isFalse();
    // DELETED comes after STOPPED: it is not a gap of its own.
    assertThat(TaskRecords.gaps(task(ID, definition(3)).toBuilder().lastStatus("DELETED").build())).isEmpty();
  }

  @Test
  void stoppedMakesTheTaskStoppedInOneStepWithTheReason() {
    Task pending = task(ID, definition(3)).toBuilder()
        .attachments(List.of(Attachment.builder().type("ElasticNetworkInterface").status("ATTACHED").build()))
        .containers(List.of(
            Container.builder().name("app").lastStatus("RUNNING").runtimeId("c1").build(),
            Container.builder().name("init").lastStatus("STOPPED").exitCode(0).build()))
        .version(4L)
        .build();

    Task stopped = TaskRecords.stopped(pending, "ecs-emulator cannot run this task: it lacks something.", NOW);

    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stopCode()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).isEqualTo("ecs-emulator cannot run this task: it lacks something.");
    assertThat(stopped.stoppingAt()).isEqualTo(NOW);
    assertThat(stopped.executionStoppedAt()).isEqualTo(NOW);
    assertThat(stopped.stoppedAt()).isEqualTo(NOW);
    assertThat(stopped.version()).isEqualTo(5L);
    assertThat(stopped.containers()).extracting(Container::lastStatus).containsExactly("STOPPED", "STOPPED");
    assertThat(stopped.containers().get(1).exitCode()).isZero();
    assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
    assertThat(TaskRecords.stopped(stopped, "again", NOW.plusSeconds(1))).isSameAs(stopped);
  }

  @Test
  void stoppedTakesNoMemberForGranted() {
    Task stopped = TaskRecords.stopped(Task.builder().build(), "reason", NOW);
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.containers()).isNull();
    assertThat(stopped.version()).isEqualTo(1L);
    Task withHoles = Task.builder().containers(Arrays.asList(null, Container.builder().build()))
        .attachments(Arrays.asList((Attachment) null)).build();
    assertThat(TaskRecords.stopped(withHoles, "reason", NOW).containers().get(1).lastStatus()).isEqualTo("STOPPED");
  }

  @Test
  void theFirstStopReasonWins() {
    Task asked = TaskLifecycle.requestStop(task(ID, definition(3)), "UserInitiated", "Stopped by a test", T0);
    Task stopped = TaskRecords.stopped(asked.toBuilder().containers(null).build(), "ecs-emulator cannot run it.", NOW);
    assertThat(stopped.stopCode()).isEqualTo("UserInitiated");
    assertThat(stopped.stoppedReason()).isEqualTo("Stopped by a test");
    assertThat(stopped.stoppingAt()).isEqualTo(T0);
    assertThat(stopped.stoppedAt()).isEqualTo(NOW);
  }

  @Test
  void aLongReasonIsCutToEcsLimit() {
    String reason = TaskRecords.reason(java.util.Collections.nCopies(200, "the stored task has no containers"));
    assertThat(reason).hasSize(TaskLifecycle.MAX_REASON).startsWith(TaskRecords.REASON_PREFIX);
  }

  @Test
  void remainsAreTheRecordedContainersAndThoseNotStopped() {
    Task task = Task.builder().containers(Arrays.asList(
        Container.builder().name("a").runtimeId("r1").lastStatus("RUNNING").build(),
        Container.builder().name("b").runtimeId("r2").lastStatus("STOPPED").build(),
        Container.builder().name("c").lastStatus("PENDING").build(),
        Container.builder().runtimeId("r4").build(),
        null)).build();
    assertThat(TaskRecords.remains(task).runtimeIdsToStop()).containsExactly("r1", "r4");
    assertThat(TaskRecords.remains(task).runtimeIds()).containsExactly("r1", "r2", "r4");
    assertThat(TaskRecords.remains(task).taskArn()).isEmpty();
    String arn = "arn:aws:ecs:us-east-1:000000000000:task/default/" + ID;
    assertThat(TaskRecords.remains(Task.builder().taskArn(arn).build()))
        .isEqualTo(new TaskRecords.Remains(java.util.Optional.of(arn), List.of(), List.of()));
  }

  private TaskRecords.Check check(Task task) {
    return store.read(SCOPE, v -> TaskRecords.check(SCOPE, task, v));
  }
}
