package dev.ecsemulator.scheduler.logs;

import java.util.List;

/** Where events go: a log stream of CloudWatch Logs. */
interface EventSink {

  /** Where shipping a container's output resumes: after what its stream holds. */
  ResumePoint resumePoint(ShippingTarget target);

  /**
   * Stores a batch in the target's stream (which must exist).
   *
   * @throws dev.ecsemulator.core.logs.error.LogsException when the group or stream is gone
   */
  void append(ShippingTarget target, List<LogEvent> batch);
}
