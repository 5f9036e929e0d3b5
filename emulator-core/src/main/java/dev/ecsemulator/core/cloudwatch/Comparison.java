package dev.ecsemulator.core.cloudwatch;

import java.util.Arrays;
import java.util.Optional;

/** The static-threshold comparison operators of metric alarms, with the words CloudWatch's state reasons use. */
public enum Comparison {
  GREATER_OR_EQUAL("GreaterThanOrEqualToThreshold", "greater than or equal to"),
  GREATER("GreaterThanThreshold", "greater than"),
  LESS("LessThanThreshold", "less than"),
  LESS_OR_EQUAL("LessThanOrEqualToThreshold", "less than or equal to");

  private final String wire;
  private final String words;

  Comparison(String wire, String words) {
    this.wire = wire;
    this.words = words;
  }

  public String words() {
    return words;
  }

  public boolean breaches(double value, double threshold) {
    return switch (this) {
      case GREATER_OR_EQUAL -> value >= threshold;
      case GREATER -> value > threshold;
      case LESS -> value < threshold;
      case LESS_OR_EQUAL -> value <= threshold;
    };
  }

  /** The operator, if it is one of these (the anomaly-band operators are not). */
  public static Optional<Comparison> of(String wire) {
    return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
  }
}
