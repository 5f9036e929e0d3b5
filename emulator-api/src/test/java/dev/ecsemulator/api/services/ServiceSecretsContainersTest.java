package dev.ecsemulator.api.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/** Services whose tasks need secrets, on real containers: a missing secret trips the circuit breaker. */
class ServiceSecretsContainersTest {

  static final Duration LONG = Duration.ofSeconds(90);

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  static Service describe(String service) {
    return ecs.describeServices(b -> b.services(service)).services().get(0);
  }

  @Test
  void tasksWhoseSecretIsMissingFailToLaunchUntilTheCircuitBreakerFailsTheDeployment() {
    String missing = "arn:aws:secretsmanager:us-east-1:000000000000:secret:web/missing-AbCdEf";
    ecs.registerTaskDefinition(b -> b.family("web").executionRoleArn("arn:aws:iam::000000000000:role/exec")
        .containerDefinitions(ContainerDefinition.builder().name("web").image(ServiceContainersTest.WEB_1).memory(32)
            .secrets(s -> s.name("DB_PASSWORD").valueFrom(missing)).build()));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(1)
        .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false))));

    await().atMost(LONG).pollInterval(Duration.ofMillis(200))
        .until(() -> "FAILED".equals(describe("web").deployments().get(0).rolloutStateAsString()));

    Deployment deployment = describe("web").deployments().get(0);
    assertThat(deployment.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
    assertThat(deployment.failedTasks()).isGreaterThanOrEqualTo(3);
    assertThat(deployment.runningCount()).isZero();
    List<String> stopped = ecs.listTasks(b -> b.serviceName("web").desiredStatus("STOPPED")).taskArns();
    assertThat(ecs.describeTasks(b -> b.tasks(stopped)).tasks()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(t -> {
      assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
      assertThat(t.stoppedReason()).startsWith("ResourceInitializationError: unable to pull secrets or registry auth:")
          .contains("failed to fetch secret " + missing + " from secrets manager: ResourceNotFoundException");
    });
  }
}
