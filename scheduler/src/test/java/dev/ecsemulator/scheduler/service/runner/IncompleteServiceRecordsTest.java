package dev.ecsemulator.scheduler.service.runner;

import static dev.ecsemulator.core.EcsKinds.SERVICE;
import static dev.ecsemulator.core.EcsKinds.TASK;
import static dev.ecsemulator.scheduler.service.runner.EngineHarness.CLUSTER;
import static dev.ecsemulator.scheduler.service.runner.EngineHarness.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.scheduler.task.LogCapture;
import dev.ecsemulator.scheduler.task.TaskRecords;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service engine over stored services and tasks that lack members (a record of an older version,
 * or seeded by hand): no reconcile throws (the engine's executor reports an escaped exception as
 * "Bug: ..." at ERROR), a task record the task engine cannot run is never asked to stop (the engine stops
 * it), and a service that lacks what planning needs is left as it is and reported once.
 */
class IncompleteServiceRecordsTest {

  final EngineHarness h = new EngineHarness();
  final LogCapture logs = new LogCapture();

  @AfterEach
  void close() {
    logs.close();
    h.close();
  }

  /** Tasks of the service's group that lack members, by store ID. */
  static Map<String, Task> incompleteTasks() {
    String group = "service:web";
    return Map.of(
        id(1), Task.builder().taskArn(Arns.task(SCOPE, CLUSTER, id(1))).group(group).build(),
        id(2), Task.builder().group(group).lastStatus("RUNNING").desiredStatus("RUNNING").build(),
        id(3), Task.builder().taskArn(Arns.task(SCOPE, CLUSTER, id(3))).group(group).lastStatus("STOPPED").build(),
        id(4), Task.builder().taskArn(Arns.task(SCOPE, CLUSTER, id(4))).group(group).lastStatus("PROVISIONED")
            .desiredStatus("RUNNING").startedBy("ecs-svc/0000000000000000001").build());
  }

  @Test
  void tasksThatLackMembersHoldTheirSlotUntilTheEngineStopsThemAndAreNeverAskedToStop() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.create(b -> b.taskDefinition("web").desiredCount(1));
    h.runPending();
    incompleteTasks().forEach(this::put);

    h.update(b -> b.desiredCount(2));
    h.runPending();

    incompleteTasks().forEach((id, task) -> assertThat(stored(id)).as("task %s", id).isEqualTo(task));
    // Seen on their way down, the three unstopped ones hold their slots: 1 + 3 tasks fill maximumPercent (200 %).
    assertThat(complete(h.tasks(t -> true))).hasSize(1);

    // The task engine stops them (TaskRecords.stopped, as its pass does): their slots free, the service fills up.
    incompleteTasks().forEach((id, task) -> put(id, TaskRecords.stopped(task, "gone", h.clock.instant())));
    h.runPending();

