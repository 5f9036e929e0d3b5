package dev.ecsemulator.core.cloudwatch;

/**
 * A statistic set: what CloudWatch keeps of the values of one metric in one interval (sample count, sum, minimum,
 * maximum), from which every basic statistic is computed. Immutable.
 */
public record Aggregate(double sampleCount, double sum, double minimum, double maximum) {

  public static Aggregate of(double value, double count) {
    return new Aggregate(count, value * count, value, value);
  }

  public Aggregate plus(Aggregate other) {
    return new Aggregate(sampleCount + other.sampleCount, sum + other.sum, Math.min(minimum, other.minimum),
        Math.max(maximum, other.maximum));
  }

  /** The value of a basic statistic ({@code SampleCount}, {@code Average}, {@code Sum}, {@code Minimum}, {@code Maximum}). */
  public double value(Statistic statistic) {
    return switch (statistic) {
      case SAMPLE_COUNT -> sampleCount;
      case AVERAGE -> sampleCount == 0 ? 0 : sum / sampleCount;
      case SUM -> sum;
      case MINIMUM -> minimum;
      case MAXIMUM -> maximum;
    };
  }
}
