package dev.ecsemulator.core.autoscaling;

import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.ACTIVITY;
import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.POLICY;
import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.SCHEDULED;
import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.TARGET;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.error.InvalidNextTokenException;
import dev.ecsemulator.core.autoscaling.error.ValidationException;
import dev.ecsemulator.core.autoscaling.model.DescribeScalableTargetsRequest;
import dev.ecsemulator.core.autoscaling.model.DescribeScalableTargetsResponse;
import dev.ecsemulator.core.autoscaling.model.RegisterScalableTargetRequest;
import dev.ecsemulator.core.autoscaling.model.ScalableTarget;
import dev.ecsemulator.core.autoscaling.model.ScalingPolicy;
import dev.ecsemulator.core.autoscaling.model.SuspendedState;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * RegisterScalableTarget, DescribeScalableTargets and DeregisterScalableTarget. Registering a minimum above (or a
 * maximum below) the current count scales to it at once, as AWS does. Deregistering removes the target's policies
 * (and their target-tracking alarms), scheduled actions and activities; so does deleting the ECS service. Thread-safe.
 */
public final class ScalableTargets {

  private final StateStore store;
  private final Clock clock;
  private final Scaler scaler;
  private final ScalingPolicies policies;

  ScalableTargets(StateStore store, Clock clock, Scaler scaler, ScalingPolicies policies) {
    this.store = store;
    this.clock = clock;
    this.scaler = scaler;
    this.policies = policies;
  }

