package dev.ecsemulator.scheduler.logs;

/**
 * One CloudWatch Logs event made of a container's output.
 *
 * @param timestamp milliseconds since the epoch (Docker's timestamp of its first line)
 * @param message the text, never empty
 * @param bytes the message's size in UTF-8, as PutLogEvents counts it (without its 26 bytes of overhead)
 */
record LogEvent(long timestamp, String message, int bytes) {

  static LogEvent of(long timestamp, String message) {
    return new LogEvent(timestamp, message, Utf8Split.length(message));
  }
}
