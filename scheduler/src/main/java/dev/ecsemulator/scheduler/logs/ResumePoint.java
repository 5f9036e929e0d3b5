package dev.ecsemulator.scheduler.logs;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where shipping a container's output resumes: after what its stream already holds. The stream's newest timestamp
 * says where to ask Docker from ({@link #since}, inclusive, to the millisecond: Docker takes fractional seconds);
 * the messages stored at exactly that millisecond say which of the events made again from there were shipped already
 * (several lines can share a millisecond). Events are shipped in the order they were printed, so everything before
 * that millisecond was shipped. One per reading of the output, by one thread: it counts off what it skips.
 *
 * <p>Limits, both needing a restart at an unlucky moment: a line of stdout and one of stderr whose timestamps are out
 * of order across that millisecond (Docker stamps the two streams on two threads); and, with a multiline pattern, a
 * shipped event that lines printed later would have joined (it was sent for waiting too long).
 */
final class ResumePoint {

  /** Nothing shipped yet: read the whole output. */
  static ResumePoint start() {
    return new ResumePoint(-1, List.of());
  }

  private final long lastMillis;
  private final Map<String, Integer> shippedAtLast = new HashMap<>();
  private boolean leading = true;

  /**
   * @param lastMillis the newest timestamp the stream holds, or -1 when it holds nothing
   * @param messagesAtLast the messages it holds at that timestamp
   */
  ResumePoint(long lastMillis, List<String> messagesAtLast) {
    this.lastMillis = lastMillis;
    messagesAtLast.forEach(m -> shippedAtLast.merge(m, 1, Integer::sum));
  }

  /** Docker's {@code since} ({@code seconds.fraction}), or null to read from the start. */
  String since() {
    if (lastMillis < 0) {
      return null;
    }
    return String.format(Locale.ROOT, "%d.%03d", lastMillis / 1000, lastMillis % 1000);
  }

  /**
   * Whether to drop a line before it is assembled: with a multiline pattern, the lines read before the first that
   * starts an event, if no later than the resume point, end an event that was shipped whole.
   */
  boolean skipsLine(long timestampMillis, String line, Pattern multiline) {
    if (!leading || lastMillis < 0 || multiline == null) {
      return false;
    }
    if (timestampMillis <= lastMillis && !multiline.matcher(line).find()) {
      return true;
    }
    leading = false;
    return false;
  }

  /** Whether the stream holds this event already (an event at the resume point is counted off once). */
  boolean shipped(LogEvent event) {
    if (event.timestamp() < lastMillis) {
      return true;
    }
    if (event.timestamp() > lastMillis) {
      return false;
    }
    Integer left = shippedAtLast.get(event.message());
    if (left == null) {
      return false;
    }
    if (left == 1) {
      shippedAtLast.remove(event.message());
    } else {
      shippedAtLast.put(event.message(), left - 1);
    }
    return true;
  }
}
