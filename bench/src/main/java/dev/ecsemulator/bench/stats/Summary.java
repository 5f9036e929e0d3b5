package dev.ecsemulator.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Repeated measurements of one figure: the median (what reports show) and the spread (min–max, so a reader sees
 * how noisy the machine was). Simple sorted-array statistics: repeats are few.
 */
public record Summary(List<Double> values) {

  public Summary {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    values = List.copyOf(values);
  }

  public static Summary of(List<Double> values) {
    return new Summary(values);
  }

  public double median() {
    return percentile(50);
  }

  public double min() {
    return sorted().get(0);
  }

  public double max() {
    List<Double> s = sorted();
    return s.get(s.size() - 1);
  }

  public int count() {
    return values.size();
  }

  /** (max − min) / median: 0.1 means the repeats spread over ±5 % around the median. */
  public double relativeSpread() {
    double median = median();
    return median == 0 ? 0 : (max() - min()) / median;
  }

  /**
   * The {@code p}-th percentile by linear interpolation between closest ranks (p in [0, 100]); the median of an
   * even count is the mean of the middle two.
   */
  public double percentile(double p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be within [0, 100], got " + p);
    }
    List<Double> s = sorted();
    double rank = p / 100.0 * (s.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return s.get(low) + (s.get(high) - s.get(low)) * (rank - low);
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }
}
