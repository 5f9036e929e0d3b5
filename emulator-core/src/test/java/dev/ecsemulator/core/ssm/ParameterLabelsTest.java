package dev.ecsemulator.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterLabelsTest {

  @ParameterizedTest
  @ValueSource(strings = {"Production", "release-2.0_rc", "a", "Awkward", "label-aws"})
  void validLabels(String label) {
    assertThat(ParameterLabels.valid(label)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1st", "awsLabel", "AWS", "ssmLabel", "Ssm", "bad label", "colon:label", "slash/label"})
  void invalidLabels(String label) {
    assertThat(ParameterLabels.valid(label)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 101})
  void atMost100Characters(int length) {
    assertThat(ParameterLabels.valid("l".repeat(length))).isEqualTo(length <= 100);
  }
}
