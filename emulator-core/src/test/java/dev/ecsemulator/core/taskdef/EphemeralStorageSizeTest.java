package dev.ecsemulator.core.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.EphemeralStorage;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EphemeralStorageSizeTest {

  @ParameterizedTest(name = "{0} GiB: {1}")
  @CsvSource(delimiter = '|', value = {
      "0   | EphemeralStorage size should be at least 21",
      "20  | EphemeralStorage size should be at least 21",
      "21  | ",
      "200 | ",
      "201 | EphemeralStorage size should be at most 200"})
  void sizesFrom21To200GiBAreAccepted(int size, String violation) {
    assertThat(EphemeralStorageSize.violation(new EphemeralStorage(size))).isEqualTo(
        java.util.Optional.ofNullable(violation));
  }

  @ParameterizedTest(name = "definition {0}, override {1}: {2} GiB")
  @CsvSource({
      ",   , 20",
      "30, , 30",
      ",   50, 50",
      "30, 50, 50"})
  void aTaskHasTheOverrideElseTheDefinitionElseTwentyGiB(Integer definition, Integer override, int expected) {
    TaskDefinition td = TaskDefinition.builder()
        .ephemeralStorage(definition == null ? null : new EphemeralStorage(definition)).build();
    TaskOverride overrides = TaskOverride.builder()
        .ephemeralStorage(override == null ? null : new EphemeralStorage(override)).build();

    assertThat(EphemeralStorageSize.forFargateTask(td, overrides).sizeInGiB()).isEqualTo(expected);
    assertThat(EphemeralStorageSize.forFargateTask(td, null).sizeInGiB())
        .isEqualTo(definition == null ? 20 : definition);
  }
}
