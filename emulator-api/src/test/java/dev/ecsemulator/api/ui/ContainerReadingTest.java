package dev.ecsemulator.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Docker's stats read as {@code docker stats} reads them, and CPU worked out between two readings. */
class ContainerReadingTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode stats(long cpu, long system, String memoryStats) throws Exception {
    return JSON.readTree("{\"read\":\"2026-12-07T13:19:28.95Z\",\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":" + cpu
        + ",\"percpu_usage\":[1,2]},\"system_cpu_usage\":" + system + ",\"online_cpus\":2},\"memory_stats\":"
        + memoryStats + "}");
  }

  @Test
  void memoryLeavesOutInactivePageCacheOnCgroupV1AndV2() throws Exception {
    ContainerReading v1 = ContainerReading.parse(stats(10, 100,
        "{\"usage\":10000,\"limit\":67108864,\"stats\":{\"total_inactive_file\":4000,\"inactive_file\":1}}")).orElseThrow();
    assertThat(v1.memoryBytes()).isEqualTo(6000);
    assertThat(v1.memoryLimitBytes()).isEqualTo(67108864);
    ContainerReading v2 = ContainerReading.parse(stats(10, 100,
        "{\"usage\":10000,\"limit\":5,\"stats\":{\"inactive_file\":3000}}")).orElseThrow();
    assertThat(v2.memoryBytes()).isEqualTo(7000);
    assertThat(v2.onlineCpus()).isEqualTo(2);
  }

  @Test
  void aContainerThatDoesNotRunHasNoReading() throws Exception {
    JsonNode zero = JSON.readTree("{\"read\":\"0001-01-01T00:00:00Z\",\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},"
        + "\"memory_stats\":{}}");
    assertThat(ContainerReading.parse(zero)).isEmpty();
    assertThat(ContainerReading.parse(JSON.readTree("{}"))).isEmpty();
  }

  @Test
  void cpuIsPercentOfOneCpuAsDockerStatsComputesIt() {
    ContainerReading before = new ContainerReading(1_000_000_000L, 100_000_000_000L, 2, 0, 0);
    // Half a CPU-second used while the host (2 CPUs) used 2 CPU-seconds: 25 % of the host, 50 % of one CPU.
    ContainerReading after = new ContainerReading(1_500_000_000L, 102_000_000_000L, 2, 0, 0);
    assertThat(after.cpuPercentSince(before)).isCloseTo(50.0, within(1e-9));
    assertThat(before.cpuPercentSince(after)).isNull();
    assertThat(after.cpuPercentSince(after)).isNull();
  }

  @Test
  void theSamplerGivesCpuFromTheSecondReadingAndForgetsContainersNoLongerAskedFor() {
    Map<String, ContainerReading> next = new HashMap<>();
    StatsSource source = (Collection<String> ids) -> {
      Map<String, ContainerReading> answer = new HashMap<>(next);
      answer.keySet().retainAll(ids);
      return answer;
    };
    StatsSampler sampler = new StatsSampler(source);
    next.put("a", new ContainerReading(0, 0, 1, 100, 1000));
    assertThat(sampler.sample(List.of("a")).get("a").cpuPercent()).isNull();
    next.put("a", new ContainerReading(500, 1000, 1, 200, 1000));
    ContainerUsage second = sampler.sample(List.of("a")).get("a");
    assertThat(second.cpuPercent()).isCloseTo(50.0, within(1e-9));
    assertThat(second.memoryBytes()).isEqualTo(200);
    sampler.sample(List.of());
    assertThat(sampler.sample(List.of("a")).get("a").cpuPercent()).as("forgotten, so a first reading again").isNull();
  }
}
