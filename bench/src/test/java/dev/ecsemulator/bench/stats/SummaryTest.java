package dev.ecsemulator.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void theMedianOfAnOddCountIsTheMiddleValue() {
    Summary s = Summary.of(List.of(30.0, 10.0, 20.0));

    assertThat(s.median()).isEqualTo(20.0);
    assertThat(s.min()).isEqualTo(10.0);
    assertThat(s.max()).isEqualTo(30.0);
    assertThat(s.relativeSpread()).isEqualTo(1.0);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
  }

  @Test
  void percentilesInterpolateBetweenClosestRanks() {
    Summary s = Summary.of(List.of(0.0, 10.0, 20.0, 30.0, 40.0));

    assertThat(s.percentile(0)).isEqualTo(0.0);
    assertThat(s.percentile(100)).isEqualTo(40.0);
    assertThat(s.percentile(90)).isEqualTo(36.0, within(1e-9));
    assertThatThrownBy(() -> s.percentile(101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSingleValueIsItsOwnMedianWithNoSpread() {
    Summary s = Summary.of(List.of(7.0));

    assertThat(s.median()).isEqualTo(7.0);
    assertThat(s.relativeSpread()).isZero();
  }

  @Test
  void noValuesIsRefused() {
    assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  /** Property: percentiles never leave [min, max], grow with p, and do not depend on the input order. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void percentilesAreMonotonicBoundedAndOrderFree(long seed) {
    Random random = new Random(seed);
    List<Double> values = new ArrayList<>();
    int n = 1 + random.nextInt(50);
    for (int i = 0; i < n; i++) {
      values.add(random.nextDouble() * 1000);
    }
    Summary s = Summary.of(values);
    List<Double> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, random);
    double previous = Double.NEGATIVE_INFINITY;
    for (int p = 0; p <= 100; p += 5) {
      double value = s.percentile(p);
      assertThat(value).isBetween(s.min(), s.max()).isGreaterThanOrEqualTo(previous);
      assertThat(Summary.of(shuffled).percentile(p)).isEqualTo(value);
      previous = value;
    }
  }
}
