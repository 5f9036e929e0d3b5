package dev.ecsemulator.api.elbv2.plane;

import dev.ecsemulator.api.elbv2.plane.AlbMetrics.Group;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.MetricWrites;
import dev.ecsemulator.core.elbv2.Elbv2Kinds;
import dev.ecsemulator.core.elbv2.StoredTarget;
import dev.ecsemulator.core.elbv2.TargetGroupUsage;
import dev.ecsemulator.core.elbv2.TargetStates;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.metrics.MetricsLoop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes AWS/ApplicationELB every metrics period, on the metrics loop before its alarms are evaluated: what the
 * listeners answered since the last period ({@link RequestMeter}, drained) and the target groups in use with their
 * targets' health as stored now ({@link AlbMetrics} decides the samples).
 */
public final class AlbMetricsPublisher implements MetricsLoop.Source {

  private final StateStore store;
  private final RequestMeter meter;
  private final MetricWrites metrics;

  public AlbMetricsPublisher(StateStore store, RequestMeter meter, MetricWrites metrics) {
    this.store = store;
    this.meter = meter;
    this.metrics = metrics;
  }

  @Override
  public void publish(Instant periodStart, int resolution) {
    Map<RequestMeter.Key, RequestMeter.Counts> counts = meter.drain();
    AlbMetrics.samples(counts, groupsInUse(), periodStart, resolution)
        .forEach((scope, samples) -> metrics.publish(scope, AlbMetrics.NAMESPACE, samples));
  }

  private List<Group> groupsInUse() {
    List<Group> groups = new ArrayList<>();
    for (Scope scope : store.scopes()) {
      store.read(scope, view -> {
        for (Map.Entry<String, Set<String>> used : TargetGroupUsage.of(view).entrySet()) {
          int healthy = 0;
          int unhealthy = 0;
          int registered = 0;
          for (StoredTarget target : view.listByKeyPrefix(Elbv2Kinds.TARGET, used.getKey() + "|")) {
            if (!target.draining()) {
              registered++;
              healthy += TargetStates.HEALTHY.equals(target.state()) ? 1 : 0;
              unhealthy += TargetStates.UNHEALTHY.equals(target.state()) ? 1 : 0;
            }
          }
          for (String loadBalancer : used.getValue()) {
            groups.add(new Group(loadBalancer, used.getKey(), healthy, unhealthy, registered));
          }
        }
        return null;
      });
    }
    return groups;
  }

  @Override
  public String toString() {
    return "AWS/ApplicationELB";
  }
}
