package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.ALARM;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.model.MetricAlarm;
import dev.ecsemulator.core.state.StateStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes an alarm's actions for its state through {@link AlarmActions}, after the state is committed, and records
 * each invocation on entering a state in the alarm's history ("Successfully executed action ...", "Failed to execute
 * action ..."; wording unverified). Repeated invocations while the alarm stays in its state are not recorded.
 */
final class AlarmActionRunner {

  private static final Logger log = LoggerFactory.getLogger(AlarmActionRunner.class);

  private final StateStore store;
  private final AlarmActions actions;

  AlarmActionRunner(StateStore store, AlarmActions actions) {
    this.store = store;
    this.actions = actions;
  }

  /** Runs the actions of {@code alarm}'s state; on a transition, also those no handler takes (as not executed). */
  void run(Scope scope, MetricAlarm alarm, AlarmActions.Trigger trigger) {
    if (Boolean.FALSE.equals(alarm.actionsEnabled())) {
      return;
    }
    List<String> arns = switch (alarm.stateValue()) {
      case AlarmEvaluation.ALARM -> alarm.alarmActions();
      case AlarmEvaluation.OK -> alarm.okActions();
      default -> alarm.insufficientDataActions();
    };
    if (arns == null) {
      return;
    }
    for (String arn : arns) {
      boolean handled = actions.handles(arn);
      if (!handled && !trigger.transition()) {
        continue;
      }
      String error = null;
      if (handled) {
        try {
          actions.run(scope, arn, trigger);
        } catch (RuntimeException e) {
          error = e.getMessage();
          log.info("Alarm {}: action {} failed: {}", alarm.alarmName(), arn, error);
        }
      } else {
        error = "ecs-emulator does not run actions of this kind";
      }
      if (trigger.transition()) {
        record(scope, alarm, arn, error, trigger);
      }
    }
  }

  private void record(Scope scope, MetricAlarm alarm, String arn, String error, AlarmActions.Trigger trigger) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("actionState", error == null ? "Succeeded" : "Failed");
    data.put("stateUpdateTimestamp", trigger.time().toEpochMilli());
    data.put("notificationResource", arn);
    if (error != null) {
      data.put("error", error);
    }
    String summary = error == null ? "Successfully executed action " + arn
        : "Failed to execute action " + arn + ". Received error: \"" + error + "\"";
    store.write(scope, txn -> {
      if (txn.get(ALARM, alarm.alarmName()).isPresent()) {
        AlarmHistory.add(txn, alarm.alarmName(), trigger.time(), "Action", summary, data);
      }
      return null;
    });
  }
}
