package dev.ecsemulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcsKindsTest {

  /** The key format is part of the durable state: it must stay exactly what {@code %09d} gave. */
  @ParameterizedTest
  @ValueSource(longs = {0, 1, 9, 10, 99, 12345, 99_999_999, 100_000_000, 999_999_999, 1_000_000_000,
      Long.MAX_VALUE, -1, -12345})
  void taskDefinitionKeysAreTheFamilyAndTheRevisionPaddedToNineDigits(long revision) {
    assertThat(EcsKinds.taskDefinitionKey("web", revision)).isEqualTo("web:" + String.format("%09d", revision));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void keysSortByRevisionWithinAFamily(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 1_000; i++) {
      long a = 1 + random.nextInt(999_999_999);
      long b = 1 + random.nextInt(999_999_999);
      assertThat(Integer.signum(EcsKinds.taskDefinitionKey("f", a).compareTo(EcsKinds.taskDefinitionKey("f", b))))
          .isEqualTo(Long.signum(a - b));
    }
  }
}
