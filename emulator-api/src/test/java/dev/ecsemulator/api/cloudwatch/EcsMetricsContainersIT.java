package dev.ecsemulator.api.cloudwatch;

import org.junit.jupiter.api.parallel.Isolated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * AWS/ECS CPUUtilization and MemoryUtilization published from real containers: a service's task (the sample app,
 * 256 CPU units reserved) burns a core for a while, and its service's CPU utilization, used over reserved, goes well
 * above half of its reservation, read back through the SDK's CloudWatch client. The metrics period is 5 s here.
 */
// Alone: it reads the tasks' real CPU and memory use, which another class's containers would skew.
@Isolated
class EcsMetricsContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(config -> config.withMetricsPeriod(Duration.ofSeconds(5)));
  static final TestEmulator emulator = EMULATOR.emulator();
  static final CloudWatchClient cw = emulator.sdk(CloudWatchClient.builder());
  static final EcsClient ecs = emulator.client();
  static final List<Dimension> SERVICE = List.of(Dimension.builder().name("ClusterName").value("metrics").build(),
      Dimension.builder().name("ServiceName").value("burner").build());

  @AfterAll
  static void closeClient() {
    cw.close();
  }

  @Test
  void aBurningTaskShowsInItsServicesCpuUtilization() throws Exception {
    ecs.createCluster(b -> b.clusterName("metrics"));
    ecs.registerTaskDefinition(b -> b.family("burner").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:1").memory(64).cpu(256).portMappings(p -> p.containerPort(8080))));
    ecs.createService(b -> b.cluster("metrics").serviceName("burner").taskDefinition("burner").desiredCount(1));
    Task task = await().atMost(Duration.ofSeconds(90)).until(() -> running(), t -> t != null);
    int port = task.containers().get(0).networkBindings().get(0).hostPort();

    HttpResponse<String> burn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/control/burn?seconds=40&workers=1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(burn.statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(points("CPUUtilization")).anySatisfy(p -> assertThat(p.maximum()).isGreaterThan(50.0)));
    assertThat(points("MemoryUtilization")).allSatisfy(p -> {
      assertThat(p.maximum()).isGreaterThan(0.0).isLessThan(100.0);
      assertThat(p.unitAsString()).isEqualTo("Percent");
    });
    // Per cluster, and per cluster and service.
    assertThat(cw.listMetrics(b -> b.namespace("AWS/ECS")).metrics())
        .extracting(m -> m.metricName() + "/" + m.dimensions().size())
        .contains("CPUUtilization/1", "CPUUtilization/2", "MemoryUtilization/1", "MemoryUtilization/2");
  }

  static Task running() {
    List<String> arns = ecs.listTasks(b -> b.cluster("metrics")).taskArns();
    if (arns.isEmpty()) {
      return null;
    }
    Task task = ecs.describeTasks(b -> b.cluster("metrics").tasks(arns)).tasks().get(0);
    return "RUNNING".equals(task.lastStatus()) ? task : null;
  }

  static List<Datapoint> points(String metric) {
    Instant now = Instant.now();
    return cw.getMetricStatistics(b -> b.namespace("AWS/ECS").metricName(metric).dimensions(SERVICE).period(5)
        .startTime(now.minusSeconds(180)).endTime(now).statistics(Statistic.MAXIMUM)).datapoints();
  }
}
