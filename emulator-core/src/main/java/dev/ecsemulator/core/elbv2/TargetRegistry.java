package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.model.TargetDescription;
import dev.ecsemulator.core.elbv2.model.TargetHealth;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the rest of the emulator (the ECS service scheduler) uses of ELBv2: the calls RegisterTargets,
 * DeregisterTargets and DescribeTargetHealth make, without HTTP, and word of a deregistered target's draining ending.
 * Implemented by {@link Targets} over the state store, so a registration made here is the same as one made through the
 * API: the data plane sees it, checks the target's health and routes to it once healthy. Thread-safe.
 */
public interface TargetRegistry {

  /**
   * Registers targets with the group (a target is an ID and a port; the group's port when none is given): each starts
   * {@code initial} and is health checked. Registering a registered target again changes nothing; a draining one is
   * registered afresh.
   *
   * @throws dev.ecsemulator.core.elbv2.error.TargetGroupNotFoundException if the group does not exist
   * @throws dev.ecsemulator.core.elbv2.error.InvalidTargetException for an ID that does not fit the group's type
   */
  void register(Scope scope, String targetGroupArn, List<TargetDescription> targets);

  /**
   * Deregisters targets: each is {@code draining} (no new requests; those under way go on) until none of its requests
   * is in flight or the group's deregistration delay is over, then removed, and {@link #onDrained} listeners are told.
   * A target of a group no listener uses, or with a delay of 0, is removed at once (and they are told at once).
   *
   * @throws dev.ecsemulator.core.elbv2.error.InvalidTargetException for a target that is not registered
   */
  void deregister(Scope scope, String targetGroupArn, List<TargetDescription> targets);

  /**
   * The target's health as DescribeTargetHealth shows it: {@code initial}, {@code healthy}, {@code unhealthy},
   * {@code draining}, or {@code unused} (not registered, or its group not in use), with AWS's reason and description.
   */
  TargetHealth health(Scope scope, String targetGroupArn, TargetDescription target);

  /**
   * Calls {@code listener} each time a draining target is removed (draining done), after the removal is stored; on the
   * thread that removed it. The listener must not block.
   */
  void onDrained(Consumer<DrainedTarget> listener);

  /** A target whose draining ended: it no longer receives requests, and none of its requests are in flight. */
  record DrainedTarget(Scope scope, String targetGroupArn, String id, int port) {}
}
