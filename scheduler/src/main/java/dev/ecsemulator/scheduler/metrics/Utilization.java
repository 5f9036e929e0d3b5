package dev.ecsemulator.scheduler.metrics;

import dev.ecsemulator.core.cloudwatch.Aggregate;
import dev.ecsemulator.core.cloudwatch.MetricIdentity;
import dev.ecsemulator.core.cloudwatch.MetricWrites.Sample;
import dev.ecsemulator.core.cloudwatch.model.Dimension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ECS's service and cluster utilization from task readings, as "Amazon ECS service utilization metrics" defines it:
 * {@code (CPU units used by the tasks) × 100 / (CPU units reserved by them)}, the same for memory in MiB, where a
 * task reserves its task-level {@code cpu}/{@code memory}, else the sum of its containers' (memory: each container's
 * {@code memoryReservation}, else its {@code memory}). One datapoint per ClusterName+ServiceName over the service's
 * tasks, and per ClusterName over all the cluster's tasks (for EC2, ECS divides cluster CPU by the container
 * instances' registered CPU instead: not emulated). A task that reserves no CPU (or memory) is left out of that
 * metric, as there is nothing to divide by. Pure.
 */
public final class Utilization {

  public static final String NAMESPACE = "AWS/ECS";

  /**
   * One running task's reading over the period.
   *
   * @param service the service's name, or null for a task no service runs
   * @param cpuUsed CPU units used (1024 a core), or null when not measurable yet (no previous sample)
   */
  public record Reading(String cluster, String service, int cpuReserved, int memoryReserved, Double cpuUsed,
      double memoryUsedMib) {}

  private Utilization() {}

  /** The datapoints of {@code readings}, timestamped {@code at}, stored at {@code resolution} seconds. */
  public static List<Sample> samples(List<Reading> readings, Instant at, int resolution) {
    Map<List<Dimension>, double[]> sums = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (Reading r : readings) {
      add(sums, List.of(new Dimension("ClusterName", r.cluster())), r);
      if (r.service() != null) {
        add(sums, List.of(new Dimension("ClusterName", r.cluster()), new Dimension("ServiceName", r.service())), r);
      }
    }
    List<Sample> samples = new ArrayList<>();
    sums.forEach((dimensions, s) -> {
      if (s[1] > 0) {
        samples.add(sample("CPUUtilization", dimensions, 100 * s[0] / s[1], at, resolution));
      }
      if (s[3] > 0) {
        samples.add(sample("MemoryUtilization", dimensions, 100 * s[2] / s[3], at, resolution));
      }
    });
    return samples;
  }

  /** Adds to {cpu used, cpu reserved, memory used, memory reserved}. */
  private static void add(Map<List<Dimension>, double[]> sums, List<Dimension> dimensions, Reading r) {
    double[] s = sums.computeIfAbsent(dimensions, d -> new double[4]);
    if (r.cpuUsed() != null && r.cpuReserved() > 0) {
      s[0] += r.cpuUsed();
      s[1] += r.cpuReserved();
    }
    if (r.memoryReserved() > 0) {
      s[2] += r.memoryUsedMib();
      s[3] += r.memoryReserved();
    }
  }

  private static Sample sample(String name, List<Dimension> dimensions, double value, Instant at, int resolution) {
    return new Sample(new MetricIdentity(NAMESPACE, name, dimensions), at, "Percent", resolution,
        Aggregate.of(value, 1));
  }
}
