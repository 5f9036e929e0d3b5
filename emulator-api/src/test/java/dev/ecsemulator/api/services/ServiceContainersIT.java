package dev.ecsemulator.api.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Services on real containers of the sample images: recovery, rolling updates sampled against their
 * bounds, health-driven replacement, the circuit breaker's rollback, draining, and the AWS CLI waiter.
 */
class ServiceContainersIT {

  static final String WEB_1 = "ecs-emulator/sample-web:1";
  static final String WEB_2 = "ecs-emulator/sample-web:2";
  static final Duration LONG = Duration.ofSeconds(120);
  static final DockerEngine ENGINE = new DockerEngine(DockerEngine.resolveHost(null));

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  // ---- fixtures ------------------------------------------------------------------------------------

  /**
   * The sample app with the health check samples/README.md gives, at the minimum interval (5 s), but with a
   * timeout and retries no loaded CI machine trips: one slow probe must not make a task UNHEALTHY (the service
   * would replace it, as ECS does, and the exact bounds and counts below would no longer hold).
   */
  static ContainerDefinition web(String image) {
    return ContainerDefinition.builder()
        .name("web").image(image).memory(32)
        .portMappings(PortMapping.builder().containerPort(8080).build())
        .healthCheck(HealthCheck.builder()
            .command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
            .interval(5).timeout(5).retries(2).startPeriod(0).build())
        .build();
  }

