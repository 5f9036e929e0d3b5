package dev.ecsemulator.api.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/**
 * An EXTERNAL service on real containers: two task sets run their computedDesiredCount of tasks and report their
 * counts and stability, the primary is switched, and the old set, deleted, drains: DRAINING, its containers
 * stopped, then gone.
 */
class TaskSetContainersIT {

  static final Duration LONG = Duration.ofSeconds(90);
  static final DockerEngine ENGINE = new DockerEngine(DockerEngine.resolveHost(null));

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  @Test
  void twoTaskSetsRunTheirTasksThePrimarySwitchesAndTheOldSetDrains() {
    String blueTd = register(ServiceContainersIT.WEB_1);
    String greenTd = register(ServiceContainersIT.WEB_2);
    ecs.createService(b -> b.serviceName("web").desiredCount(2).deploymentController(c -> c.type("EXTERNAL")));
    assertThat(ecs.listTasks(b -> b.serviceName("web")).taskArns()).isEmpty();

    TaskSet blue = createSet(blueTd, 100.0);
    ecs.updateServicePrimaryTaskSet(b -> b.cluster("default").service("web").primaryTaskSet(blue.id()));
    awaitSteady(blue.id(), 2);
    assertThat(tasksOf(blue.id())).hasSize(2).allSatisfy(t -> {
      assertThat(t.group()).isEqualTo("service:web");
      assertThat(t.taskDefinitionArn()).isEqualTo(blueTd);
      assertThat(t.lastStatus()).isEqualTo("RUNNING");
      assertThat(t.healthStatusAsString()).isEqualTo("HEALTHY");
    });

    TaskSet green = createSet(greenTd, 50.0);
    assertThat(green.computedDesiredCount()).isEqualTo(1);
    awaitSteady(green.id(), 1);
    await().atMost(LONG).untilAsserted(() -> assertThat(describe().runningCount()).isEqualTo(3));
    assertThat(tasksOf(green.id())).singleElement()
        .satisfies(t -> assertThat(t.taskDefinitionArn()).isEqualTo(greenTd));

    ecs.updateServicePrimaryTaskSet(b -> b.cluster("default").service("web").primaryTaskSet(green.taskSetArn()));
    TaskSet scaled = ecs.updateTaskSet(b -> b.cluster("default").service("web").taskSet(green.id())
        .scale(s -> s.value(100.0).unit(ScaleUnit.PERCENT))).taskSet();
    assertThat(scaled.computedDesiredCount()).isEqualTo(2);
    assertThat(scaled.status()).isEqualTo("PRIMARY");
    awaitSteady(green.id(), 2);
    Service service = describe();
    assertThat(service.taskDefinition()).isEqualTo(greenTd);
    assertThat(service.deployments()).isEmpty();

    List<Task> blueTasks = tasksOf(blue.id()); // as they are now: a loaded machine may have replaced one
    TaskSet draining = ecs.deleteTaskSet(b -> b.cluster("default").service("web").taskSet(blue.id()).force(true)).taskSet();
    assertThat(draining.status()).isEqualTo("DRAINING");
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(ecs.describeTaskSets(b -> b.cluster("default").service("web").taskSets(blue.id())).failures())
            .singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING")));
    List<String> blueArns = blueTasks.stream().map(Task::taskArn).toList();
    assertThat(ecs.describeTasks(b -> b.tasks(blueArns)).tasks()).hasSize(2).allSatisfy(t -> {
      assertThat(t.lastStatus()).isEqualTo("STOPPED");
      assertThat(t.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + blue.id() + ")");
      assertThat(running(t.containers().get(0).runtimeId())).isFalse();
    });
    await().atMost(LONG).untilAsserted(() -> {
      Service s = describe();
      assertThat(s.runningCount()).isEqualTo(2);
      assertThat(s.taskSets()).extracting(TaskSet::id).containsExactly(green.id());
    });
    assertThat(tasksOf(green.id())).hasSize(2);
  }

  /** The sample app with its health check, lenient enough for a loaded machine (3 retries of 5 s). */
  private static String register(String image) {
    var container = ServiceContainersIT.web(image).toBuilder()
        .healthCheck(h -> h.command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
            .interval(5).timeout(5).retries(3).startPeriod(0))
        .build();
    return ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(container))
        .taskDefinition().taskDefinitionArn();
  }

  private static TaskSet createSet(String td, double percent) {
    return ecs.createTaskSet(b -> b.cluster("default").service("web").cluster("default").taskDefinition(td)
        .scale(s -> s.value(percent).unit(ScaleUnit.PERCENT))).taskSet();
  }

  private static Service describe() {
    return ecs.describeServices(b -> b.services("web")).services().get(0);
  }

  private static TaskSet set(String id) {
    return ecs.describeTaskSets(b -> b.cluster("default").service("web").taskSets(id)).taskSets().get(0);
  }

  /** Waits for the set to run {@code count} healthy tasks, none pending: STEADY_STATE. */
  private static void awaitSteady(String id, int count) {
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      TaskSet set = set(id);
      assertThat(set.computedDesiredCount()).isEqualTo(count);
      assertThat(set.runningCount()).isEqualTo(count);
      assertThat(set.pendingCount()).isZero();
      assertThat(set.stabilityStatusAsString()).isEqualTo("STEADY_STATE");
    });
  }

  /** The set's wanted tasks ({@code startedBy} its ID, as a deployment's tasks carry theirs). */
  private static List<Task> tasksOf(String setId) {
    List<String> arns = ecs.listTasks(b -> b.startedBy(setId)).taskArns();
    return arns.isEmpty() ? List.of() : ecs.describeTasks(b -> b.tasks(arns)).tasks();
  }

  private static boolean running(String containerId) {
    try {
      return Boolean.TRUE.equals(ENGINE.client().inspectContainerCmd(containerId).exec().getState().getRunning());
    } catch (NotFoundException gone) {
      return false;
    }
  }
}
