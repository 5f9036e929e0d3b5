package dev.ecsemulator.core.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.cloudwatch.MetricMath.Labelled;
import dev.ecsemulator.core.cloudwatch.MetricMath.MathException;
import dev.ecsemulator.core.cloudwatch.MetricMath.Scalar;
import dev.ecsemulator.core.cloudwatch.MetricMath.Series;
import dev.ecsemulator.core.cloudwatch.MetricMath.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The metric math the emulator evaluates. */
class MetricMathTest {

  static final Series A = series(Map.of(0L, 2.0, 60L, 4.0));
  static final Series B = series(Map.of(60L, 1.0, 120L, 3.0));

  static Series series(Map<Long, Double> points) {
    return new Series(new TreeMap<>(points));
  }

  static final MetricMath.Context CONTEXT = new MetricMath.Context() {
    @Override
    public Value query(String id) throws MathException {
      return switch (id) {
        case "a" -> A;
        case "b" -> B;
        default -> throw new MathException("unknown " + id);
      };
    }

    @Override
    public List<Labelled> metrics() {
      return List.of(new Labelled("Orders", A), new Labelled("Refunds", B));
    }
  };

  static Value eval(String expression) throws MathException {
    return MetricMath.evaluate(expression, CONTEXT);
  }

  @Test
  void arithmeticOnSeriesIsAtSharedTimestamps() throws MathException {
    assertThat(((Series) eval("a + b")).points()).containsExactly(Map.entry(60L, 5.0));
    assertThat(((Series) eval("(a - 1) * 2 / 4")).points()).containsExactly(Map.entry(0L, 0.5), Map.entry(60L, 1.5));
    assertThat(((Series) eval("-a")).points()).containsEntry(0L, -2.0);
    assertThat(((Series) eval("a / 0")).points()).isEmpty();
  }

  @Test
  void functions() throws MathException {
    assertThat(((Series) eval("SUM(METRICS())")).points())
        .containsExactly(Map.entry(0L, 2.0), Map.entry(60L, 5.0), Map.entry(120L, 3.0));
    assertThat(((Series) eval("AVG([a, b])")).points()).containsEntry(60L, 2.5);
    assertThat(((Series) eval("MAX(METRICS('Ref'))")).points()).containsExactly(Map.entry(60L, 1.0),
        Map.entry(120L, 3.0));
    assertThat(((Scalar) eval("SUM(a)")).value()).isEqualTo(6.0);
    assertThat(((Scalar) eval("MIN(b) + 1")).value()).isEqualTo(2.0);
  }

  @Test
  void errorsNamePositions() {
    assertThatThrownBy(() -> eval("a +")).hasMessageContaining("the expression ends too soon");
    assertThatThrownBy(() -> eval("RATE(a)")).hasMessageContaining("the function RATE is not supported");
    assertThat(MetricMath.ids("SUM([a, b2]) / METRICS(\"x y\")")).containsExactly("a", "b2");
  }
}
