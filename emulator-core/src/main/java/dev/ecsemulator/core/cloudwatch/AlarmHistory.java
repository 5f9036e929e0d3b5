package dev.ecsemulator.core.cloudwatch;

import static dev.ecsemulator.core.cloudwatch.CloudWatchKinds.HISTORY;

import dev.ecsemulator.core.cloudwatch.model.AlarmHistoryItem;
import dev.ecsemulator.core.state.StateTxn;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes alarm history items (kind {@code cloudwatch-alarm-history}, key {@code ALARM/TIME/SEQ}, so one alarm's items
 * are a range in time order). CloudWatch keeps history for two weeks; the emulator also keeps at most
 * {@value #MAX_PER_ALARM} items per alarm, dropping the oldest.
 */
final class AlarmHistory {

  static final Duration KEPT = Duration.ofDays(14);
  static final int MAX_PER_ALARM = 500;
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private AlarmHistory() {}

  static String prefix(String alarmName) {
    return alarmName + "/";
  }

  static void add(StateTxn txn, String alarmName, Instant time, String type, String summary, Object data) {
    AlarmHistoryItem item = AlarmHistoryItem.builder().alarmName(alarmName).alarmType("MetricAlarm")
        .timestamp(time).historyItemType(type).historySummary(summary)
        .historyData(data instanceof String s ? s : AlarmReasons.json(data)).build();
    String key = prefix(alarmName) + String.format("%015d/%012d", time.toEpochMilli(), SEQUENCE.incrementAndGet() % 1_000_000_000_000L);
    txn.put(HISTORY, key, item);
    // A scan of the keys: history is written only when an alarm changes, rarely.
    List<String> keys = txn.keys(HISTORY).stream().filter(k -> k.startsWith(prefix(alarmName))).toList();
    for (int i = 0; i < keys.size() - MAX_PER_ALARM; i++) {
      txn.remove(HISTORY, keys.get(i));
    }
  }

  /** A state change's history item. */
  static void stateChange(StateTxn txn, String alarmName, Instant time, String oldState, String oldReason,
      String newState, String newReason, String newReasonData) {
    Map<String, Object> old = new LinkedHashMap<>();
    old.put("stateValue", oldState);
    old.put("stateReason", oldReason);
    Map<String, Object> next = new LinkedHashMap<>();
    next.put("stateValue", newState);
    next.put("stateReason", newReason);
    if (newReasonData != null) {
      next.put("stateReasonData", newReasonData);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", "1.0");
    data.put("oldState", old);
    data.put("newState", next);
    add(txn, alarmName, time, "StateUpdate", "Alarm updated from " + oldState + " to " + newState, data);
  }

  /** Removes every item older than two weeks. */
  static void sweep(StateTxn txn, Instant now) {
    Instant oldest = now.minus(KEPT);
    for (String key : txn.keys(HISTORY)) {
      txn.get(HISTORY, key).filter(item -> item.timestamp().isBefore(oldest)).ifPresent(item -> txn.remove(HISTORY, key));
    }
  }
}
