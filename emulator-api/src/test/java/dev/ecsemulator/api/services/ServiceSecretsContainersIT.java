package dev.ecsemulator.api.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.Samples;
import dev.ecsemulator.api.support.TestEmulator;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Services whose tasks need secrets, on real containers: the production Fargate sample
 * (docs/task-definitions-and-tasks.md) runs as a service of three with its secret and parameter in their
 * containers' environment; a missing secret trips the circuit breaker.
 */
class ServiceSecretsContainersIT {

  static final Duration LONG = Duration.ofSeconds(90);

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  static com.github.dockerjava.api.DockerClient docker() {
    return ServiceContainersIT.docker();
  }

  static Service describe(String service) {
    return ecs.describeServices(b -> b.services(service)).services().get(0);
  }

  @Test
  void theReadmesProductionSampleRunsAsAServiceOfThreeWithItsSecrets() throws Exception {
    try (SecretsManagerClient secrets = emulator.sdk(SecretsManagerClient.builder());
        SsmClient ssm = emulator.sdk(SsmClient.builder())) {
      secrets.createSecret(b -> b.name("web-production/db-password").secretString("db-pass-41c7"));
      ssm.putParameter(b -> b.name("/web-production/api-key").type(ParameterType.SECURE_STRING).value("api-key-0b9e"));
    }
    // The sample is a RegisterTaskDefinition body, as the CLI's --cli-input-json reads it.
    var registered = emulator.post("RegisterTaskDefinition", Files.readString(Samples.find(Samples.PRODUCTION_FARGATE)));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

    ecs.createService(b -> b.serviceName("web-production").taskDefinition("web-production").desiredCount(3)
        .launchType(LaunchType.FARGATE)
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
        .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));

    await().atMost(LONG).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      Service s = describe("web-production");
      assertThat(s.deployments().size() == 1 && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())
          && s.runningCount() == 3).as("steady state; events: %s", s.events()).isTrue();
    });
    List<String> running = ecs.listTasks(b -> b.serviceName("web-production").desiredStatus("RUNNING")).taskArns();
    List<Task> tasks = ecs.describeTasks(b -> b.tasks(running)).tasks();
    assertThat(tasks).hasSize(3).allSatisfy(t -> {
      assertThat(t.healthStatusAsString()).isEqualTo("HEALTHY");
      List<String> env = List.of(docker().inspectContainerCmd(t.containers().get(0).runtimeId()).exec()
          .getConfig().getEnv());
      assertThat(env).contains("DATABASE_PASSWORD=db-pass-41c7", "API_KEY=api-key-0b9e", "APP_ENV=production");
    });
  }

  @Test
  void tasksWhoseSecretIsMissingFailToLaunchUntilTheCircuitBreakerFailsTheDeployment() {
    String missing = "arn:aws:secretsmanager:us-east-1:000000000000:secret:web/missing-AbCdEf";
    ecs.registerTaskDefinition(b -> b.family("web").executionRoleArn("arn:aws:iam::000000000000:role/exec")
        .containerDefinitions(ContainerDefinition.builder().name("web").image(ServiceContainersIT.WEB_1).memory(32)
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
