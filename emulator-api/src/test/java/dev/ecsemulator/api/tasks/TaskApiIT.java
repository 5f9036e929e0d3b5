package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.api.SchedulerOptions;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * RunTask, StartTask, StopTask, DescribeTasks, ListTasks and the container instance operations, as the
 * API answers them: validation, placement, idempotency, listing. Capacity is pinned small (2048 CPU units,
 * 512 MiB) so that placement failures are reachable.
 */
class TaskApiIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(config -> config.withScheduler(
      new SchedulerOptions(2048, 512, "prefer-cached",
          java.time.Duration.ofHours(1), java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(30))));
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  String registerWeb(String family, int memory) {
    return ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(web("app", memory)))
        .taskDefinition().taskDefinitionArn();
  }

  @Test
  void runTaskAnswersAtOnceWithPendingTasks() {
    registerWeb("web", 32);

    RunTaskResponse response = ecs.runTask(b -> b.taskDefinition("web").count(2).startedBy("me").group("g1"));

    assertThat(response.failures()).isEmpty();
    assertThat(response.tasks()).hasSize(2).allSatisfy(t -> {
      assertThat(t.lastStatus()).isEqualTo("PENDING");
      assertThat(t.desiredStatus()).isEqualTo("RUNNING");
      assertThat(t.launchTypeAsString()).isEqualTo("EC2");
      assertThat(t.startedBy()).isEqualTo("me");
      assertThat(t.group()).isEqualTo("g1");
      assertThat(t.version()).isEqualTo(1L);
      assertThat(t.containerInstanceArn()).contains(":container-instance/default/");
      assertThat(t.taskArn()).matches("arn:aws:ecs:us-east-1:000000000000:task/default/[0-9a-f]{32}");
    });
  }

  @Test
  void validationErrorsAreAwsErrors() {
    registerWeb("web", 32);
    ecs.registerTaskDefinition(b -> b.family("vpc").networkMode(NetworkMode.AWSVPC).containerDefinitions(web("app", 32)));

    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("web").cluster("nope")))
        .isInstanceOf(ClusterNotFoundException.class);
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("missing")))
        .isInstanceOf(ClientException.class);
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("web").count(11)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("web").launchType(LaunchType.FARGATE)))
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("Task definition does not support launch_type FARGATE.");
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("vpc")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("web")
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Network Configuration is not valid for the given networkMode of this task definition.");
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("vpc")
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(List.of())))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("subnets can not be empty.");
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("web")
        .overrides(o -> o.containerOverrides(c -> c.name("ghost").command("true")))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Override for container named ghost is not a container in the TaskDefinition.");
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("web").launchType(LaunchType.EC2)
        .capacityProviderStrategy(s -> s.capacityProvider("FARGATE").weight(1))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Specifying both a launch type and capacity provider strategy is not supported.");
  }

  @Test
  void anInactiveTaskDefinitionCannotRun() {
    String arn = registerWeb("retired", 32);
    ecs.deregisterTaskDefinition(b -> b.taskDefinition(arn));

    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition(arn)))
        .isInstanceOf(software.amazon.awssdk.services.ecs.model.EcsException.class)
        .hasMessageContaining("TaskDefinition is inactive");
  }

  @Test
  void whatDoesNotFitComesBackAsResourceFailures() {
    registerWeb("big", 200);

    RunTaskResponse response = ecs.runTask(b -> b.taskDefinition("big").count(3));

    // 512 MiB registered: two tasks of 200 fit, the third does not.
    assertThat(response.tasks()).hasSize(2);
    assertThat(response.failures()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY");
      assertThat(f.arn()).contains(":container-instance/default/");
    });
  }

  @Test
  void theLocalEngineJoinsTheClusterAtItsFirstEc2PlacementAndShowsWhatIsLeft() {
    assertThat(ecs.listContainerInstances(b -> b.cluster("default")).containerInstanceArns())
        .as("a new cluster has no instance").isEmpty();
    registerWeb("web", 100);

    ecs.runTask(b -> b.taskDefinition("web"));

    List<String> arns = ecs.listContainerInstances(b -> b.cluster("default")).containerInstanceArns();
    assertThat(arns).hasSize(1);
    ContainerInstance instance = ecs.describeContainerInstances(b -> b.containerInstances(arns)).containerInstances().get(0);
    assertThat(instance.status()).isEqualTo("ACTIVE");
    assertThat(instance.agentConnected()).isTrue();
    assertThat(instance.ec2InstanceId()).matches("i-[0-9a-f]{17}");
    assertThat(resource(instance.registeredResources(), "MEMORY")).isEqualTo(512);
    assertThat(resource(instance.remainingResources(), "MEMORY")).isEqualTo(412);
    assertThat(resource(instance.registeredResources(), "CPU")).isEqualTo(2048);
    assertThat(instance.runningTasksCount() + instance.pendingTasksCount()).isEqualTo(1);
    assertThat(instance.attributes()).anySatisfy(a -> assertThat(a.name()).isEqualTo("ecs-emulator.local-instance"));
  }

  static int resource(List<software.amazon.awssdk.services.ecs.model.Resource> resources, String name) {
    return resources.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().integerValue();
  }

  @Test
  void aClientTokenMakesRunTaskIdempotent() {
    registerWeb("web", 32);

    RunTaskResponse first = ecs.runTask(b -> b.taskDefinition("web").clientToken("token-1"));
    RunTaskResponse retry = ecs.runTask(b -> b.taskDefinition("web").clientToken("token-1"));

    assertThat(TaskFixtures.arns(retry.tasks())).isEqualTo(TaskFixtures.arns(first.tasks()));
    assertThat(ecs.listTasks(b -> b.cluster("default")).taskArns()).hasSize(1);
    assertThatThrownBy(() -> ecs.runTask(b -> b.taskDefinition("web").clientToken("token-1").count(2)))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.resourceIds()).containsExactlyElementsOf(TaskFixtures.arns(first.tasks())));
  }

  @Test
  void describeReportsUnknownTasksAsMissing() {
    registerWeb("web", 32);
    String arn = ecs.runTask(b -> b.taskDefinition("web")).tasks().get(0).taskArn();
    String id = arn.substring(arn.lastIndexOf('/') + 1);

    var response = ecs.describeTasks(b -> b.tasks(id, "0123456789abcdef0123456789abcdef"));

    assertThat(TaskFixtures.arns(response.tasks())).containsExactly(arn);
    assertThat(response.failures()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo("MISSING");
      assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef");
    });
  }

  @Test
  void describeIncludesTagsOnlyWhenAsked() {
    registerWeb("web", 32);
    String arn = ecs.runTask(b -> b.taskDefinition("web").tags(t -> t.key("k").value("v"))).tasks().get(0).taskArn();

    assertThat(ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0).tags()).isEmpty();
    assertThat(ecs.describeTasks(b -> b.tasks(arn).includeWithStrings("TAGS")).tasks().get(0).tags())
        .singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("k=v"));
    assertThat(ecs.listTagsForResource(b -> b.resourceArn(arn)).tags()).hasSize(1);
  }

  @Test
  void listTasksFiltersAndPages() {
    registerWeb("web", 32);
    registerWeb("other", 32);
    registerWeb("web-2", 32);
    List<String> web = TaskFixtures.arns(ecs.runTask(b -> b.taskDefinition("web").count(3).startedBy("ci")).tasks());
    String other = ecs.runTask(b -> b.taskDefinition("other")).tasks().get(0).taskArn();
    ecs.stopTask(b -> b.task(other));
    // A family whose name starts with another's: "web" must not match it.
    String web2 = ecs.runTask(b -> b.taskDefinition("web-2")).tasks().get(0).taskArn();
    ecs.stopTask(b -> b.task(web2));

    assertThat(ecs.listTasks(b -> b.family("web")).taskArns()).containsExactlyInAnyOrderElementsOf(web);
    assertThat(ecs.listTasks(b -> b.family("web").desiredStatus("STOPPED")).taskArns()).isEmpty();
    assertThat(ecs.listTasks(b -> b.family("web-2").desiredStatus("STOPPED")).taskArns()).containsExactly(web2);
    assertThat(ecs.listTasks(b -> b.startedBy("ci")).taskArns()).hasSize(3);
    assertThat(ecs.listTasks(b -> b.desiredStatus("STOPPED")).taskArns()).containsExactlyInAnyOrder(other, web2);
    assertThat(ecs.listTasks(b -> b.desiredStatus("PENDING")).taskArns()).as("PENDING never matches").isEmpty();
    var first = ecs.listTasks(b -> b.maxResults(2));
    var second = ecs.listTasks(b -> b.maxResults(2).nextToken(first.nextToken()));
    assertThat(first.taskArns()).hasSize(2);
    assertThat(second.taskArns()).hasSize(1);
    assertThat(second.nextToken()).isNull();
    assertThatThrownBy(() -> ecs.listTasks(b -> b.cluster("nope"))).isInstanceOf(ClusterNotFoundException.class);
  }

  @Test
  void stopTaskOfAnUnknownTaskIsAnAwsError() {
    assertThatThrownBy(() -> ecs.stopTask(b -> b.task("0123456789abcdef0123456789abcdef")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("The referenced task was not found.");
  }

  @Test
  void clusterCountersFollowTheTasks() {
    registerWeb("web", 32);
    String arn = ecs.runTask(b -> b.taskDefinition("web")).tasks().get(0).taskArn();
    awaitStatus(ecs, arn, "RUNNING");

    var running = ecs.describeClusters(b -> b.clusters("default")).clusters().get(0);
    assertThat(running.runningTasksCount()).isEqualTo(1);
    assertThat(running.registeredContainerInstancesCount()).isEqualTo(1);

    ecs.stopTask(b -> b.task(arn));
    awaitStatus(ecs, arn, "STOPPED");
    assertThat(ecs.describeClusters(b -> b.clusters("default")).clusters().get(0).runningTasksCount()).isZero();
    ecs.deleteCluster(b -> b.cluster("default"));
    assertThat(ecs.describeClusters(b -> b.clusters("default")).clusters().get(0).status()).isEqualTo("INACTIVE");
  }

  @Test
  void startTaskPlacesOnTheNamedInstance() {
    registerWeb("web", 32);
    ecs.runTask(b -> b.taskDefinition("web"));
    String instance = ecs.listContainerInstances(b -> b.cluster("default")).containerInstanceArns().get(0);

    var response = ecs.startTask(b -> b.taskDefinition("web").containerInstances(instance, "deadbeef"));

    assertThat(response.tasks()).singleElement()
        .satisfies(t -> assertThat(t.containerInstanceArn()).isEqualTo(instance));
    assertThat(response.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
  }
}
