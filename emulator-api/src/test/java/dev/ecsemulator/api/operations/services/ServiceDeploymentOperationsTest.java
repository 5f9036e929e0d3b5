package dev.ecsemulator.api.operations.services;

import static dev.ecsemulator.api.operations.services.ServiceFixtures.describe;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.eventually;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.registerWeb;
import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;

/** ListServiceDeployments, DescribeServiceDeployments and DescribeServiceRevisions through the AWS SDK v2. */
class ServiceDeploymentOperationsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @Test
  void eachDeploymentIsRecordedWithItsRevisionAndOutcome() {
    ecs.createCluster(b -> b.clusterName("apps"));
    String td1 = registerWeb(ecs, "web");
    String first = ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0))
        .service().deployments().get(0).id();
    eventually().untilAsserted(() -> assertThat(describe(ecs, "apps", "web").deployments().get(0).rolloutStateAsString())
        .isEqualTo("COMPLETED"));
    String td2 = registerWeb(ecs, "web");
    String second = ecs.updateService(b -> b.cluster("apps").service("web").taskDefinition("web")).service()
        .deployments().get(0).id();
    eventually().untilAsserted(() -> assertThat(describe(ecs, "apps", "web").deployments())
        .singleElement().satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED")));

    List<ServiceDeploymentBrief> briefs =
        ecs.listServiceDeployments(b -> b.cluster("apps").service("web")).serviceDeployments();
    assertThat(briefs).hasSize(2);
    assertThat(briefs).allSatisfy(b -> {
      assertThat(b.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
      assertThat(b.serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/apps/web");
      assertThat(b.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/apps");
      assertThat(b.serviceDeploymentArn())
          .matches("arn:aws:ecs:us-east-1:000000000000:service-deployment/apps/web/[A-Za-z0-9_-]{22}");
      assertThat(b.startedAt()).isNotNull();
      assertThat(b.finishedAt()).isNotNull();
    });
    String revisionPrefix = "arn:aws:ecs:us-east-1:000000000000:service-revision/apps/web/";
    assertThat(briefs).extracting(ServiceDeploymentBrief::targetServiceRevisionArn)
        .containsExactly(revisionPrefix + second.substring(8), revisionPrefix + first.substring(8));
    assertThat(describe(ecs, "apps", "web").currentServiceDeployment()).isEqualTo(briefs.get(0).serviceDeploymentArn());

    List<ServiceDeployment> full = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(
        briefs.get(0).serviceDeploymentArn(), "arn:aws:ecs:us-east-1:000000000000:service-deployment/apps/web/x"))
        .serviceDeployments();
    assertThat(full).singleElement().satisfies(sd -> {
      assertThat(sd.sourceServiceRevisions()).extracting(r -> r.arn()).containsExactly(revisionPrefix + first.substring(8));
      assertThat(sd.targetServiceRevision().requestedTaskCount()).isZero();
      assertThat(sd.deploymentConfiguration().maximumPercent()).isEqualTo(200);
      assertThat(sd.deploymentCircuitBreaker().statusAsString()).isEqualTo("DISABLED");
      assertThat(sd.deploymentCircuitBreaker().threshold()).isEqualTo(3);
    });
    assertThat(ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(
        "arn:aws:ecs:us-east-1:000000000000:service-deployment/apps/web/x")).failures())
        .singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));

    List<ServiceRevision> revisions = ecs.describeServiceRevisions(b -> b.serviceRevisionArns(
        revisionPrefix + first.substring(8), revisionPrefix + second.substring(8))).serviceRevisions();
    assertThat(revisions).extracting(ServiceRevision::taskDefinition).containsExactly(td1, td2);
    assertThat(revisions.get(0).containerImages()).singleElement().satisfies(i -> {
      assertThat(i.containerName()).isEqualTo("web");
      assertThat(i.image()).isEqualTo("ecs-emulator/sample-web:1");
    });
    assertThat(revisions.get(0).launchTypeAsString()).isEqualTo("EC2");

    assertThat(ecs.listServiceDeployments(b -> b.cluster("apps").service("web").maxResults(1)).serviceDeployments())
        .extracting(ServiceDeploymentBrief::serviceDeploymentArn).containsExactly(briefs.get(0).serviceDeploymentArn());
    assertThat(ecs.listServiceDeployments(b -> b.cluster("apps").service("web")
        .status(ServiceDeploymentStatus.IN_PROGRESS)).serviceDeployments()).isEmpty();
  }

  @Test
  void anUnfinishedDeploymentReplacedByANewOneIsStopped() {
    ecs.createCluster(b -> b.clusterName("apps"));
    registerWeb(ecs, "web");
    // Two tasks without health checks count as healthy only 40 s after RUNNING: the first deployment is unfinished.
    ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(2));
    ecs.updateService(b -> b.cluster("apps").service("web").forceNewDeployment(true));

    List<ServiceDeploymentBrief> briefs =
        ecs.listServiceDeployments(b -> b.cluster("apps").service("web")).serviceDeployments();
    assertThat(briefs.get(0).status()).isIn(ServiceDeploymentStatus.PENDING, ServiceDeploymentStatus.IN_PROGRESS);
    assertThat(briefs.get(1).status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
    assertThat(briefs.get(1).statusReason())
        .isEqualTo("The service deployment was stopped because a new service deployment started.");
  }

  @Test
  void errorsAreAwsErrors() {
    assertAwsError(() -> ecs.listServiceDeployments(b -> b.cluster("nope").service("web")),
        ClusterNotFoundException.class, "Cluster not found.");
    ecs.createCluster(b -> b.clusterName("apps"));
    assertAwsError(() -> ecs.listServiceDeployments(b -> b.cluster("apps").service("web")),
        ServiceNotFoundException.class, "Service not found.");
  }
}
