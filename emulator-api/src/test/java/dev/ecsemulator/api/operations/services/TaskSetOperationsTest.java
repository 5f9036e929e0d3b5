package dev.ecsemulator.api.operations.services;

import static dev.ecsemulator.api.operations.services.ServiceFixtures.SERVICE_ARN_PREFIX;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.describe;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.eventually;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.registerFargate;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.registerWeb;
import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.TaskSetField;
import software.amazon.awssdk.services.ecs.model.TaskSetNotFoundException;
import software.amazon.awssdk.services.ecs.model.UnsupportedFeatureException;

/**
 * The EXTERNAL deployment controller through the real AWS SDK v2: CreateService, the task set operations, what
 * DescribeServices shows, and ECS's errors. No Docker here: task sets' tasks are not placed (the IT runs them).
 */
class TaskSetOperationsTest {

  static final String SET_ARN_PREFIX = "arn:aws:ecs:us-east-1:000000000000:task-set/apps/web/";

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("apps"));
  }

  @Test
  void anExternalServiceHasNoDeploymentNoTaskAndNoTaskSetSettingsOfItsOwn() {
    Service s = createExternal(4);
    assertThat(s.serviceArn()).isEqualTo(SERVICE_ARN_PREFIX + "apps/web");
    assertThat(s.deploymentController().typeAsString()).isEqualTo("EXTERNAL");
    assertThat(s.status()).isEqualTo("ACTIVE");
    assertThat(s.desiredCount()).isEqualTo(4);
    assertThat(s.deployments()).isEmpty();
    assertThat(s.taskSets()).isEmpty();
    assertThat(s.taskDefinition()).isNull();
    assertThat(s.launchType()).isNull();
    assertThat(s.schedulingStrategyAsString()).isEqualTo("REPLICA");
    assertThat(ecs.listServices(b -> b.cluster("apps")).serviceArns()).containsExactly(s.serviceArn());
    assertThat(ecs.listTasks(b -> b.cluster("apps")).taskArns()).isEmpty();
  }

  @Test
  void createTaskSetAnswersEveryMember() {
    String td = registerWeb(ecs, "web");
    createExternal(3);
    Instant before = Instant.now().minusSeconds(1);

    TaskSet set = ecs.createTaskSet(b -> b.cluster("apps").service("web").taskDefinition("web").externalId("blue")
        .launchType(LaunchType.EC2).scale(s -> s.value(50.0).unit(ScaleUnit.PERCENT))
        .tags(t -> t.key("colour").value("blue"))).taskSet();

    assertThat(set.id()).matches("ecs-svc/\\d{19}");
    assertThat(set.taskSetArn()).isEqualTo(SET_ARN_PREFIX + set.id());
    assertThat(set.serviceArn()).isEqualTo(SERVICE_ARN_PREFIX + "apps/web");
    assertThat(set.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/apps");
    assertThat(set.externalId()).isEqualTo("blue");
    assertThat(set.status()).isEqualTo("ACTIVE");
    assertThat(set.taskDefinition()).isEqualTo(td);
    assertThat(set.computedDesiredCount()).isEqualTo(2); // ceil(3 × 50%)
    assertThat(set.runningCount()).isZero();
    assertThat(set.pendingCount()).isZero();
    assertThat(set.launchType()).isEqualTo(LaunchType.EC2);
    assertThat(set.scale().value()).isEqualTo(50.0);
    assertThat(set.scale().unit()).isEqualTo(ScaleUnit.PERCENT);
    assertThat(set.stabilityStatusAsString()).isEqualTo("STABILIZING");
    assertThat(set.stabilityStatusAt()).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(set.createdAt()).isEqualTo(set.updatedAt()).isEqualTo(set.stabilityStatusAt());
    assertThat(set.loadBalancers()).isEmpty();
    assertThat(set.serviceRegistries()).isEmpty();
    assertThat(set.hasTags()).isFalse();
    assertThat(set.startedBy()).isNull(); // "If an external deployment created the task set, the startedBy field isn't used."

    Service service = describe(ecs, "apps", "web");
    assertThat(service.taskSets()).extracting(TaskSet::id).containsExactly(set.id());
    assertThat(service.deployments()).isEmpty();
    assertThat(service.taskDefinition()).isNull(); // no PRIMARY set yet: "the task set fields are null"
  }

  @Test
  void aFargateTaskSetKeepsItsNetworkConfigurationAndPlatform() {
    registerFargate(ecs, "fg");
    createExternal(1);
    TaskSet set = ecs.createTaskSet(b -> b.cluster("apps").service("web").taskDefinition("fg")
        .launchType(LaunchType.FARGATE).scale(s -> s.value(100.0).unit(ScaleUnit.PERCENT))
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1").securityGroups("sg-1")
            .assignPublicIp(AssignPublicIp.DISABLED)))).taskSet();
    assertThat(set.launchType()).isEqualTo(LaunchType.FARGATE);
    assertThat(set.platformVersion()).isNotNull();
    assertThat(set.platformFamily()).isEqualTo("Linux");
    assertThat(set.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly("subnet-1");
    assertThat(set.computedDesiredCount()).isEqualTo(1);
  }

  @Test
  void thePrimaryTaskSetGivesTheServiceItsSettings() {
    String td1 = registerWeb(ecs, "web");
    String td2 = registerWeb(ecs, "web");
    createExternal(2);
    TaskSet blue = createSet(td1, 100.0);
    TaskSet green = createSet(td2, 0.0);

    TaskSet primary = ecs.updateServicePrimaryTaskSet(b -> b.cluster("apps").service("web")
        .primaryTaskSet(blue.taskSetArn())).taskSet();
    assertThat(primary.status()).isEqualTo("PRIMARY");
    Service s = describe(ecs, "apps", "web");
    assertThat(s.taskDefinition()).isEqualTo(td1);
    assertThat(s.launchType()).isEqualTo(LaunchType.EC2);

    ecs.updateServicePrimaryTaskSet(b -> b.cluster("apps").service(SERVICE_ARN_PREFIX + "apps/web")
        .primaryTaskSet(green.id()));
    s = describe(ecs, "apps", "web");
    assertThat(s.taskDefinition()).isEqualTo(td2);
    assertThat(s.taskSets()).extracting(TaskSet::id, TaskSet::status)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(blue.id(), "ACTIVE"),
            org.assertj.core.groups.Tuple.tuple(green.id(), "PRIMARY"));
  }

  @Test
  void describeTaskSetsNamesThemByIdOrArnReportsUnknownOnesMissingAndShowsTagsOnRequest() {
    String td = registerWeb(ecs, "web");
    createExternal(1);
    TaskSet set = ecs.createTaskSet(b -> b.cluster("apps").service("web").taskDefinition(td)
        .tags(t -> t.key("k").value("v"))).taskSet();
    assertThat(set.scale().value()).isZero(); // no scale given: 0% (as the aws-cli example shows)
    assertThat(set.computedDesiredCount()).isZero();

    DescribeTaskSetsResponse all = ecs.describeTaskSets(b -> b.cluster("apps").service("web"));
    assertThat(all.taskSets()).extracting(TaskSet::id).containsExactly(set.id());
    assertThat(all.taskSets().get(0).hasTags()).isFalse();

    String unknown = SET_ARN_PREFIX + "ecs-svc/1234567890123456789";
    DescribeTaskSetsResponse some = ecs.describeTaskSets(b -> b.cluster("apps").service("web")
        .taskSets(set.id(), unknown).include(TaskSetField.TAGS));
    assertThat(some.taskSets()).singleElement().satisfies(t -> {
      assertThat(t.taskSetArn()).isEqualTo(set.taskSetArn());
      assertThat(t.tags()).singleElement().satisfies(tag -> assertThat(tag.key()).isEqualTo("k"));
    });
    assertThat(some.failures()).singleElement().satisfies(f -> {
      assertThat(f.arn()).isEqualTo(unknown);
      assertThat(f.reason()).isEqualTo("MISSING");
    });
  }

  @Test
  void scaleAndTheServicesDesiredCountMakeTheComputedDesiredCount() {
    String td = registerWeb(ecs, "web");
    createExternal(10);
    TaskSet set = createSet(td, 10.0);
    assertThat(set.computedDesiredCount()).isEqualTo(1); // 10 × 10% is 1, not 2

    TaskSet updated = ecs.updateTaskSet(b -> b.cluster("apps").service("web").taskSet(set.id())
        .scale(s -> s.value(33.3).unit(ScaleUnit.PERCENT))).taskSet();
    assertThat(updated.scale().value()).isEqualTo(33.3);
    assertThat(updated.computedDesiredCount()).isEqualTo(4); // ceil(3.33)

    Service s = ecs.updateService(b -> b.cluster("apps").service("web").desiredCount(3)).service();
    assertThat(s.taskSets()).singleElement().satisfies(t -> assertThat(t.computedDesiredCount()).isEqualTo(1));
  }

  @Test
  void updateServiceOfAnExternalServiceChangesOnlyWhatTheServiceHolds() {
    String td = registerWeb(ecs, "web");
    createExternal(1);
    Service s = ecs.updateService(b -> b.cluster("apps").service("web").desiredCount(2)
        .healthCheckGracePeriodSeconds(30).deploymentConfiguration(c -> c.minimumHealthyPercent(50))).service();
    assertThat(s.desiredCount()).isEqualTo(2);
    assertThat(s.healthCheckGracePeriodSeconds()).isEqualTo(30);
    assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(50);
    assertThat(s.deployments()).isEmpty();

    assertAwsError(() -> ecs.updateService(b -> b.cluster("apps").service("web").taskDefinition(td)),
        InvalidParameterException.class,
        "Unable to update task definition on services with a EXTERNAL deployment controller. Create a new task set.");
    assertAwsError(() -> ecs.updateService(b -> b.cluster("apps").service("web").forceNewDeployment(true)),
        InvalidParameterException.class,
        "Unable to update force new deployment on services with a EXTERNAL deployment controller. Create a new task"
            + " set.");
  }

  @Test
  void deleteTaskSetDrainsItThenItIsGone() {
    String td = registerWeb(ecs, "web");
    createExternal(2);
    TaskSet set = createSet(td, 100.0);

    assertAwsError(() -> ecs.deleteTaskSet(b -> b.cluster("apps").service("web").taskSet(set.id())),
        InvalidParameterException.class, "The task set cannot be deleted while it is scaled above 0.");
    TaskSet draining = ecs.deleteTaskSet(b -> b.cluster("apps").service("web").taskSet(set.taskSetArn()).force(true))
        .taskSet();
    assertThat(draining.status()).isEqualTo("DRAINING");
    assertThat(draining.computedDesiredCount()).isZero();
    // No task ever ran (no Docker here): the scheduler's next pass removes it.
    eventually().untilAsserted(() -> assertThat(ecs.describeTaskSets(b -> b.cluster("apps").service("web")
        .taskSets(set.id())).failures()).singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING")));
    assertThat(describe(ecs, "apps", "web").taskSets()).isEmpty();
    assertAwsError(() -> ecs.deleteTaskSet(b -> b.cluster("apps").service("web").taskSet(set.id())),
        TaskSetNotFoundException.class, "The specified task set does not exist.");
  }

  @Test
  void aScaledDownTaskSetIsDeletedWithoutForce() {
    String td = registerWeb(ecs, "web");
    createExternal(2);
    TaskSet set = createSet(td, 0.0);
    assertThat(ecs.deleteTaskSet(b -> b.cluster("apps").service("web").taskSet(set.id())).taskSet().status())
        .isEqualTo("DRAINING");
  }

  @Test
  void ecsErrorsForTaskSets() {
    String td = registerWeb(ecs, "web");
    ecs.createService(b -> b.cluster("apps").serviceName("rolling").taskDefinition(td).desiredCount(0));
    assertAwsError(() -> ecs.createTaskSet(b -> b.cluster("apps").service("rolling").taskDefinition(td)),
        InvalidParameterException.class,
        "Amazon ECS only supports task set management on services configured to use external deployment controllers.");
    assertAwsError(() -> ecs.describeTaskSets(b -> b.cluster("apps").service("rolling")),
        InvalidParameterException.class,
        "Amazon ECS only supports task set management on services configured to use external deployment controllers.");
    assertAwsError(() -> ecs.createTaskSet(b -> b.cluster("apps").service("nope").taskDefinition(td)),
        ServiceNotFoundException.class, "Service not found.");

    createExternal(1);
    assertAwsError(() -> ecs.updateTaskSet(b -> b.cluster("apps").service("web").taskSet("ecs-svc/1234567890123456789")
            .scale(s -> s.value(10.0).unit(ScaleUnit.PERCENT))),
        TaskSetNotFoundException.class, "The specified task set does not exist.");
    assertAwsError(() -> ecs.updateServicePrimaryTaskSet(b -> b.cluster("apps").service("web")
            .primaryTaskSet("ecs-svc/1234567890123456789")),
        TaskSetNotFoundException.class, "The specified task set does not exist.");
    assertAwsError(() -> ecs.createTaskSet(b -> b.cluster("apps").service("web").taskDefinition(td)
            .scale(s -> s.value(150.0).unit(ScaleUnit.PERCENT))),
        InvalidParameterException.class, "Scale value must be between 0 and 100.");
    for (int i = 0; i < 5; i++) {
      createSet(td, 0.0);
    }
    assertAwsError(() -> createSet(td, 0.0), InvalidParameterException.class,
        "5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.");

    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("ext2").taskDefinition(td)
            .deploymentController(c -> c.type("EXTERNAL"))),
        InvalidParameterException.class, "TaskDefinition must be blank");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("ext3").schedulingStrategy("DAEMON")
            .deploymentController(c -> c.type("EXTERNAL"))),
        InvalidParameterException.class,
        "The DAEMON scheduling strategy is not supported for services using the EXTERNAL deployment controller.");
    assertAwsError(() -> ecs.updateService(b -> b.cluster("apps").service("rolling")
            .deploymentController(c -> c.type("EXTERNAL"))),
        UnsupportedFeatureException.class, "ecs-emulator does not change a service's deployment controller.");

    ecs.deleteService(b -> b.cluster("apps").service("web").force(true));
    assertAwsError(() -> ecs.createTaskSet(b -> b.cluster("apps").service("web").taskDefinition(td)),
        ServiceNotActiveException.class, "Service was not ACTIVE.");
  }

  @Test
  void aDeletedExternalServiceBecomesInactive() {
    createExternal(0);
    ecs.deleteService(b -> b.cluster("apps").service("web"));
    eventually().untilAsserted(() -> assertThat(describe(ecs, "apps", "web").status()).isEqualTo("INACTIVE"));
  }

  private static Service createExternal(int desired) {
    return ecs.createService(b -> b.cluster("apps").serviceName("web").desiredCount(desired)
        .deploymentController(c -> c.type("EXTERNAL"))).service();
  }

  private static TaskSet createSet(String td, double percent) {
    return ecs.createTaskSet(b -> b.cluster("apps").service("web").taskDefinition(td)
        .scale(s -> s.value(percent).unit(ScaleUnit.PERCENT))).taskSet();
  }
}
