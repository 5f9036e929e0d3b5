package dev.ecsemulator.core.cloudwatch;

/**
 * The data of one metric in one storage interval (one second for high-resolution data, one minute otherwise) and one
 * unit: CloudWatch aggregates what is put within an interval, and keeps data put with different units apart.
 *
 * @param start the interval's start, in epoch seconds
 */
public record Bucket(long start, String unit, Aggregate data) {

  public Bucket plus(Aggregate more) {
    return new Bucket(start, unit, data.plus(more));
  }
}
