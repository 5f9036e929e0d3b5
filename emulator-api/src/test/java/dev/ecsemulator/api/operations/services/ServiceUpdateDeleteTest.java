package dev.ecsemulator.api.operations.services;

import static dev.ecsemulator.api.operations.services.ServiceFixtures.describe;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.eventually;
import static dev.ecsemulator.api.operations.services.ServiceFixtures.registerWeb;
import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;

/** UpdateService and DeleteService through the real AWS SDK v2 (services of 0 tasks: no containers needed). */
class ServiceUpdateDeleteTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void service() {
    ecs.createCluster(b -> b.clusterName("apps"));
    registerWeb(ecs, "web");
    ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0));
  }

  @Test
  void aDesiredCountChangeAloneStartsNoDeployment() {
    String id = describe(ecs, "apps", "web").deployments().get(0).id();
    Service s = ecs.updateService(b -> b.cluster("apps").service("web").desiredCount(0)
        .healthCheckGracePeriodSeconds(30)
        .deploymentConfiguration(c -> c.minimumHealthyPercent(50).maximumPercent(100))).service();

    assertThat(s.deployments()).extracting(Deployment::id).containsExactly(id);
    assertThat(s.healthCheckGracePeriodSeconds()).isEqualTo(30);
    assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(50);
    assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(100);
    assertThat(s.deploymentConfiguration().deploymentCircuitBreaker().enable()).isFalse();
  }

  @Test
  void aNewTaskDefinitionStartsANewPrimaryDeployment() {
    String old = describe(ecs, "apps", "web").deployments().get(0).id();
    String td2 = registerWeb(ecs, "web");

    Service s = ecs.updateService(b -> b.cluster("apps").service("web").taskDefinition("web")).service();

    assertThat(s.taskDefinition()).isEqualTo(td2);
    assertThat(s.deployments()).hasSize(2);
    Deployment primary = s.deployments().get(0);
    assertThat(primary.id()).matches("ecs-svc/\\d{19}").isNotEqualTo(old);
    assertThat(primary.status()).isEqualTo("PRIMARY");
    assertThat(primary.taskDefinition()).isEqualTo(td2);
    assertThat(primary.desiredCount()).isZero();
    assertThat(primary.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
    assertThat(primary.rolloutStateReason()).isEqualTo("ECS deployment " + primary.id() + " in progress.");
    assertThat(s.deployments().get(1).id()).isEqualTo(old);
    assertThat(s.deployments().get(1).status()).isEqualTo("ACTIVE");

    // With no tasks to replace, the old deployment drains at once and the new one completes.
    eventually().untilAsserted(() -> assertThat(describe(ecs, "apps", "web").deployments())
        .singleElement().satisfies(d -> {
          assertThat(d.id()).isEqualTo(primary.id());
          assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        }));
  }

  @Test
  void forceNewDeploymentStartsOneWithNoChange() {
    String old = describe(ecs, "apps", "web").deployments().get(0).id();
    Service s = ecs.updateService(b -> b.cluster("apps").service("web").forceNewDeployment(true)).service();
    assertThat(s.deployments()).extracting(Deployment::id).hasSize(2).contains(old);
    Service same = ecs.updateService(b -> b.cluster("apps").service("web").taskDefinition("web:1")).service();
    assertThat(same.deployments().get(0).id()).isEqualTo(s.deployments().get(0).id());
  }

  @Test
  void updateErrorsAreAwsErrors() {
    assertAwsError(() -> ecs.updateService(b -> b.cluster("apps").service("ghost").desiredCount(1)),
        ServiceNotFoundException.class, "Service not found.");
    ecs.createService(b -> b.cluster("apps").serviceName("agent").taskDefinition("web")
        .schedulingStrategy(SchedulingStrategy.DAEMON));
    assertAwsError(() -> ecs.updateService(b -> b.cluster("apps").service("agent").desiredCount(2)),
        InvalidParameterException.class, "The daemon scheduling strategy does not support a desired count for services."
            + " Remove the desired count value and try again");
    ecs.deleteService(b -> b.cluster("apps").service("web"));
    assertAwsError(() -> ecs.updateService(b -> b.cluster("apps").service("web").desiredCount(1)),
        ServiceNotActiveException.class, "Service was not ACTIVE.");
  }

  @Test
  void deleteNeedsForceAboveZeroThenDrainsToInactive() {
    ecs.updateService(b -> b.cluster("apps").service("web").desiredCount(2));
    assertAwsError(() -> ecs.deleteService(b -> b.cluster("apps").service("web")),
        InvalidParameterException.class, "The service cannot be stopped while it is scaled above 0.");
    assertAwsError(() -> ecs.deleteCluster(b -> b.cluster("apps")),
        ClusterContainsServicesException.class, "The Cluster cannot be deleted while Services are active.");

    Service deleted = ecs.deleteService(b -> b.cluster("apps").service("web").force(true)).service();

    assertThat(deleted.status()).isEqualTo("DRAINING");
    assertThat(deleted.desiredCount()).isZero();
    assertThat(ecs.listServices(b -> b.cluster("apps")).serviceArns()).isEmpty();
    eventually().untilAsserted(() -> assertThat(describe(ecs, "apps", "web").status()).isEqualTo("INACTIVE"));
    // Still describable, deleting again answers it as it is, and the name is free again.
    assertThat(ecs.deleteService(b -> b.cluster("apps").service("web")).service().status()).isEqualTo("INACTIVE");
    Service again = ecs.createService(b -> b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0))
        .service();
    assertThat(again.status()).isEqualTo("ACTIVE");
    assertThat(again.events()).isEmpty();
  }

  @Test
  void aDaemonServiceIsDeletedWithoutForce() {
    ecs.createService(b -> b.cluster("apps").serviceName("agent").taskDefinition("web")
        .schedulingStrategy(SchedulingStrategy.DAEMON));
    assertThat(ecs.deleteService(b -> b.cluster("apps").service("agent")).service().status()).isEqualTo("DRAINING");
  }
}
