package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.ALARM;

import dev.ecsemulator.core.cloudwatch.model.MetricAlarm;
import dev.ecsemulator.core.state.StateTxn;
import java.time.Instant;

/**
 * An alarm's state set within a transaction: the alarm saved with its new state, reason and times, and a StateUpdate
 * history item when the state changed. {@code StateUpdatedTimestamp} moves at every update,
 * {@code StateTransitionedTimestamp} only when the state changes.
 *
 * @param alarm the alarm as saved
 * @param transition whether the state changed
 */
record StateChange(MetricAlarm alarm, boolean transition) {

  static StateChange apply(StateTxn txn, MetricAlarm alarm, String state, String reason, String reasonData,
      Instant now) {
    boolean transition = !state.equals(alarm.stateValue());
    boolean same = !transition && reason.equals(alarm.stateReason());
    if (same) {
      return new StateChange(alarm, false);
    }
    MetricAlarm updated = alarm.toBuilder().stateValue(state).stateReason(reason).stateReasonData(reasonData)
        .stateUpdatedTimestamp(now)
        .stateTransitionedTimestamp(transition ? now : alarm.stateTransitionedTimestamp())
        .build();
    txn.put(ALARM, alarm.alarmName(), updated);
    if (transition) {
      AlarmHistory.stateChange(txn, alarm.alarmName(), now, alarm.stateValue(), alarm.stateReason(), state, reason,
          reasonData);
    }
    return new StateChange(updated, transition);
  }

  AlarmActions.Trigger trigger(Double value, Instant now) {
    return new AlarmActions.Trigger(alarm.alarmName(), alarm.alarmArn(), alarm.stateValue(), value,
        alarm.threshold() == null ? 0 : alarm.threshold(), alarm.comparisonOperator(), transition, now);
  }
}
