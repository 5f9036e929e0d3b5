package dev.ecsemulator.scheduler.service;

import java.util.Objects;

/**
 * What the load balancers say of one task's targets, one per {@code loadBalancers} entry of its service, summed up:
 * HEALTHY when every target is {@code healthy}, UNHEALTHY when one is {@code unhealthy} (naming its target group),
 * else WAITING (registering, {@code initial}, or not registered yet).
 *
 * @param unhealthyIn the target group where a target is unhealthy; null unless UNHEALTHY
 */
public record TargetsHealth(State state, String unhealthyIn) {

  /** The sum of a task's target states. */
  public enum State { HEALTHY, UNHEALTHY, WAITING }

  public static final TargetsHealth HEALTHY = new TargetsHealth(State.HEALTHY, null);
  public static final TargetsHealth WAITING = new TargetsHealth(State.WAITING, null);

  public TargetsHealth {
    Objects.requireNonNull(state, "state");
    if ((state == State.UNHEALTHY) != (unhealthyIn != null)) {
      throw new IllegalArgumentException("an UNHEALTHY state names its target group, no other does");
    }
  }

  public static TargetsHealth unhealthyIn(String targetGroupArn) {
    return new TargetsHealth(State.UNHEALTHY, targetGroupArn);
  }
}
