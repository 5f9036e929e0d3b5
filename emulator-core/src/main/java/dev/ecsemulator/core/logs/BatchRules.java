package dev.ecsemulator.core.logs;

import dev.ecsemulator.core.logs.error.InvalidParameterException;
import dev.ecsemulator.core.logs.model.InputLogEvent;
import dev.ecsemulator.core.logs.model.RejectedLogEventsInfo;
import java.util.List;

/**
 * PutLogEvents' batch rules, as the API reference states them: at most 1,048,576 bytes (each message's UTF-8 plus 26
 * bytes an event), no event over 1 MB, timestamps in chronological order (else the call fails); events more than 14
 * days old, or older than the group's retention, or more than 2 hours ahead are set aside and reported in
 * {@code rejectedLogEventsInfo} while the rest are stored; the events kept may span at most 24 hours (else the call
 * fails). The batch's count (1 to 10,000) is the model's constraint, checked before. Pure.
 */
final class BatchRules {

  static final long MAX_BATCH_BYTES = 1_048_576;
  static final long MAX_EVENT_BYTES = 1_048_576;
  static final long MAX_AGE_MILLIS = 14 * Retention.DAY_MILLIS;
  static final long MAX_AHEAD_MILLIS = 2 * 60 * 60 * 1000L;
  static final long MAX_SPAN_MILLIS = Retention.DAY_MILLIS;

  // AWS's wordings, as clients have reported them (the event limit was 262144 before 2025).
  static final String NOT_CHRONOLOGICAL = "Log events in a single PutLogEvents request must be in chronological order.";
  static final String SPAN = "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.";

  private BatchRules() {}

  /**
   * What of a batch is stored: events {@code from} (inclusive) to {@code to} (exclusive), the rest set aside as
   * {@code rejected} (null when none is).
   */
  record Verdict(int from, int to, RejectedLogEventsInfo rejected) {
    boolean storesAny() {
      return from < to;
    }
  }

  /**
   * @param now the time of the call, in milliseconds
   * @param retentionInDays the group's retention, null for none
   * @throws InvalidParameterException for a batch AWS fails whole
   */
  static Verdict check(List<InputLogEvent> events, long now, Integer retentionInDays) {
    long total = 0;
    for (InputLogEvent event : events) {
      long bytes = EventChunk.eventBytes(event.message());
      if (bytes > MAX_EVENT_BYTES) {
        throw new InvalidParameterException(
            "Log event too large: " + bytes + " bytes exceeds limit of " + MAX_EVENT_BYTES);
      }
      total += bytes;
    }
    if (total > MAX_BATCH_BYTES) {
      throw new InvalidParameterException("Upload too large: " + total + " bytes exceeds limit of " + MAX_BATCH_BYTES);
    }
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).timestamp() < events.get(i - 1).timestamp()) {
        throw new InvalidParameterException(NOT_CHRONOLOGICAL);
      }
    }
    long tooOld = now - MAX_AGE_MILLIS;
    long expired = Retention.oldestKept(now, retentionInDays);
    long tooNew = now + MAX_AHEAD_MILLIS;
    int n = events.size();
    int tooOldEnd = 0;
    while (tooOldEnd < n && events.get(tooOldEnd).timestamp() < tooOld) {
      tooOldEnd++;
    }
    int expiredEnd = tooOldEnd;
    while (expiredEnd < n && events.get(expiredEnd).timestamp() < expired) {
      expiredEnd++;
    }
    int tooNewStart = n;
    while (tooNewStart > expiredEnd && events.get(tooNewStart - 1).timestamp() > tooNew) {
      tooNewStart--;
    }
    if (tooNewStart > expiredEnd
        && events.get(tooNewStart - 1).timestamp() - events.get(expiredEnd).timestamp() > MAX_SPAN_MILLIS) {
      throw new InvalidParameterException(SPAN);
    }
    RejectedLogEventsInfo rejected = null;
    if (tooOldEnd > 0 || expiredEnd > tooOldEnd || tooNewStart < n) {
      // The end indexes are exclusive (the model's documentation; one too-old event gives tooOldLogEventEndIndex 1).
      rejected = new RejectedLogEventsInfo(
          expiredEnd > tooOldEnd ? expiredEnd : null,
          tooNewStart < n ? tooNewStart : null,
          tooOldEnd > 0 ? tooOldEnd : null);
    }
    return new Verdict(expiredEnd, tooNewStart, rejected);
  }
}
