package dev.ecsemulator.core.cloudwatch;

import dev.ecsemulator.core.Scope;
import java.time.Instant;

/**
 * A port through which alarms reach what their actions name: the emulator plugs in Application Auto Scaling (policy
 * ARNs {@code arn:aws:autoscaling:...:scalingPolicy:...}). CloudWatch invokes such actions when the alarm enters the
 * state they belong to, and again at every evaluation while it stays there, as it does for Auto Scaling actions
 * ("the alarm continues to invoke the action once per minute"); the scaling policy's cooldown keeps that in check.
 * Actions of other kinds (SNS, EC2, Systems Manager) are recorded in the alarm's history as not executed.
 */
public interface AlarmActions {

  /** Whether this handles {@code arn}. */
  boolean handles(String arn);

  /**
   * Runs the action for the alarm's current state.
   *
   * @throws RuntimeException with a message for the history when it fails (an unknown policy, say)
   */
  void run(Scope scope, String arn, Trigger trigger);

  /**
   * What fired: the alarm, its state, and the most recent datapoint evaluated (null when none: missing data).
   *
   * @param transition whether the alarm just entered {@code state} (else it stays in it)
   */
  record Trigger(String alarmName, String alarmArn, String state, Double value, double threshold,
      String comparisonOperator, boolean transition, Instant time) {}

  /** No action handler: every action is recorded as not executed. */
  AlarmActions NONE = new AlarmActions() {
    @Override
    public boolean handles(String arn) {
      return false;
    }

    @Override
    public void run(Scope scope, String arn, Trigger trigger) {}
  };
}
