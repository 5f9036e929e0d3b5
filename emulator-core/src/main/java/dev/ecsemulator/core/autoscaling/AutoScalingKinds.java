package dev.ecsemulator.core.autoscaling;

import dev.ecsemulator.core.autoscaling.model.ScalingActivity;
import dev.ecsemulator.core.autoscaling.model.ScalingPolicy;
import dev.ecsemulator.core.state.Kind;
import java.util.List;

/** The stored kinds of Application Auto Scaling. Names are durable: prefix {@code autoscaling-}, never renamed. */
public final class AutoScalingKinds {

  public static final Kind<StoredTarget> TARGET = Kind.of("autoscaling-target", StoredTarget.class);
  /** By target key, {@code |}, policy name. */
  public static final Kind<ScalingPolicy> POLICY = Kind.of("autoscaling-policy", ScalingPolicy.class);
  /** By target key, {@code |}, start time (zero-padded milliseconds), activity ID. */
  public static final Kind<ScalingActivity> ACTIVITY = Kind.of("autoscaling-activity", ScalingActivity.class);
  /** By target key, {@code |}, action name. */
  public static final Kind<StoredScheduledAction> SCHEDULED =
      Kind.of("autoscaling-scheduled-action", StoredScheduledAction.class);

  private AutoScalingKinds() {}

  public static List<Kind<?>> all() {
    return List.of(TARGET, POLICY, ACTIVITY, SCHEDULED);
  }
}
