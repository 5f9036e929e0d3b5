package dev.ecsemulator.scheduler.logs;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A container's lines → CloudWatch Logs events, as Docker's awslogs driver makes them (moby
 * {@code daemon/logger/awslogs/cloudwatchlogs.go}: {@code collectBatch}, {@code processEvent}; its copier before it).
 * Not thread-safe: its owner calls it under one lock.
 *
 * <ul>
 *   <li>A line longer than an event may be (262,144 bytes less the 26 of overhead) comes as several messages, as the
 *       copier cuts it; each is an event of its own, with the line's timestamp.
 *   <li>Without a multiline pattern every non-empty message is one event; empty lines are dropped (the driver's
 *       {@code processEvent} sends nothing for them, and CloudWatch Logs takes no empty message).
 *   <li>With a multiline pattern (found anywhere in a message, as Go's {@code Regexp.Match}), messages are gathered,
 *       each with a newline added, into one event until a message matching the pattern (or one that would make the
 *       event too large) starts the next; the event carries its first message's timestamp. An event that waited
 *       {@code flushAfter} is sent as it is. As in the driver, the timestamp is only renewed when an event is cut by
 *       the pattern or the size, so lines that follow an event sent for waiting too long get that event's timestamp.
 *       The wait is counted from when the event's first line was read here (not from Docker's timestamp, which would
 *       cut events made of old output read again after a restart).
 * </ul>
 */
final class EventAssembler {

  /** {@code maximumBytesPerEvent}: 262,144 less the 26 bytes CloudWatch Logs counts for each event. */
  static final int MAX_EVENT_BYTES = 262_144 - 26;

  private final Pattern multiline;
  private final long flushAfterMillis;
  private final StringBuilder buffer = new StringBuilder();
  private int bufferBytes;
  private long bufferTimestamp = -1;
  private long bufferReadAt;

  /**
   * @param multiline the start pattern of an event, or null for one event per line
   * @param flushAfterMillis how long a multiline event waits for more lines
   */
  EventAssembler(Pattern multiline, long flushAfterMillis) {
    this.multiline = multiline;
    this.flushAfterMillis = flushAfterMillis;
  }

  /**
   * One line, without its newline.
   *
   * @param readAtMillis when the line was read here
   * @param out receives the events the line completes
   */
  void add(long timestamp, String line, long readAtMillis, List<LogEvent> out) {
    List<String> messages = Utf8Split.pieces(line, MAX_EVENT_BYTES);
    if (multiline == null) {
      for (String message : messages) {
        out.add(LogEvent.of(timestamp, message));
      }
      return;
    }
    if (messages.isEmpty()) {
      messages = List.of(""); // an empty line is a message too: it adds a newline to the event
    }
    for (String message : messages) {
      if (bufferTimestamp < 0) {
        bufferTimestamp = timestamp;
        bufferReadAt = readAtMillis;
      }
      int size = Utf8Split.length(message);
      if (multiline.matcher(message).find() || bufferBytes + size > MAX_EVENT_BYTES) {
        emit(out);
        bufferTimestamp = timestamp;
        bufferReadAt = readAtMillis;
      }
      buffer.append(message);
      bufferBytes += size;
      if (size < MAX_EVENT_BYTES) {
        buffer.append('\n');
        bufferBytes++;
      }
    }
  }

  /** Sends the pending multiline event if it has waited {@code flushAfter} (or the clock went back). */
  void flushIfWaited(long nowMillis, List<LogEvent> out) {
    if (buffer.length() == 0) {
      return;
    }
    long waited = nowMillis - bufferReadAt;
    if (waited >= flushAfterMillis || waited < 0) {
      emit(out);
    }
  }

  /** Sends the pending event: the output has ended. */
  void flush(List<LogEvent> out) {
    emit(out);
  }

  /** Forgets the pending event: its lines will be read again. */
  void discard() {
    buffer.setLength(0);
    bufferBytes = 0;
    bufferTimestamp = -1;
  }

  boolean pending() {
    return buffer.length() > 0;
  }

  private void emit(List<LogEvent> out) {
    if (buffer.length() > 0) {
      for (String piece : Utf8Split.pieces(buffer.toString(), MAX_EVENT_BYTES)) {
        out.add(LogEvent.of(bufferTimestamp, piece));
      }
    }
    buffer.setLength(0);
    bufferBytes = 0;
  }
}
