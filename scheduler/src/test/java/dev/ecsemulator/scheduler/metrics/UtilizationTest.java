package dev.ecsemulator.scheduler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.cloudwatch.MetricWrites.Sample;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.scheduler.metrics.Utilization.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ECS's utilization: used over reserved, per service and per cluster; reservations; Docker's stats read. */
class UtilizationTest {

  static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

  static Map<String, Double> values(List<Sample> samples) {
    return samples.stream().collect(Collectors.toMap(
        s -> s.metric().metricName() + " " + s.metric().dimensions().stream().map(d -> d.name() + "=" + d.value())
            .collect(Collectors.joining(",")), s -> s.data().sum()));
  }

  @Test
  void usedOverReservedPerServiceAndCluster() {
    List<Reading> readings = List.of(
        new Reading("prod", "web", 256, 512, 128.0, 128),   // 50 % CPU, 25 % memory
        new Reading("prod", "web", 256, 512, 256.0, 256),   // 100 %, 50 %
        new Reading("prod", null, 1024, 1024, 0.0, 512));   // a standalone task counts for the cluster only

    Map<String, Double> values = values(Utilization.samples(readings, AT, 60));

    assertThat(values).containsEntry("CPUUtilization ClusterName=prod,ServiceName=web", 75.0)
        .containsEntry("MemoryUtilization ClusterName=prod,ServiceName=web", 37.5)
        .containsEntry("CPUUtilization ClusterName=prod", 100.0 * 384 / 1536)
        .containsEntry("MemoryUtilization ClusterName=prod", 100.0 * 896 / 2048)
        .hasSize(4);
  }

  @Test
  void noCpuReadingYetOrNothingReservedMeansNoCpuDatapoint() {
    List<Sample> samples = Utilization.samples(List.of(new Reading("prod", "web", 256, 512, null, 64),
        new Reading("dev", "api", 0, 512, 100.0, 64)), AT, 1);
    assertThat(values(samples).keySet()).allMatch(name -> name.startsWith("MemoryUtilization"));
    assertThat(samples).allSatisfy(s -> {
      assertThat(s.resolution()).isEqualTo(1);
      assertThat(s.unit()).isEqualTo("Percent");
      assertThat(s.timestamp()).isEqualTo(AT);
    });
  }

  @Test
  void reservationsAreTaskLevelElseTheContainers() {
    Task taskLevel = Task.builder().cpu("512").memory("1 GB").build();
    Task none = Task.builder().build();
    List<ContainerDefinition> containers = List.of(
        ContainerDefinition.builder().cpu(128).memory(256).build(),
        ContainerDefinition.builder().cpu(64).memory(512).memoryReservation(128).build());

    assertThat(Reservations.cpu(taskLevel, containers)).isEqualTo(512);
    assertThat(Reservations.memory(taskLevel, containers)).isEqualTo(1024);
    assertThat(Reservations.cpu(none, containers)).isEqualTo(192);
    assertThat(Reservations.memory(none, containers)).isEqualTo(384);
    assertThat(Reservations.cpu(Task.builder().cpu("0.5 vCPU").build(), List.of())).isEqualTo(512);
  }

  @Test
  void dockerStatsLessPageCache() throws Exception {
    String v1 = "{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":5000}},\"memory_stats\":{\"usage\":1000,"
        + "\"stats\":{\"cache\":300}}}";
    String v2 = "{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":7}},\"memory_stats\":{\"usage\":1000,"
        + "\"stats\":{\"inactive_file\":100}}}";
    ObjectMapper json = new ObjectMapper();
    assertThat(DockerContainerStats.parse(json.readTree(v1), 9)).hasValue(new ContainerStats.Sample(5000, 700, 9));
    assertThat(DockerContainerStats.parse(json.readTree(v2), 9)).hasValue(new ContainerStats.Sample(7, 900, 9));
    assertThat(DockerContainerStats.parse(json.readTree("{\"memory_stats\":{}}"), 9)).isEmpty();
  }
}
