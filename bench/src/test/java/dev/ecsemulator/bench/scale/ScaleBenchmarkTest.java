package dev.ecsemulator.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.bench.load.LoadResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the repeated latency runs stands for a figure. */
class ScaleBenchmarkTest {

  @Test
  void theFigureIsTheRunWithTheMedianP99() {
    LoadResult fast = run(900);
    LoadResult middle = run(1200);
    LoadResult disturbed = run(5000);

    assertThat(ScaleBenchmark.medianByP99(List.of(disturbed, fast, middle))).isSameAs(middle);
    assertThat(ScaleBenchmark.medianByP99(List.of(disturbed, fast))).isSameAs(fast);
    assertThat(ScaleBenchmark.medianByP99(List.of(disturbed))).isSameAs(disturbed);
  }

  private static LoadResult run(double p99Micros) {
    return new LoadResult(16, 1000, 0, 10, 100, 500, 800, p99Micros, p99Micros, 600, 16, null, 1000, -1);
  }
}
