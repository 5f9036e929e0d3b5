package dev.ecsemulator.scheduler.task;

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
   * A Fargate task that cannot be provisioned because the engine does not answer: Fargate's
   * ResourceInitializationError (Guide {@code stopped-task-error-codes.md}), naming the engine.
   */
  static String engineUnreachable(EngineStatus status) {
    return "ResourceInitializationError: failed to start the task: the Docker engine at " + status.host()
        + " does not answer (" + status.error() + ")";
  }
}
