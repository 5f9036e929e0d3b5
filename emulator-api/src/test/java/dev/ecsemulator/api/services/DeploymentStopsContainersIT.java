package dev.ecsemulator.api.services;

import static dev.ecsemulator.api.services.ServiceContainersIT.WEB_1;
import static dev.ecsemulator.api.services.ServiceContainersIT.WEB_2;
import static dev.ecsemulator.api.services.ServiceContainersIT.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Which tasks a deployment stops, and how the service's events word it, on real containers (issue 16
 * items 3 and 4): old tasks RUNNING but not yet healthy outlive a new revision that fails, and a task
 * stopped before it reached RUNNING is reported as a pending one.
 */
class DeploymentStopsContainersIT {

  static final Duration LONG = Duration.ofSeconds(90);

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  @Test
  void oldTasksNotYetHealthyOutliveANewRevisionThatFailsWithNothingToRollBackTo() {
    // Without health checks a task counts as healthy 40 s after RUNNING: the update comes before that.
    register(web(WEB_1).toBuilder().healthCheck((HealthCheck) null).build());
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(2)
        .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
    await().atMost(LONG).pollInterval(Duration.ofMillis(100)).until(() ->
        tasks().stream().filter(t -> "RUNNING".equals(t.lastStatus())).count() == 2);
    List<String> old = tasks().stream().map(Task::taskArn).toList();
    register(web(WEB_2).toBuilder().healthCheck((HealthCheck) null).command("sh", "-c", "exit 1").build());
    ecs.updateService(b -> b.service("web").taskDefinition("web"));

    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() ->
        "FAILED".equals(describe().deployments().get(0).rolloutStateAsString()));

    Service s = describe();
    assertThat(s.deployments()).hasSize(2); // no COMPLETED deployment to roll back to
    assertThat(ecs.describeTasks(b -> b.tasks(old)).tasks()).hasSize(2).allSatisfy(t -> {
      assertThat(t.desiredStatus()).isEqualTo("RUNNING");
      assertThat(t.lastStatus()).isEqualTo("RUNNING");
    });
    assertThat(messages(s)).noneMatch(m -> m.contains("has stopped") && old.stream().anyMatch(a -> m.contains(id(a))));
  }

  @Test
  void aTaskStoppedBeforeItRanIsReportedAsAPendingTask() {
    // The essential container waits for a sidecar that never turns HEALTHY: the task stays PENDING.
    ContainerDefinition gate = web(WEB_1).toBuilder().name("gate").essential(false).portMappings(List.of())
        .healthCheck(HealthCheck.builder().command("CMD-SHELL", "exit 1").interval(5).retries(10).startPeriod(300).build())
        .build();
    ContainerDefinition app = web(WEB_1).toBuilder().portMappings(List.of()).healthCheck((HealthCheck) null)
        .dependsOn(d -> d.containerName("gate").condition(ContainerCondition.HEALTHY))
        .build();
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(gate, app));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(1));
    await().atMost(LONG).pollInterval(Duration.ofMillis(100)).until(() ->
        tasks().size() == 1 && tasks().get(0).containers().stream()
            .anyMatch(c -> "gate".equals(c.name()) && "RUNNING".equals(c.lastStatus())));
    assertThat(tasks().get(0).lastStatus()).isEqualTo("PENDING");

    ecs.updateService(b -> b.service("web").desiredCount(0));

    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() ->
        messages(describe()).contains("(service web) stopped 1 pending tasks."));
    assertThat(messages(describe())).noneMatch(m -> m.contains("has stopped"));
  }

  // ---- helpers -------------------------------------------------------------------------------------

  static void register(ContainerDefinition container) {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(container));
  }

  static Service describe() {
    return ecs.describeServices(b -> b.services("web")).services().get(0);
  }

  static List<Task> tasks() {
    List<String> arns = ecs.listTasks(b -> b.serviceName("web")).taskArns();
    return arns.isEmpty() ? List.of() : ecs.describeTasks(b -> b.tasks(arns)).tasks();
  }

  static List<String> messages(Service s) {
    return s.events().stream().map(ServiceEvent::message).toList();
  }

  static String id(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
