package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.hostaccess.HostAccessUse;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.runtime.UnresolvedInput;
import java.util.List;

/** The stoppedReason of tasks that cannot start for want of something outside them. Pure. */
final class StartFailures {

  private StartFailures() {}

  /** ECS on Fargate fails a task whose files or volumes it cannot fetch this way (stopped-task-errors). */
  static String unresolved(List<UnresolvedInput> unresolved) {
    UnresolvedInput first = unresolved.get(0);
    String what = switch (first.kind()) {
      case ENVIRONMENT_FILE -> "failed to download env files: ecs-emulator cannot fetch " + first.source()
          + " for container " + first.containerName();
      case VOLUME -> "failed to mount volume " + first.name() + ": " + first.source()
          + " is not available to ecs-emulator";
    };
    return "ResourceInitializationError: " + what;
  }

  /**
   * A task that asks for host-level access while the emulator does not allow it. ECS has no such failure (an EC2
   * instance runs what its agent is given), so the wording is the emulator's own, in the form of the agent's
   * CannotCreateContainerError: what was asked for, and the option that allows it.
   */
  static String hostAccess(HostAccessUse use) {
    return "CannotCreateContainerError: ecs-emulator refuses host-level access: " + use.description()
        + ". Start the emulator with --allow-host-access (ECS_EMULATOR_ALLOW_HOST_ACCESS=true) to allow it";
  }

  /**
   * A Fargate task that cannot be provisioned because the engine does not answer: Fargate's
   * ResourceInitializationError (Guide {@code stopped-task-error-codes.md}), naming the engine.
   */
  static String engineUnreachable(EngineStatus status) {
    return "ResourceInitializationError: failed to start the task: the Docker engine at " + status.host()
        + " does not answer (" + status.error() + ")";
  }

  /**
   * A task whose pass failed unexpectedly: {@link TaskRecords#reason} naming the exception (the emulator's own
   * wording; ECS has no such state).
   */
  static String unexpected(RuntimeException e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return TaskRecords.reason(List.of("it failed unexpectedly (" + e.getClass().getSimpleName() + message
        + "), a bug of ecs-emulator"));
  }
}
