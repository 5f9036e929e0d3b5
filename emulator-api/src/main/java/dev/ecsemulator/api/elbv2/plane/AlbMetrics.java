package dev.ecsemulator.api.elbv2.plane;

import dev.ecsemulator.api.elbv2.plane.RequestMeter.Counts;
import dev.ecsemulator.api.elbv2.plane.RequestMeter.Key;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.Aggregate;
import dev.ecsemulator.core.cloudwatch.MetricIdentity;
import dev.ecsemulator.core.cloudwatch.MetricWrites.Sample;
import dev.ecsemulator.core.cloudwatch.model.Dimension;
import dev.ecsemulator.core.elbv2.Elbv2Arns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One period's AWS/ApplicationELB data, as the CloudWatch metrics of an application load balancer are documented
 * (pure: from the period's {@link RequestMeter} counts and the target groups in use with their host counts):
 *
 * <ul>
 *   <li>{@code RequestCount} (Count, Sum): requests for which a target was chosen; by LoadBalancer, by
 *       TargetGroup+LoadBalancer and by TargetGroup; reported every period for a group in use, 0 without requests
 *       (AWS: "Always reported").
 *   <li>{@code RequestCountPerTarget} (Count, only Sum is valid): the group's requests ÷ its healthy targets (all its
 *       targets when none is healthy, as it then sends to all); by TargetGroup and TargetGroup+LoadBalancer, every
 *       period.
 *   <li>{@code HealthyHostCount}, {@code UnHealthyHostCount} (Count, Average/Minimum/Maximum): by
 *       TargetGroup+LoadBalancer, every period.
 *   <li>{@code TargetResponseTime} (Seconds), {@code HTTPCode_Target_2XX_Count}..{@code 5XX} (Count): by LoadBalancer
 *       and TargetGroup+LoadBalancer; {@code HTTPCode_ELB_3XX_Count}..{@code 5XX}, {@code HTTP_Fixed_Response_Count},
 *       {@code HTTP_Redirect_Count} (Count): by LoadBalancer; only when there is a value (AWS: "There is a nonzero
 *       value").
 * </ul>
 *
 * Counts are stored as that many values of 1 (AWS: "Minimum, Maximum, and Average all return 1").
 */
public final class AlbMetrics {

  public static final String NAMESPACE = "AWS/ApplicationELB";

  private AlbMetrics() {}

  /**
   * A target group in use by a load balancer (one per pair), with its targets at the end of the period: healthy,
   * unhealthy, and all that are registered and not draining.
   */
  public record Group(String loadBalancerArn, String targetGroupArn, int healthy, int unhealthy, int registered) {}

  /** The samples of one period, stamped {@code at}, by the scope of their load balancer. */
  public static Map<Scope, List<Sample>> samples(Map<Key, Counts> counts, List<Group> groups, Instant at,
      int resolution) {
    Map<Scope, List<Sample>> out = new TreeMap<>();
    Period period = new Period(at, resolution, out);
    Map<String, Integer> perTargetDivisor = new HashMap<>();
    Map<String, Long> groupRequests = new TreeMap<>();
    Map<Key, Long> pairRequests = new TreeMap<>(java.util.Comparator.comparing(Key::loadBalancerArn)
        .thenComparing(Key::targetGroupArn));
    TreeSet<String> balancers = new TreeSet<>();
    for (Group group : groups) {
      perTargetDivisor.put(group.targetGroupArn(), group.healthy() > 0 ? group.healthy() : group.registered());
      groupRequests.putIfAbsent(group.targetGroupArn(), 0L);
      pairRequests.putIfAbsent(new Key(group.loadBalancerArn(), group.targetGroupArn()), 0L);
      balancers.add(group.loadBalancerArn());
      List<Dimension> pair = pair(group.loadBalancerArn(), group.targetGroupArn());
      period.value(group.loadBalancerArn(), "HealthyHostCount", pair, group.healthy());
      period.value(group.loadBalancerArn(), "UnHealthyHostCount", pair, group.unhealthy());
    }
    Map<String, Counts> byBalancer = new TreeMap<>();
    counts.forEach((key, c) -> {
      balancers.add(key.loadBalancerArn());
      byBalancer.merge(key.loadBalancerArn(), c, AlbMetrics::plus);
      if (key.targetGroupArn() != null) {
        groupRequests.merge(key.targetGroupArn(), c.requests(), Long::sum);
        pairRequests.merge(key, c.requests(), Long::sum);
        List<Dimension> pair = pair(key.loadBalancerArn(), key.targetGroupArn());
        period.targetAnswers(key.loadBalancerArn(), pair, c);
      }
    });
    for (String balancer : balancers) {
      List<Dimension> lb = List.of(new Dimension("LoadBalancer", Elbv2Arns.metricDimension(balancer)));
      Counts c = byBalancer.get(balancer);
      period.count(balancer, "RequestCount", lb, c == null ? 0 : c.requests());
      if (c != null) {
        period.targetAnswers(balancer, lb, c);
        for (int statusClass = 3; statusClass <= 5; statusClass++) {
          period.nonzero(balancer, "HTTPCode_ELB_" + statusClass + "XX_Count", lb, c.elbCode(statusClass));
        }
        period.nonzero(balancer, "HTTP_Fixed_Response_Count", lb, c.fixedResponses());
        period.nonzero(balancer, "HTTP_Redirect_Count", lb, c.redirects());
      }
    }
    pairRequests.forEach((key, requests) -> {
      List<Dimension> pair = pair(key.loadBalancerArn(), key.targetGroupArn());
      period.count(key.loadBalancerArn(), "RequestCount", pair, requests);
      period.value(key.loadBalancerArn(), "RequestCountPerTarget", pair,
          perTarget(requests, perTargetDivisor.get(key.targetGroupArn())));
    });
    groupRequests.forEach((group, requests) -> {
      List<Dimension> tg = List.of(new Dimension("TargetGroup", Elbv2Arns.metricDimension(group)));
      period.count(group, "RequestCount", tg, requests);
      period.value(group, "RequestCountPerTarget", tg, perTarget(requests, perTargetDivisor.get(group)));
    });
    return out;
  }

  private static double perTarget(long requests, Integer targets) {
    return targets == null || targets == 0 ? requests : (double) requests / targets;
  }

  private static List<Dimension> pair(String loadBalancerArn, String targetGroupArn) {
    return List.of(new Dimension("LoadBalancer", Elbv2Arns.metricDimension(loadBalancerArn)),
        new Dimension("TargetGroup", Elbv2Arns.metricDimension(targetGroupArn)));
  }

  private static Counts plus(Counts a, Counts b) {
    long[] target = new long[6];
    long[] elb = new long[6];
    for (int i = 0; i < 6; i++) {
      target[i] = a.targetCode(i) + b.targetCode(i);
      elb[i] = a.elbCode(i) + b.elbCode(i);
    }
    Aggregate time = a.responseTime() == null ? b.responseTime()
        : b.responseTime() == null ? a.responseTime() : a.responseTime().plus(b.responseTime());
    return new Counts(a.requests() + b.requests(), target, elb, a.redirects() + b.redirects(),
        a.fixedResponses() + b.fixedResponses(), time);
  }

  /** Collects one period's samples by scope (read from the ARN each sample is about). */
  private record Period(Instant at, int resolution, Map<Scope, List<Sample>> out) {

    /** The targets' status classes and response time, when they answered. */
    void targetAnswers(String arn, List<Dimension> dimensions, Counts c) {
      for (int statusClass = 2; statusClass <= 5; statusClass++) {
        nonzero(arn, "HTTPCode_Target_" + statusClass + "XX_Count", dimensions, c.targetCode(statusClass));
      }
      if (c.responseTime() != null) {
        add(arn, "TargetResponseTime", dimensions, "Seconds", c.responseTime());
      }
    }

    void nonzero(String arn, String name, List<Dimension> dimensions, long count) {
      if (count > 0) {
        count(arn, name, dimensions, count);
      }
    }

    /** A count as that many values of 1; no count as one value of 0. */
    void count(String arn, String name, List<Dimension> dimensions, long count) {
      add(arn, name, dimensions, "Count", count > 0 ? Aggregate.of(1, count) : Aggregate.of(0, 1));
    }

    void value(String arn, String name, List<Dimension> dimensions, double value) {
      add(arn, name, dimensions, "Count", Aggregate.of(value, 1));
    }

    private void add(String arn, String name, List<Dimension> dimensions, String unit, Aggregate data) {
      out.computeIfAbsent(Elbv2Arns.scopeOf(arn), s -> new ArrayList<>())
          .add(new Sample(new MetricIdentity(NAMESPACE, name, dimensions), at, unit, resolution, data));
    }
  }
}
