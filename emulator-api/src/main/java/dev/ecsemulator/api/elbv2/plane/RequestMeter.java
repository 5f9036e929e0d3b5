package dev.ecsemulator.api.elbv2.plane;

import dev.ecsemulator.core.cloudwatch.Aggregate;
import java.util.HashMap;
import java.util.Map;

/**
 * What the listeners answered since the last {@link #drain}, by load balancer and target group: the requests sent to
 * a target with the class of the target's status and its response time, and the answers the load balancer gave itself
 * (its 503 when there is no target, its 502/504 when the target fails, fixed responses, redirects). Health checks are
 * not requests (AWS's metrics exclude them). Thread-safe; one lock, held for a few additions a request.
 */
public final class RequestMeter {

  /** Where an answer belongs: a load balancer and, when the request was routed to one, a target group (else null). */
  public record Key(String loadBalancerArn, String targetGroupArn) {}

  /**
   * One key's counts over a period. {@code targetCodes} and {@code elbCodes} are indexed by status class (index 2 for
   * 2XX ... 5 for 5XX); {@code responseTime} holds the targets' response times in seconds, or null when none answered.
   */
  public record Counts(long requests, long[] targetCodes, long[] elbCodes, long redirects, long fixedResponses,
      Aggregate responseTime) {

    public long targetCode(int statusClass) {
      return targetCodes[statusClass];
    }

    public long elbCode(int statusClass) {
      return elbCodes[statusClass];
    }
  }

  /** How the load balancer answered a request itself. */
  enum OwnAnswer { NO_TARGET, TARGET_FAILED, FIXED_RESPONSE, REDIRECT }

  private Map<Key, Tally> tallies = new HashMap<>();

  /** A request a target answered with {@code status} after {@code seconds}. */
  synchronized void targetAnswered(String listenerArn, String targetGroupArn, int status, double seconds) {
    Tally tally = tally(listenerArn, targetGroupArn);
    tally.requests++;
    count(tally.targetCodes, status);
    Aggregate time = Aggregate.of(seconds, 1);
    tally.responseTime = tally.responseTime == null ? time : tally.responseTime.plus(time);
  }

  /**
   * A request the load balancer answered itself with {@code status}; {@code targetGroupArn} the group it was routed
   * to, if any. A request routed to a target whose connection failed counts as a request of that group, as AWS counts
   * every request for which a target was chosen.
   */
  synchronized void loadBalancerAnswered(String listenerArn, String targetGroupArn, OwnAnswer how, int status) {
    Tally tally = tally(listenerArn, targetGroupArn);
    count(tally.elbCodes, status);
    switch (how) {
      case TARGET_FAILED -> tally.requests++;
      case FIXED_RESPONSE -> tally.fixedResponses++;
      case REDIRECT -> tally.redirects++;
      case NO_TARGET -> { }
    }
  }

  /** The counts since the last drain, which start again from nothing. */
  public Map<Key, Counts> drain() {
    Map<Key, Tally> taken;
    synchronized (this) {
      taken = tallies;
      tallies = new HashMap<>();
    }
    Map<Key, Counts> counts = new HashMap<>();
    taken.forEach((key, t) -> counts.put(key, new Counts(t.requests, t.targetCodes, t.elbCodes, t.redirects,
        t.fixedResponses, t.responseTime)));
    return counts;
  }

  private Tally tally(String listenerArn, String targetGroupArn) {
    Key key = new Key(dev.ecsemulator.core.elbv2.Elbv2Arns.loadBalancerOfListener(listenerArn), targetGroupArn);
    return tallies.computeIfAbsent(key, k -> new Tally());
  }

  private static void count(long[] classes, int status) {
    int statusClass = status / 100;
    if (statusClass >= 2 && statusClass <= 5) {
      classes[statusClass]++;
    }
  }

  private static final class Tally {
    long requests;
    final long[] targetCodes = new long[6];
    final long[] elbCodes = new long[6];
    long redirects;
    long fixedResponses;
    Aggregate responseTime;
  }
}
