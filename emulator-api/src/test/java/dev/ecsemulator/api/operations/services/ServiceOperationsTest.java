package dev.ecsemulator.api.operations.services;

import static dev.ecsemulator.api.operations.services.ServiceFixtures.SERVICE_ARN_PREFIX;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.describe;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.eventually;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.registerFargate;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.registerWeb;
import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.UnsupportedFeatureException;

/** CreateService, DescribeServices and ListServices through the real AWS SDK v2, with the scheduler running. */
class ServiceOperationsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("apps"));
  }

  @Test
  void createAnswersEveryComputedMember() {
    String td = registerWeb(ecs, "web");
    Instant before = Instant.now().minusSeconds(1);

    Service s = ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0))
        .service();

    assertThat(s.serviceArn()).isEqualTo(SERVICE_ARN_PREFIX + "apps/web");
    assertThat(s.serviceName()).isEqualTo("web");
    assertThat(s.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/apps");
    assertThat(s.status()).isEqualTo("ACTIVE");
    assertThat(s.desiredCount()).isZero();
    assertThat(s.runningCount()).isZero();
    assertThat(s.pendingCount()).isZero();
    assertThat(s.launchType()).isEqualTo(LaunchType.EC2);
    assertThat(s.taskDefinition()).isEqualTo(td);
    assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(200);
    assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
    assertThat(s.deploymentConfiguration().deploymentCircuitBreaker().enable()).isFalse();
    assertThat(s.deploymentConfiguration().deploymentCircuitBreaker().rollback()).isFalse();
    assertThat(s.loadBalancers()).isEmpty();
    assertThat(s.serviceRegistries()).isEmpty();
    assertThat(s.placementConstraints()).isEmpty();
    assertThat(s.placementStrategy()).isEmpty();
    assertThat(s.events()).isEmpty();
    assertThat(s.createdAt()).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(s.createdBy()).isEqualTo("arn:aws:iam::000000000000:root");
    assertThat(s.roleArn())
        .isEqualTo("arn:aws:iam::000000000000:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
    assertThat(s.schedulingStrategy()).isEqualTo(SchedulingStrategy.REPLICA);
    assertThat(s.deploymentController().typeAsString()).isEqualTo("ECS");
    assertThat(s.healthCheckGracePeriodSeconds()).isZero();
    assertThat(s.enableECSManagedTags()).isFalse();
    assertThat(s.enableExecuteCommand()).isFalse();
    assertThat(s.propagateTagsAsString()).isEqualTo("NONE");
    assertThat(s.availabilityZoneRebalancingAsString()).isEqualTo("ENABLED");
    assertThat(s.hasTags()).isFalse();

    assertThat(s.deployments()).hasSize(1);
    Deployment d = s.deployments().get(0);
    assertThat(d.id()).matches("ecs-svc/\\d{19}");
    assertThat(d.status()).isEqualTo("PRIMARY");
    assertThat(d.taskDefinition()).isEqualTo(td);
    assertThat(d.desiredCount()).isZero();
    assertThat(d.runningCount()).isZero();
    assertThat(d.pendingCount()).isZero();
    assertThat(d.failedTasks()).isZero();
    assertThat(d.launchType()).isEqualTo(LaunchType.EC2);
    assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
    assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + d.id() + " in progress.");
    assertThat(d.createdAt()).isEqualTo(s.createdAt());
    assertThat(s.currentServiceDeployment())
        .startsWith("arn:aws:ecs:us-east-1:000000000000:service-deployment/apps/web/");
    assertThat(s.currentServiceRevisions()).singleElement().satisfies(r -> assertThat(r.arn())
        .isEqualTo("arn:aws:ecs:us-east-1:000000000000:service-revision/apps/web/" + d.id().substring(8)));
  }

  @Test
  void aServiceOfZeroTasksCompletesItsDeploymentAndReachesASteadyState() {
    registerWeb(ecs, "web");
    String id = ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0))
        .service().deployments().get(0).id();

    eventually().untilAsserted(() -> {
      Service s = describe(ecs, "apps", "web");
      assertThat(s.deployments()).singleElement().satisfies(d -> {
        assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + id + " completed.");
      });
      assertThat(s.events()).extracting(e -> e.message()).containsExactly(
          "(service web) has reached a steady state.",
          "(service web) (deployment " + id + ") deployment completed.");
      assertThat(s.events()).allSatisfy(e -> assertThat(e.id()).matches("[0-9a-f-]{36}"));
    });
  }

  @Test
  void fargateServicesShowTheirPlatformAndNetwork() {
    String td = registerFargate(ecs, "api");
    Service s = ecs.createService(b -> b.cluster("apps").serviceName("api").taskDefinition(td).desiredCount(0)
        .launchType(LaunchType.FARGATE)
        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12344321").securityGroups("sg-1")))
        .tags(t -> t.key("team").value("web"))).service();

    assertThat(s.launchType()).isEqualTo(LaunchType.FARGATE);
    assertThat(s.platformVersion()).isEqualTo("LATEST");
    assertThat(s.platformFamily()).isEqualTo("Linux");
    assertThat(s.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly("subnet-12344321");
    assertThat(s.deployments().get(0).platformVersion()).isEqualTo("1.4.0");
    assertThat(s.deployments().get(0).networkConfiguration()).isEqualTo(s.networkConfiguration());
    assertThat(s.tags()).singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("team"));
  }

  @Test
  void aCapacityProviderStrategyReplacesTheLaunchType() {
    ecs.putClusterCapacityProviders(b -> b.cluster("apps").capacityProviders("FARGATE", "FARGATE_SPOT")
        .defaultCapacityProviderStrategy(i -> i.capacityProvider("FARGATE").weight(1)));
    registerFargate(ecs, "api");
    Service s = ecs.createService(b -> b.cluster("apps").serviceName("api").taskDefinition("api").desiredCount(0)
        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1")))).service();

    assertThat(s.launchType()).isNull();
    assertThat(s.capacityProviderStrategy()).singleElement().satisfies(i -> {
      assertThat(i.capacityProvider()).isEqualTo("FARGATE");
      assertThat(i.weight()).isEqualTo(1);
      assertThat(i.base()).isZero();
    });
    assertThat(s.deployments().get(0).capacityProviderStrategy()).isEqualTo(s.capacityProviderStrategy());
    assertThat(s.platformVersion()).isEqualTo("LATEST");
  }

  @Test
  void daemonServicesDefaultToZeroAndOneHundredPercent() {
    registerWeb(ecs, "agent");
    Service s = ecs.createService(b -> b.cluster("apps").serviceName("agent").taskDefinition("agent")
        .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2)).service();

    assertThat(s.schedulingStrategy()).isEqualTo(SchedulingStrategy.DAEMON);
    assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isZero();
    assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(100);
  }

  @Test
  void creationErrorsAreAwsErrors() {
    registerWeb(ecs, "web");
    registerFargate(ecs, "api");
    assertAwsError(() -> ecs.createService(b -> b.cluster("nope").serviceName("s").taskDefinition("web").desiredCount(0)),
        ClusterNotFoundException.class, "Cluster not found.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("agent").taskDefinition("web")
            .schedulingStrategy(SchedulingStrategy.DAEMON).desiredCount(1)),
        InvalidParameterException.class, "The daemon scheduling strategy does not support a desired count for services."
            + " Remove the desired count value and try again");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("agent").taskDefinition("api")
            .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.FARGATE)
            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1")))),
        InvalidParameterException.class,
        "The DAEMON scheduling strategy is not supported for tasks using the FARGATE launch type.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("agent").taskDefinition("web")
            .schedulingStrategy(SchedulingStrategy.DAEMON).placementStrategy(p -> p.type("spread").field("instanceId"))),
        InvalidParameterException.class, "The daemon scheduling strategy does not support placement strategies."
            + " Remove the placement strategy and try again");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition("web").desiredCount(0)
            .launchType(LaunchType.EC2).capacityProviderStrategy(i -> i.capacityProvider("FARGATE").weight(1))),
        InvalidParameterException.class,
        "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition("api").desiredCount(0)
            .launchType(LaunchType.FARGATE)),
        InvalidParameterException.class, "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition("web").desiredCount(0)
            .launchType(LaunchType.FARGATE)),
        InvalidParameterException.class, "Task definition does not support launch_type FARGATE.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition("web").desiredCount(0)
            .platformVersion("1.4.0")),
        InvalidParameterException.class, "The platform version must be null when specifying an EC2 launch type.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition("web").desiredCount(0)
            .loadBalancers(l -> l.targetGroupArn("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg/1")
                .containerName("api").containerPort(8080))),
        InvalidParameterException.class, "The container api does not exist in the task definition.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition("web").desiredCount(0)
            .loadBalancers(l -> l.targetGroupArn("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg/1")
                .containerName("web").containerPort(80))),
        InvalidParameterException.class, "The container web did not have a container port 80 defined.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition("api").desiredCount(0)
            .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1")))
            .placementConstraints(c -> c.type("distinctInstance"))),
        InvalidParameterException.class, "Placement constraints are not supported with FARGATE launch type.");
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition("web").desiredCount(0)
            .deploymentController(c -> c.type("CODE_DEPLOY"))),
        UnsupportedFeatureException.class,
        "ecs-emulator runs the ECS (rolling update) and EXTERNAL deployment controllers; the CODE_DEPLOY deployment"
            + " controller is not emulated.");
    assertThat(ecs.listServices(b -> b.cluster("apps")).serviceArns()).isEmpty();
  }

  @Test
  void anInactiveTaskDefinitionIsRefused() {
    String td = registerWeb(ecs, "web");
    ecs.deregisterTaskDefinition(b -> b.taskDefinition(td));
    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("s").taskDefinition(td).desiredCount(0)),
        InvalidParameterException.class, "TaskDefinition is inactive");
  }

  @Test
  void aSecondServiceOfTheSameNameIsNotIdempotentButTheSameRequestIs() {
    registerWeb(ecs, "web");
    Service first = ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0))
        .service();
    Service again = ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0))
        .service();
    assertThat(again.serviceArn()).isEqualTo(first.serviceArn());
    assertThat(again.createdAt()).isEqualTo(first.createdAt());

    assertAwsError(() -> ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(2)),
        InvalidParameterException.class, "Creation of service was not idempotent.");
  }

  @Test
  void describeReportsMissingServicesAndTags() {
    registerWeb(ecs, "web");
    ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0)
        .tags(t -> t.key("env").value("test")));

    DescribeServicesResponse r = ecs.describeServices(b -> b.cluster("apps")
        .services("web", "ghost", SERVICE_ARN_PREFIX + "apps/other", SERVICE_ARN_PREFIX + "elsewhere/web")
        .include(ServiceField.TAGS));

    assertThat(r.services()).singleElement().satisfies(s -> {
      assertThat(s.serviceName()).isEqualTo("web");
      assertThat(s.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("test"));
    });
    // A name is reported without the cluster segment, as ECS does; an ARN comes back as it was given.
    assertThat(r.failures()).extracting(f -> f.arn() + " " + f.reason()).containsExactly(
        SERVICE_ARN_PREFIX + "ghost MISSING", SERVICE_ARN_PREFIX + "apps/other MISSING",
        SERVICE_ARN_PREFIX + "elsewhere/web MISSING");
    assertThat(ecs.describeServices(b -> b.cluster("apps").services(SERVICE_ARN_PREFIX + "apps/web")).services()
        .get(0).hasTags()).isFalse();
    assertAwsError(() -> ecs.describeServices(b -> b.cluster("apps")
            .services("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")),
        InvalidParameterException.class, "services cannot have more than 10 elements.");
    assertAwsError(() -> ecs.describeServices(b -> b.cluster("nope").services("web")),
        ClusterNotFoundException.class, "Cluster not found.");
  }

  @Test
  void listFiltersAndPages() {
    registerWeb(ecs, "web");
    registerFargate(ecs, "api");
    for (int i = 0; i < 12; i++) {
      int n = i;
      ecs.createService(b -> b.cluster("apps").serviceName(String.format("web-%02d", n)).taskDefinition("web")
          .desiredCount(0));
    }
    ecs.createService(b -> b.cluster("apps").serviceName("api").taskDefinition("api").desiredCount(0)
        .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))));
    ecs.createService(b -> b.cluster("apps").serviceName("agent").taskDefinition("web")
        .schedulingStrategy(SchedulingStrategy.DAEMON));

    ListServicesResponse first = ecs.listServices(b -> b.cluster("apps"));
    assertThat(first.serviceArns()).hasSize(10).first().isEqualTo(SERVICE_ARN_PREFIX + "apps/agent");
    List<String> all = new ArrayList<>(first.serviceArns());
    all.addAll(ecs.listServices(b -> b.cluster("apps").nextToken(first.nextToken())).serviceArns());
    assertThat(all).hasSize(14).doesNotHaveDuplicates();

    assertThat(ecs.listServices(b -> b.cluster("apps").launchType(LaunchType.FARGATE)).serviceArns())
        .containsExactly(SERVICE_ARN_PREFIX + "apps/api");
    assertThat(ecs.listServices(b -> b.cluster("apps").schedulingStrategy(SchedulingStrategy.DAEMON)).serviceArns())
        .containsExactly(SERVICE_ARN_PREFIX + "apps/agent");
    assertThat(ecs.listServices(b -> b.cluster("apps").maxResults(100)).serviceArns()).hasSize(14);
    assertAwsError(() -> ecs.listServices(b -> b.cluster("apps").maxResults(101)),
        InvalidParameterException.class, "maxResults must be between 1 and 100.");
    assertAwsError(() -> ecs.listServices(b -> b.cluster("nope")), ClusterNotFoundException.class, "Cluster not found.");
  }
}