    assertThat(complete(h.tasks(t -> "RUNNING".equals(t.lastStatus())))).hasSize(2);
    assertThat(h.service().runningCount()).isEqualTo(2);
    assertThat(stored(id(3))).isEqualTo(incompleteTasks().get(id(3)));
    assertThat(logs.errors()).isEmpty();
  }

  private static List<Task> complete(List<Task> tasks) {
    return tasks.stream().filter(t -> TaskRecords.gaps(t).isEmpty()).toList();
  }

  @Test
  void aDrainingServiceWithTasksThatLackMembersStillBecomesInactive() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.create(b -> b.taskDefinition("web").desiredCount(1));
    h.runPending();
    put(id(1), incompleteTasks().get(id(1)));
    put(id(3), incompleteTasks().get(id(3)));

    h.delete(true);
    h.finishStops();

    assertThat(h.service().status()).isEqualTo("INACTIVE");
    assertThat(stored(id(1))).isEqualTo(incompleteTasks().get(id(1)));
    assertThat(logs.errors()).isEmpty();
  }

  static Stream<Arguments> unplannableServices() {
    return Stream.of(
        Arguments.of("no serviceArn", (UnaryOperator<Service.Builder>) b -> b.serviceArn(null),
            "the stored service has no serviceArn"),
        Arguments.of("a serviceArn without its cluster",
            (UnaryOperator<Service.Builder>) b -> b.serviceArn("arn:aws:ecs:us-east-1:000000000000:service/web"),
            "which is not of the form arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME"),
        Arguments.of("no serviceName", (UnaryOperator<Service.Builder>) b -> b.serviceName(null),
            "the stored service has no serviceName"),
        Arguments.of("a deployment without an id", (UnaryOperator<Service.Builder>) b -> b.deployments(
                List.of(primaryOf(b).toBuilder().id(null).build())),
            "deployment 1 of the stored service has no id"),
        Arguments.of("a task set without an id", (UnaryOperator<Service.Builder>) b -> b.taskSets(
                List.of(dev.ecsemulator.core.model.TaskSet.builder().status("ACTIVE").build())),
            "task set 1 of the stored service has no id"),
        Arguments.of("a negative desiredCount", (UnaryOperator<Service.Builder>) b -> b.desiredCount(-1),
            "the stored service has desiredCount -1, which is negative"),
        Arguments.of("an older deployment whose taskDefinition is not an ARN", (UnaryOperator<Service.Builder>) b ->
                b.deployments(List.of(primaryOf(b), primaryOf(b).toBuilder().id("ecs-svc/9").status("ACTIVE")
                    .taskDefinition("web:latest").build())),
            "deployment ecs-svc/9 has taskDefinition web:latest, which is not a task definition ARN"),
        Arguments.of("a PRIMARY without a taskDefinition", (UnaryOperator<Service.Builder>) b -> b.deployments(
                List.of(primaryOf(b).toBuilder().taskDefinition(null).build())),
            "has no taskDefinition"),
        Arguments.of("a PRIMARY whose task definition is not stored", (UnaryOperator<Service.Builder>) b -> b.deployments(
                List.of(primaryOf(b).toBuilder().taskDefinition(Arns.taskDefinition(SCOPE, "gone", 1)).build())),
            "the taskDefinition arn:aws:ecs:us-east-1:000000000000:task-definition/gone:1 of its PRIMARY deployment"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unplannableServices")
  void aServiceThatLacksWhatPlanningNeedsIsLeftAsItIsAndReportedOnce(String name,
      UnaryOperator<Service.Builder> change, String expected) {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.create(b -> b.taskDefinition("web").desiredCount(0));
    Service incomplete = change.apply(h.service().toBuilder().desiredCount(2)).build();

    h.store.write(SCOPE, txn -> {
      txn.put(SERVICE, EcsKinds.serviceKey(CLUSTER, "web"), incomplete);
      return null;
    });
    h.engine.reconcileAll();
    h.engine.reconcile(new ServiceRef(SCOPE, CLUSTER, "web"));

    assertThat(h.service()).isEqualTo(incomplete);
    assertThat(h.tasks(t -> true)).isEmpty();
    assertThat(logs.warnings(expected)).hasSize(1);
    assertThat(logs.errors()).isEmpty();
  }

  /**
   * What planning can do without is filled in for planning only (ServiceRecords.check): a service without a
   * desiredCount is planned as 0 (its task stops) and stored without one; one without deployments launches nothing.
   */
  @Test
  void aServiceWithoutDesiredCountOrDeploymentsIsPlannedAsZeroAndNoneAndStoredAsItWas() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.create(b -> b.taskDefinition("web").desiredCount(1));
    h.runPending();
    assertThat(h.tasks(t -> "RUNNING".equals(t.desiredStatus()))).hasSize(1);

    Service withoutCount = h.service().toBuilder().desiredCount(null).build();
    h.store.write(SCOPE, txn -> {
      txn.put(SERVICE, EcsKinds.serviceKey(CLUSTER, "web"), withoutCount);
      return null;
    });
    h.engine.reconcile(new ServiceRef(SCOPE, CLUSTER, "web"));

    assertThat(h.tasks(t -> "RUNNING".equals(t.desiredStatus()))).isEmpty();
    assertThat(h.service().desiredCount()).isNull();

    Service withoutDeployments = h.service().toBuilder().desiredCount(1).deployments(null).build();
    h.store.write(SCOPE, txn -> {
      txn.put(SERVICE, EcsKinds.serviceKey(CLUSTER, "web"), withoutDeployments);
      return null;
    });
    h.engine.reconcile(new ServiceRef(SCOPE, CLUSTER, "web"));

    assertThat(h.tasks(t -> "RUNNING".equals(t.desiredStatus()))).isEmpty();
    assertThat(logs.warnings("")).isEmpty();
    assertThat(logs.errors()).isEmpty();
  }

  /**
   * A stored deployment without failedTasks (a record of an older version) counts no failure yet: the check
   * fills in 0 where the service is read back, the pass plans and launches as usual and stores the 0.
   */
  @Test
  void aDeploymentWithoutFailedTasksIsPlannedWithNoFailuresAndStoredWithZero() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.create(b -> b.taskDefinition("web").desiredCount(0));
    Service uncounted = h.service().toBuilder().desiredCount(1)
        .deployments(List.of(primaryOf(h.service().toBuilder()).toBuilder().failedTasks(null).build()))
        .build();

    h.store.write(SCOPE, txn -> {
      txn.put(SERVICE, EcsKinds.serviceKey(CLUSTER, "web"), uncounted);
      return null;
    });
    h.engine.reconcile(new ServiceRef(SCOPE, CLUSTER, "web"));

    assertThat(h.tasks(t -> "RUNNING".equals(t.desiredStatus()))).hasSize(1);
    assertThat(h.service().deployments()).singleElement()
        .satisfies(d -> assertThat(d.failedTasks()).isZero());
    assertThat(logs.warnings("")).isEmpty();
    assertThat(logs.errors()).isEmpty();
  }

  /** The cluster and service names of launches and managed tags come from the service's key. */
  @Test
  void aServiceWithoutClusterArnLaunchesWithItsKeysNames() {
    h.register("web", "ecs-emulator/sample-web:1", false);
    h.create(b -> b.taskDefinition("web").desiredCount(0).enableECSManagedTags(true));
    Service withoutCluster = h.service().toBuilder().clusterArn(null).desiredCount(1).build();

    h.store.write(SCOPE, txn -> {
      txn.put(SERVICE, EcsKinds.serviceKey(CLUSTER, "web"), withoutCluster);
      return null;
    });

    List<Task> launched = h.tasks(t -> true);
    assertThat(launched).hasSize(1);
    assertThat(launched.get(0).clusterArn()).isEqualTo(Arns.cluster(SCOPE, CLUSTER));
    List<Tag> tags = h.store.read(SCOPE, v -> ResourceTagging.get(v, launched.get(0).taskArn()));
    assertThat(tags).containsExactlyInAnyOrder(
        new Tag("aws:ecs:serviceName", "web"), new Tag("aws:ecs:clusterName", CLUSTER));
    assertThat(logs.errors()).isEmpty();
  }

  private static Deployment primaryOf(Service.Builder b) {
    return b.build().deployments().get(0);
  }

  private void put(String id, Task task) {
    h.store.write(SCOPE, txn -> {
      txn.put(TASK, EcsKinds.taskKey(CLUSTER, id), task);
      return null;
    });
  }

  private Task stored(String id) {
    return h.store.read(SCOPE, v -> v.get(TASK, EcsKinds.taskKey(CLUSTER, id))).orElseThrow();
  }

  private static String id(int n) {
    return String.format("ffff%028x", n); // apart from the harness's sequential task IDs
  }
}
