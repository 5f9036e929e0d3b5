package dev.ecsemulator.core.cloudwatch;

import java.util.Arrays;
import java.util.Optional;

/** CloudWatch's basic statistics, by their wire names. Percentiles and other extended statistics are not kept. */
public enum Statistic {
  SAMPLE_COUNT("SampleCount"),
  AVERAGE("Average"),
  SUM("Sum"),
  MINIMUM("Minimum"),
  MAXIMUM("Maximum");

  private final String wire;

  Statistic(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Statistic> of(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }
}
