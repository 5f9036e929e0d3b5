package dev.ecsemulator.scheduler.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.scheduler.task.TaskEngine.Pace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResyncPaceTest {

  private static final Duration INTERVAL = Duration.ofSeconds(30);

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 10, 200, 20_000})
  void afterARestartEveryPassIsSubmittedAtOnce(int count) {
    assertThat(delays(Pace.NOW, count)).containsOnly(0L);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 10, 200})
  void periodicPassesAreSpreadEvenlyOverHalfTheInterval(int count) {
    List<Long> delays = delays(Pace.SPREAD, count);
    long step = INTERVAL.toMillis() / 2 / count;
    assertThat(delays.get(0)).isZero();
    for (int i = 1; i < count; i++) {
      assertThat(delays.get(i) - delays.get(i - 1)).as("gap before pass %d", i).isBetween(step, step + 1);
    }
    // Every task is re-observed before the next resync begins.
    assertThat(delays.get(count - 1)).isLessThan(INTERVAL.toMillis() / 2);
  }

  @Test
  void oneTaskIsObservedAtOnceAndManyNeverPastHalfTheInterval() {
    assertThat(delays(Pace.SPREAD, 1)).containsExactly(0L);
    assertThat(delays(Pace.SPREAD, 100_000)).allSatisfy(d -> assertThat(d).isBetween(0L, INTERVAL.toMillis() / 2 - 1));
  }

  private static List<Long> delays(Pace pace, int count) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      delays.add(pace.delayMillis(i, count, INTERVAL));
    }
    return delays;
  }
}