  static String register(ContainerDefinition container) {
    return ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(container))
        .taskDefinition().taskDefinitionArn();
  }

  static Service describe() {
    return ecs.describeServices(b -> b.services("web")).services().get(0);
  }

  static boolean stable(Service s, int desired) {
    return s.deployments().size() == 1 && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())
        && s.runningCount() == desired;
  }

  static void awaitStable(int desired) {
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> stable(describe(), desired));
  }

  static List<Task> tasks(String desiredStatus) {
    List<String> arns = ecs.listTasks(b -> b.serviceName("web").desiredStatus(desiredStatus)).taskArns();
    return arns.isEmpty() ? List.of() : ecs.describeTasks(b -> b.tasks(arns)).tasks();
  }

  static HttpResponse<String> get(Task task, String path) throws IOException, InterruptedException {
    var binding = task.containers().get(0).networkBindings().stream()
        .filter(b -> b.containerPort() == 8080).findFirst().orElseThrow();
    URI uri = URI.create("http://127.0.0.1:" + binding.hostPort() + path);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static DockerClient docker() {
    return ENGINE.client();
  }

  // ---- scenarios -----------------------------------------------------------------------------------

  @Test
  void aServiceOfThreeRecoversFromAKilledContainer() {
    register(web(WEB_1));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(3));
    awaitStable(3);
    Task victim = tasks("RUNNING").get(0);

    docker().killContainerCmd(victim.containers().get(0).runtimeId()).exec();

    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      assertThat(tasks("RUNNING")).hasSize(3).noneMatch(t -> t.taskArn().equals(victim.taskArn()));
      assertThat(stable(describe(), 3)).isTrue();
    });
    Task stopped = ecs.describeTasks(b -> b.tasks(victim.taskArn())).tasks().get(0);
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
    String victimId = victim.taskArn().substring(victim.taskArn().lastIndexOf('/') + 1);
    assertThat(describe().events()).anySatisfy(e -> assertThat(e.message()).startsWith("(service web) has started 1 tasks:"))
        .noneSatisfy(e -> assertThat(e.message()).contains(victimId + ") failed"));
  }

  @Test
  void rollingUpdateAt100And200NeverBreaksEitherBound() {
    rollingUpdate(3, 100, 200);
  }

  @Test
  void rollingUpdateAt50And100NeverBreaksEitherBound() {
    rollingUpdate(2, 50, 100);
  }

  private void rollingUpdate(int desired, int min, int max) {
    register(web(WEB_1));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(desired)
        .deploymentConfiguration(c -> c.minimumHealthyPercent(min).maximumPercent(max)));
    awaitStable(desired);
    String td2 = register(web(WEB_2));
    ServiceSampler sampler = new ServiceSampler(emulator.emulator().store(), "default", "web", desired, min, max);

    Instant updatedAt = Instant.now();
    ecs.updateService(b -> b.service("web").taskDefinition("web"));
    await().atMost(LONG).pollInterval(Duration.ofMillis(20)).until(() -> {
      sampler.sample();
      var s = sampler.serviceShape();
      return s.deployments().size() == 1 && "COMPLETED".equals(s.deployments().get(0).rolloutState())
          && sampler.tasks().stream().filter(t -> !"STOPPED".equals(t.lastStatus())).count() == desired;
    });
    Instant doneAt = Instant.now();

    assertThat(sampler.violations).isEmpty();
    assertThat(sampler.maxActiveSeen).isEqualTo(desired * max / 100);
    List<Task> running = tasks("RUNNING");
    assertThat(running).hasSize(desired).allSatisfy(t -> {
      assertThat(t.taskDefinitionArn()).isEqualTo(td2);
      assertThat(t.containers().get(0).image()).isEqualTo(WEB_2);
      assertThat(t.lastStatus()).isEqualTo("RUNNING");
      assertThat(t.healthStatusAsString()).isEqualTo("HEALTHY");
    });
    assertThat(describe().deployments()).singleElement().satisfies(d -> assertThat(d.taskDefinition()).isEqualTo(td2));
    report(desired, min, max, updatedAt, doneAt, sampler);
  }

  /**
   * The rollout's time against its theoretical minimum: per wave, a launch (create and start), one
   * health-check interval until the first passing probe, and the stop of the tasks it replaces. Printed,
   * not asserted (timing depends on the machine).
   */
  private void report(int desired, int min, int max, Instant updatedAt, Instant doneAt, ServiceSampler sampler) {
    List<dev.ecsemulator.core.model.Task> all = sampler.tasks();
    var fresh = all.stream().filter(t -> t.createdAt().isAfter(updatedAt) && t.startedAt() != null).toList();
    var old = all.stream().filter(t -> !t.createdAt().isAfter(updatedAt) && t.stoppedAt() != null).toList();
    double launch = fresh.stream().mapToLong(t -> Duration.between(t.createdAt(), t.startedAt()).toMillis())
        .max().orElse(0) / 1000.0;
    double stop = old.stream().mapToLong(t -> Duration.between(t.stoppingAt(), t.stoppedAt()).toMillis())
        .max().orElse(0) / 1000.0;
    int waves = max >= 200 ? 1 : (int) Math.ceil(desired / Math.max(1.0, desired - Math.ceil(desired * min / 100.0)));
    double theoretical = waves * (launch + 5.0 + stop);
    double actual = Duration.between(updatedAt, doneAt).toMillis() / 1000.0;
    System.out.printf("rolling update %d tasks at %d/%d: %.2f s; theoretical minimum %d x (launch %.2f + health 5.00"
        + " + stop %.2f) = %.2f s; ratio %.2f; %d samples, max %d tasks, min %d healthy%n",
        desired, min, max, actual, waves, launch, stop, theoretical, actual / theoretical, sampler.samples,
        sampler.maxActiveSeen, sampler.minHealthySeen);
  }

  @Test
  void aTaskMadeUnhealthyIsReplaced() throws Exception {
    register(web(WEB_1));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(1));
    awaitStable(1);
    Task sick = tasks("RUNNING").get(0);

    assertThat(get(sick, "/control/unhealthy").statusCode()).isEqualTo(200);

    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      Task before = ecs.describeTasks(b -> b.tasks(sick.taskArn())).tasks().get(0);
      assertThat(before.desiredStatus()).isEqualTo("STOPPED");
      assertThat(before.stoppedReason()).isEqualTo("Task failed container health checks");
      assertThat(before.stopCodeAsString()).isEqualTo("ServiceSchedulerInitiated");
      assertThat(stable(describe(), 1)).isTrue();
      assertThat(tasks("RUNNING")).singleElement().satisfies(t -> {
        assertThat(t.taskArn()).isNotEqualTo(sick.taskArn());
        assertThat(t.healthStatusAsString()).isEqualTo("HEALTHY");
      });
    });
    String sickId = sick.taskArn().substring(sick.taskArn().lastIndexOf('/') + 1);
    assertThat(describe().events()).extracting(e -> e.message())
        .contains("(service web) (task " + sickId + ") failed container health checks.");
  }

  @Test
  void aDeploymentWhoseContainersExitTripsTheCircuitBreakerAndRollsBack() throws Exception {
    String td1 = register(web(WEB_1));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(2)
        .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
    awaitStable(2);
    var completed = describe().deployments().get(0);
    String first = completed.id();
    List<String> healthy = tasks("RUNNING").stream().map(Task::taskArn).toList();
    register(web(WEB_2).toBuilder().command("sh", "-c", "exit 1").build());
    Service updated = ecs.updateService(b -> b.service("web").taskDefinition("web")).service();
    String failing = updated.deployments().get(0).id();

    // During the rollback: the completed deployment is PRIMARY again, under its own ID.
    await().atMost(LONG).pollInterval(Duration.ofMillis(100)).until(() -> describe().deployments().get(0).id().equals(first));
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> {
      Service s = describe();
      return stable(s, 2) && s.deployments().get(0).id().equals(first) && td1.equals(s.taskDefinition());
    });

    Service s = describe();
    assertThat(s.deployments().get(0).rolloutStateReason()).isEqualTo("ECS deployment " + first + " completed.");
    assertThat(s.deployments().get(0).createdAt()).isEqualTo(completed.createdAt());
    assertThat(tasks("RUNNING")).extracting(Task::taskArn).as("its healthy tasks were kept")
        .containsExactlyInAnyOrderElementsOf(healthy);
    List<String> events = new java.util.ArrayList<>(s.events().stream().map(e -> e.message()).toList());
    java.util.Collections.reverse(events); // oldest first
    assertThat(events).containsSubsequence(
        "(service web) (deployment " + failing + ") deployment failed: tasks failed to start.",
        "(service web) rolling back to deployment " + first + ".",
        "(service web) (deployment " + first + ") deployment completed.");
    CliResult cli = cli("ecs", "describe-services", "--services", "web", "--query", "services[0].events[].message",
        "--output", "text");
    assertThat(cli.output).contains("(service web) rolling back to deployment " + first + ".",
        "(service web) (deployment " + failing + ") deployment failed: tasks failed to start.");
    assertThat(ecs.listServiceDeployments(b -> b.service("web")).serviceDeployments())
        .extracting(sd -> sd.statusAsString())
        .containsExactly("ROLLBACK_SUCCESSFUL", "SUCCESSFUL");
    var history = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(updated.currentServiceDeployment()))
        .serviceDeployments().get(0);
    assertThat(history.rollback().serviceRevisionArn()).endsWith("service-revision/default/web/" + first.substring("ecs-svc/".length()));
    assertThat(history.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
    assertThat(history.statusReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
    assertThat(history.rollback().reason())
        .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + first + ".");
    assertThat(history.deploymentCircuitBreaker().failureCount()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void deleteServiceForceDrainsAndTheCliWaitersReturn() throws Exception {
    register(web(WEB_1).toBuilder().healthCheck((HealthCheck) null).build());
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(2));

    // services-stable polls every 15 s: one short run, started while the tasks are still starting.
    CliResult stableWait = cli("ecs", "wait", "services-stable", "--services", "web");
    assertThat(stableWait.exitCode).as(stableWait.output).isZero();
    assertThat(describe().runningCount()).isEqualTo(2);

    Service deleted = ecs.deleteService(b -> b.service("web").force(true)).service();
    assertThat(deleted.status()).isEqualTo("DRAINING");
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> "INACTIVE".equals(describe().status()));
    CliResult inactiveWait = cli("ecs", "wait", "services-inactive", "--services", "web");
    assertThat(inactiveWait.exitCode).as(inactiveWait.output).isZero();

    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(tasks("STOPPED")).hasSize(2).allSatisfy(t -> {
          assertThat(t.lastStatus()).isEqualTo("STOPPED");
          assertThat(t.stopCodeAsString()).isEqualTo("ServiceSchedulerInitiated");
          assertThat(t.stoppedReason()).startsWith("Scaling activity initiated by (deployment ecs-svc/");
        }));
    assertThat(ecs.listServices(b -> b.cluster("default")).serviceArns()).isEmpty();
  }

  private record CliResult(int exitCode, String output) {}

  /** AWS CLI v1 (on the PATH) against the emulator. */
  private static CliResult cli(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("aws", "--endpoint-url", emulator.url()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("AWS_ACCESS_KEY_ID", "test");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
    pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes());
    return new CliResult(process.waitFor(), output);
  }
}
