package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.scheduler.runtime.ResourceMapping.Enforcement;
import dev.ecsemulator.scheduler.runtime.ResourceMapping.TaskLimits;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent's CPU and memory arithmetic, table by table. */
class ResourceMappingTest {

  @ParameterizedTest(name = "cpu {0} -> CpuShares {1}")
  @CsvSource(nullValues = "null", value = {
      "null, 2", "0, 2", "1, 2", "2, 2", "128, 128", "1024, 1024", "262144, 262144", "262145, 262144",
      "1000000, 262144"})
  void cpuBecomesSharesWithTheAgentsBounds(Integer cpu, int shares) {
    assertThat(ResourceMapping.cpuShares(cpu)).isEqualTo(shares);
  }

  @ParameterizedTest(name = "memory {0} MiB -> {1} bytes")
  @CsvSource(nullValues = "null", value = {
      "null, null", "0, null", "1, 4194304", "3, 4194304", "4, 4194304", "5, 5242880", "512, 536870912"})
  void memoryIsMebibytesWithAFourMebibyteFloor(Integer mib, Long bytes) {
    assertThat(ResourceMapping.memoryBytes(mib)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "task cpu {0} -> quota {1} per 100000")
  @CsvSource({"128, 12500", "256, 25000", "1024, 100000", "2048, 200000", "4096, 400000", "16384, 1600000"})
  void taskCpuIsACfsQuotaOverAHundredMilliseconds(int units, long quota) {
    assertThat(ResourceMapping.cpuQuotaMicros(units)).isEqualTo(quota);
    assertThat(ResourceMapping.CPU_PERIOD_MICROS).isEqualTo(100_000);
  }

  @ParameterizedTest(name = "task cpu \"{0}\" -> {1} units")
  @CsvSource(nullValues = "null", value = {
      "256, 256", "'1 vCPU', 1024", "'0.5 vcpu', 512", "'4 vCPU', 4096", "' 2048 ', 2048", "null, null", "'', null"})
  void taskCpuAcceptsUnitsAndVcpus(String text, Integer units) {
    assertThat(ResourceMapping.parseTaskCpu(text)).isEqualTo(units);
  }

  @ParameterizedTest(name = "task memory \"{0}\" -> {1} MiB")
  @CsvSource(nullValues = "null", value = {"512, 512", "'1 GB', 1024", "'0.5 gb', 512", "'30 GB', 30720", "null, null"})
  void taskMemoryAcceptsMebibytesAndGigabytes(String text, Integer mib) {
    assertThat(ResourceMapping.parseTaskMemory(text)).isEqualTo(mib);
  }

  @ParameterizedTest(name = "{0}/{1} x{2} awsvpc={3} nesting={4} -> {5}")
  @CsvSource(nullValues = "null", value = {
      "null, null, 1, false, true, NONE",
      "null, null, 3, true, true, NONE",
      "null, 512, 1, false, true, PER_CONTAINER",
      "256, null, 1, false, true, PER_CONTAINER",
      "null, 512, 2, false, true, SHARED_CGROUP",
      "null, 512, 2, false, false, PER_CONTAINER",
      "4096, 8192, 1, true, true, SHARED_CGROUP",
      "4096, 8192, 1, true, false, PER_CONTAINER"})
  void taskLimitsAreSharedWhereTheHostAllowsElseCapped(Integer cpu, Integer memory, int containers, boolean awsvpc,
      boolean nesting, Enforcement expected) {
    assertThat(ResourceMapping.enforcement(new TaskLimits(cpu, memory), containers, awsvpc, nesting))
        .isEqualTo(expected);
  }

  @Test
  void overridesReplaceTaskAndContainerLimits() {
    TaskDefinition definition = TaskDefinition.builder().cpu("256").memory("512").build();
    TaskOverride overrides = TaskOverride.builder().cpu("1 vCPU").memory("2048").build();
    assertThat(ResourceMapping.taskLimits(definition, overrides)).isEqualTo(new TaskLimits(1024, 2048));
    assertThat(ResourceMapping.taskLimits(definition, null)).isEqualTo(new TaskLimits(256, 512));

    var container = Fixtures.container("app").cpu(10).memory(100).memoryReservation(50).build();
    var override = ContainerOverride.builder().name("app").memory(200).build();
    assertThat(ResourceMapping.containerLimits(container, override))
        .isEqualTo(new ResourceMapping.ContainerLimits(10, 200, 50));
  }

  @Test
  void sharesAlwaysWithinTheKernelsRangeForAnyCpu() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      int cpu = random.nextInt(1_000_000) - 1000;
      assertThat(ResourceMapping.cpuShares(cpu)).isBetween(2, 262_144);
      if (cpu >= 2 && cpu <= 262_144) {
        assertThat(ResourceMapping.cpuShares(cpu)).isEqualTo(cpu);
      }
    }
  }
}
