package dev.ecsemulator.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Docker's timestamps, as its inspect and health log write them. */
class RawWaveTest {

  @Test
  void readsDockerTimesInUtcAndWithAnOffset() {
    assertThat(RawWave.time("2026-11-26T15:00:01.123456789Z")).isEqualTo(Instant.parse("2026-11-26T15:00:01.123456789Z"));
    assertThat(RawWave.time("2026-11-26T16:00:01.5+01:00")).isEqualTo(Instant.parse("2026-11-26T15:00:01.500Z"));
  }

  @Test
  void millisecondsBetweenTwoInstants() {
    assertThat(RawWave.ms(Instant.parse("2026-11-26T15:00:00Z"), Instant.parse("2026-11-26T15:00:05.0025Z")))
        .isEqualTo(5002.5);
  }
}
