package dev.ecsemulator.scheduler.logs;

/**
 * One line a container printed, as {@code docker logs --timestamps} gives it back: Docker's timestamp (when the
 * line was read from the container), the stream, and the text without its newline.
 */
record DockerLogLine(long timestampNanos, boolean stderr, String text) {

  /** The timestamp in milliseconds, as CloudWatch Logs keeps it (Docker's awslogs driver truncates the same way). */
  long timestampMillis() {
    return Math.floorDiv(timestampNanos, 1_000_000L);
  }
}
