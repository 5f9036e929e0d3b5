package dev.ecsemulator.core.autoscaling;

import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.TARGET;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.ScalingMath.Capacity;
import dev.ecsemulator.core.autoscaling.ScalingMath.Decision;
import dev.ecsemulator.core.autoscaling.ScalingMath.History;
import dev.ecsemulator.core.autoscaling.model.ScalingPolicy;
import dev.ecsemulator.core.autoscaling.model.StepScalingPolicyConfiguration;
import dev.ecsemulator.core.autoscaling.model.SuspendedState;
import dev.ecsemulator.core.autoscaling.model.TargetTrackingScalingPolicyConfiguration;
import dev.ecsemulator.core.cloudwatch.AlarmActions;
import dev.ecsemulator.core.state.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application Auto Scaling's side of CloudWatch alarm actions: an alarm whose action is a scaling policy's ARN calls
 * the policy here; {@link ScalingMath} decides from the alarm's most recent datapoint, the target's capacity and its
 * cooldowns, and {@link Scaler} sets the count (cause: "monitor alarm NAME in state ALARM triggered policy POLICY").
 * Missing data (no datapoint) decides nothing. Thread-safe.
 */
final class PolicyExecutor implements AlarmActions {

  private static final Logger log = LoggerFactory.getLogger(PolicyExecutor.class);
  /** ECS's default cooldowns for target tracking when the policy sets none. */
  static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);

  private final StateStore store;
  private final Scaler scaler;
  private final Supplier<ScalingPolicies> policies;

  PolicyExecutor(StateStore store, Scaler scaler, Supplier<ScalingPolicies> policies) {
    this.store = store;
    this.scaler = scaler;
    this.policies = policies;
  }

  @Override
  public boolean handles(String arn) {
    return arn.startsWith("arn:aws:autoscaling:") && arn.contains(":scalingPolicy:");
  }

  @Override
  public void run(Scope scope, String arn, Trigger trigger) {
    ScalingPolicy policy = policies.get().byArn(scope, arn);
    if (policy == null) {
      throw new IllegalStateException("No scaling policy found for " + arn); // wording unverified
    }
    if (trigger.value() == null || !trigger.state().equals("ALARM")) {
      return;
    }
    String key = Targets.key(policy.serviceNamespace(), policy.scalableDimension(), policy.resourceId());
    StoredTarget target = store.read(scope, view -> view.get(TARGET, key)).orElse(null);
    if (target == null) {
      return;
    }
    ScalableTargetActuator actuator = scaler.actuator();
    OptionalInt current = actuator.desiredCount(scope, policy.resourceId());
    if (current.isEmpty()) {
      throw new IllegalStateException("ECS service doesn't exist: " + policy.resourceId());
    }
    Capacity capacity = new Capacity(current.getAsInt(), target.target().minCapacity(), target.target().maxCapacity());
    SuspendedState suspended = target.target().suspendedState();
    History history = new History(trigger.time(), target.lastScaleOut(), target.lastScaleIn(),
        actuator.deploymentInProgress(scope, policy.resourceId()),
        suspended != null && Boolean.TRUE.equals(suspended.dynamicScalingOutSuspended()),
        suspended != null && Boolean.TRUE.equals(suspended.dynamicScalingInSuspended()));
    Decision decision = decide(policy, trigger, capacity, history);
    if (!decision.scales()) {
      log.debug("Policy {}: no scaling ({})", policy.policyName(), decision.reason());
      return;
    }
    scaler.scale(scope, target.target(), capacity.current(), decision.desired(), "monitor alarm "
        + trigger.alarmName() + " in state ALARM triggered policy " + policy.policyName());
  }

  private static Decision decide(ScalingPolicy policy, Trigger trigger, Capacity capacity, History history) {
    if ("TargetTrackingScaling".equals(policy.policyType())) {
      TargetTrackingScalingPolicyConfiguration config = policy.targetTrackingScalingPolicyConfiguration();
      boolean high = trigger.comparisonOperator().startsWith("Greater");
      return ScalingMath.targetTracking(capacity, trigger.value(), config.targetValue(), high,
          seconds(config.scaleOutCooldown()), seconds(config.scaleInCooldown()),
          Boolean.TRUE.equals(config.disableScaleIn()), history);
    }
    StepScalingPolicyConfiguration config = policy.stepScalingPolicyConfiguration();
    return ScalingMath.step(capacity, trigger.value(), trigger.threshold(), config.adjustmentType(),
        config.stepAdjustments() == null ? List.of() : config.stepAdjustments(), config.minAdjustmentMagnitude(),
        config.cooldown() == null ? Duration.ZERO : Duration.ofSeconds(config.cooldown()), history);
  }

  private static Duration seconds(Integer value) {
    return value == null ? DEFAULT_COOLDOWN : Duration.ofSeconds(value);
  }
}