  /** RegisterScalableTarget: creates, or updates what is given (min, max, suspended state). Returns the target's ARN. */
  public String register(Scope scope, RegisterScalableTargetRequest request) {
    Targets.checkSupported(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    ScalableTargetActuator actuator = scaler.actuator();
    if (!actuator.exists(scope, request.resourceId())) {
      throw new ValidationException("ECS service doesn't exist: " + request.resourceId()); // wording unverified
    }
    String key = Targets.key(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    ScalableTarget saved = store.write(scope, txn -> {
      StoredTarget old = txn.get(TARGET, key).orElse(null);
      if (old == null && (request.minCapacity() == null || request.maxCapacity() == null)) {
        throw new ValidationException("MinCapacity and MaxCapacity are required for registering a new scalable "
            + "target."); // wording unverified
      }
      int min = request.minCapacity() != null ? request.minCapacity() : old.target().minCapacity();
      int max = request.maxCapacity() != null ? request.maxCapacity() : old.target().maxCapacity();
      if (min > max) {
        throw new ValidationException("Minimum capacity cannot be greater than maximum capacity"); // unverified
      }
      ScalableTarget target = ScalableTarget.builder()
          .serviceNamespace(request.serviceNamespace()).scalableDimension(request.scalableDimension())
          .resourceId(request.resourceId()).minCapacity(min).maxCapacity(max)
          .roleARN(request.roleARN() != null ? request.roleARN() : old != null ? old.target().roleARN()
              : "arn:aws:iam::" + scope.accountId() + ":role/aws-service-role/ecs.application-autoscaling"
                  + ".amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService")
          .suspendedState(suspended(request.suspendedState(), old == null ? null : old.target().suspendedState()))
          .creationTime(old != null ? old.target().creationTime() : clock.instant())
          .scalableTargetARN(old != null ? old.target().scalableTargetARN() : Targets.targetArn(scope))
          .build();
      txn.put(TARGET, key, old == null ? new StoredTarget(target, null, null)
          : new StoredTarget(target, old.lastScaleOut(), old.lastScaleIn()));
      return target;
    });
    OptionalInt current = actuator.desiredCount(scope, request.resourceId());
    if (current.isPresent()) {
      int now = current.getAsInt();
      int bounded = Math.max(saved.minCapacity(), Math.min(saved.maxCapacity(), now));
      if (bounded != now) {
        // Cause wording unverified.
        scaler.scale(scope, saved, now, bounded, (bounded > now ? "minimum capacity was set to " + bounded
            : "maximum capacity was set to " + bounded));
      }
    }
    return saved.scalableTargetARN();
  }

  private static SuspendedState suspended(SuspendedState given, SuspendedState old) {
    SuspendedState base = old != null ? old : new SuspendedState(false, false, false);
    if (given == null) {
      return base;
    }
    return new SuspendedState(
        given.dynamicScalingInSuspended() != null ? given.dynamicScalingInSuspended() : base.dynamicScalingInSuspended(),
        given.dynamicScalingOutSuspended() != null ? given.dynamicScalingOutSuspended()
            : base.dynamicScalingOutSuspended(),
        given.scheduledScalingSuspended() != null ? given.scheduledScalingSuspended()
            : base.scheduledScalingSuspended());
  }

  /** DescribeScalableTargets, by resource IDs when given, in key order, MaxResults (default 50) a page. */
  public DescribeScalableTargetsResponse describe(Scope scope, DescribeScalableTargetsRequest request) {
    Targets.checkSupported(request.serviceNamespace(), request.scalableDimension(), null);
    List<StoredTarget> targets = store.read(scope, view -> view.list(TARGET, t ->
        t.target().serviceNamespace().equals(request.serviceNamespace())
            && (request.scalableDimension() == null || request.scalableDimension().equals(t.target().scalableDimension()))
            && (request.resourceIds() == null || request.resourceIds().isEmpty()
                || request.resourceIds().contains(t.target().resourceId()))));
    int max = request.maxResults() == null ? 50 : request.maxResults();
    Paging.Page<StoredTarget> page = Paging.after(targets, t -> t.target().resourceId(), max, request.nextToken(),
        () -> new InvalidNextTokenException("Invalid token")); // wording unverified
    return DescribeScalableTargetsResponse.builder()
        .scalableTargets(page.items().stream().map(StoredTarget::target).toList()).nextToken(page.nextToken()).build();
  }

  /**
   * DeregisterScalableTarget, with everything that belongs to the target.
   *
   * @throws dev.ecsemulator.core.autoscaling.error.ObjectNotFoundException if no such target is registered
   */
  public void deregister(Scope scope, String namespace, String dimension, String resourceId) {
    Targets.checkSupported(namespace, dimension, resourceId);
    if (!remove(scope, namespace, dimension, resourceId)) {
      throw Targets.noTarget(namespace, dimension, resourceId);
    }
  }

  /**
   * Removes the target of an ECS service that was deleted, with everything that belongs to it, as AWS does when the
   * service is deleted (a later DeregisterScalableTarget is ObjectNotFoundException there: eagletmt/hako#69,
   * hashicorp/terraform-provider-aws#10432; no AWS document says so, so unverified beyond those observations).
   * Idempotent: a service without a target is left as it is.
   */
  public void forgetService(Scope scope, String clusterName, String serviceName) {
    remove(scope, Targets.ECS, Targets.DESIRED_COUNT, "service/" + clusterName + "/" + serviceName);
  }

  /** Removes the target, its policies (then their alarms), scheduled actions and activities; false if absent. */
  private boolean remove(Scope scope, String namespace, String dimension, String resourceId) {
    String key = Targets.key(namespace, dimension, resourceId);
    List<ScalingPolicy> removed = store.write(scope, txn -> {
      if (!txn.remove(TARGET, key)) {
        return null;
      }
      List<ScalingPolicy> gone = new ArrayList<>(txn.listByKeyPrefix(POLICY, key + "|"));
      for (ScalingPolicy policy : gone) {
        txn.remove(POLICY, key + "|" + policy.policyName());
      }
      for (StoredScheduledAction action : txn.listByKeyPrefix(SCHEDULED, key + "|")) {
        txn.remove(SCHEDULED, key + "|" + action.action().scheduledActionName());
      }
      for (String activity : txn.keys(ACTIVITY)) {
        if (activity.startsWith(key + "|")) {
          txn.remove(ACTIVITY, activity);
        }
      }
      return gone;
    });
    if (removed == null) {
      return false;
    }
    removed.forEach(policy -> policies.removeAlarms(scope, policy));
    return true;
  }
}
