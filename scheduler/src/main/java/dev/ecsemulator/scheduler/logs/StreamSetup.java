package dev.ecsemulator.scheduler.logs;

import dev.ecsemulator.core.logs.LogGroups;
import dev.ecsemulator.core.logs.LogStreams;
import dev.ecsemulator.core.logs.error.LogsException;
import dev.ecsemulator.core.logs.error.ResourceAlreadyExistsException;
import dev.ecsemulator.core.logs.error.ResourceNotFoundException;
import dev.ecsemulator.core.logs.model.CreateLogGroupRequest;

/**
 * What Docker's awslogs driver does when a container starts: make the container's log stream (and its group, when
 * asked), or refuse the start with the failed call's error. Thread-safe: each step is one store transaction, and
 * what exists already is taken as it is.
 */
final class StreamSetup {

  private final LogGroups groups;
  private final LogStreams streams;

  StreamSetup(LogGroups groups, LogStreams streams) {
    this.groups = groups;
    this.streams = streams;
  }

  /**
   * The stream, as the driver's {@code create} makes it: the stream first; if the group is missing and
   * {@code awslogs-create-group} is true, the group, then the stream again. Existing ones are fine.
   *
   * @throws DriverRefusal at the start, with the failed call's error
   */
  void create(ShippingTarget target) {
    if (!target.options().createStream()) {
      return; // awslogs-create-stream=false: the driver creates nothing
    }
    LogNames.check(target.group(), target.stream());
    try {
      createStream(target);
    } catch (ResourceNotFoundException missing) {
      if (!target.options().createGroup()) {
        throw refusal("failed to create Cloudwatch log stream", missing);
      }
      try {
        groups.create(target.logScope(), CreateLogGroupRequest.builder().logGroupName(target.group()).build());
      } catch (ResourceAlreadyExistsException created) {
        // made meanwhile: fine
      } catch (LogsException e) {
        throw refusal("failed to create Cloudwatch log group", e);
      }
      try {
        createStream(target);
      } catch (LogsException e) {
        throw refusal("failed to create Cloudwatch log stream", e);
      }
    } catch (LogsException e) {
      throw refusal("failed to create Cloudwatch log stream", e);
    }
  }

  private void createStream(ShippingTarget target) {
    try {
      streams.create(target.logScope(), target.group(), target.stream());
    } catch (ResourceAlreadyExistsException exists) {
      // a container started again, or a stream made in advance: the driver takes it as it is
    }
  }

  private static DriverRefusal refusal(String what, LogsException e) {
    return new DriverRefusal(DriverRefusal.Step.START, what + ": " + e.errorCode() + ": " + e.getMessage(), true);
  }
}
