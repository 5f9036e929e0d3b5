package dev.ecsemulator.scheduler.logs;

import dev.ecsemulator.core.logs.LogEvents;
import dev.ecsemulator.core.logs.model.InputLogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Events into the emulator's own CloudWatch Logs, through its shipping API ({@link LogEvents#append}). */
final class StoreSink implements EventSink {

  private final LogEvents events;

  StoreSink(LogEvents events) {
    this.events = events;
  }

  @Override
  public ResumePoint resumePoint(ShippingTarget target) {
    OptionalLong last = events.lastTimestamp(target.logScope(), target.group(), target.stream());
    if (last.isEmpty()) {
      return ResumePoint.start();
    }
    return new ResumePoint(last.getAsLong(),
        events.messagesAt(target.logScope(), target.group(), target.stream(), last.getAsLong()));
  }

  @Override
  public void append(ShippingTarget target, List<LogEvent> batch) {
    List<InputLogEvent> input = new ArrayList<>(batch.size());
    for (LogEvent event : batch) {
      input.add(new InputLogEvent(event.message(), event.timestamp()));
    }
    // The driver never creates a stream when it sends: one that went missing loses what is sent to it.
    events.append(target.logScope(), target.group(), target.stream(), input, false);
  }
}
