package dev.ecsemulator.core.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.error.ClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskSizeTest {

  @ParameterizedTest(name = "cpu \"{0}\" is {1} units")
  @CsvSource({"1024,1024", "1 vCPU,1024", "1 vcpu,1024", "1vCPU,1024", "0.25 vCPU,256", "0.5 vCPU,512",
      "2 VCPU,2048", "' 512 ',512", "16 vCPU,16384"})
  void cpuForms(String text, int units) {
    assertThat(TaskSize.parse(text, null).cpu()).isEqualTo(units);
  }

  @ParameterizedTest(name = "memory \"{0}\" is {1} MiB")
  @CsvSource({"2048,2048", "2 GB,2048", "2GB,2048", "2 gb,2048", "0.5 GB,512", "1.5GB,1536", "120 GB,122880"})
  void memoryForms(String text, int mib) {
    assertThat(TaskSize.parse(null, text).memory()).isEqualTo(mib);
  }

  @ParameterizedTest(name = "cpu \"{0}\" is refused")
  @CsvSource({"abc", "1 core", "0.1 vCPU", "-256", "0", "''", "99999999999"})
  void badCpu(String text) {
    assertThatThrownBy(() -> TaskSize.parse(text, null))
        .isInstanceOf(ClientException.class).hasMessage("Invalid 'cpu' setting for task.");
  }

  @ParameterizedTest(name = "memory \"{0}\" is refused")
  @CsvSource({"abc", "2 TB", "512 MiB", "0.0001 GB", "0"})
  void badMemory(String text) {
    assertThatThrownBy(() -> TaskSize.parse(null, text))
        .isInstanceOf(ClientException.class).hasMessage("Invalid 'memory' setting for task.");
  }

  @Test
  void absentValuesStayAbsent() {
    TaskSize size = TaskSize.parse(null, null);

    assertThat(size.cpu()).isNull();
    assertThat(size.memory()).isNull();
    assertThat(size.isFargateSize()).isFalse();
  }

  /**
   * Every cpu value from 128 to 32768 in 128 steps against every memory from 512 MiB to 128 GiB in 512 steps:
   * exactly the 74 sizes a 2026 probe of the real API found valid (3+4+7+13+23+12+12), and no 32 vCPU size.
   */
  @Test
  void theFargateTableHasTheSeventyFourSizesAwsAccepts() {
    int valid = 0;
    for (int cpu = 128; cpu <= 32768; cpu += 128) {
      for (int memory = 512; memory <= 131072; memory += 512) {
        if (TaskSize.isFargateSize(cpu, memory)) {
          valid++;
        }
      }
    }
    assertThat(valid).isEqualTo(74);
  }

  @ParameterizedTest(name = "{0} CPU with {1} MiB: {2}")
  @CsvSource({"256,512,true", "256,1536,false", "256,2048,true", "512,1024,true", "512,4096,true", "512,5120,false",
      "1024,2048,true", "1024,8192,true", "1024,1024,false", "2048,16384,true", "2048,17408,false",
      "4096,30720,true", "4096,31744,false", "8192,16384,true", "8192,17408,false", "8192,20480,true",
      "16384,32768,true", "16384,33792,false", "16384,40960,true", "16384,122880,true", "16384,131072,false",
      "32768,65536,false", "300,1024,false"})
  void fargateSizes(int cpu, int memory, boolean valid) {
    assertThat(TaskSize.isFargateSize(cpu, memory)).isEqualTo(valid);
  }
}
