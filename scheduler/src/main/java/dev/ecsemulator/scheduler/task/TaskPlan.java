package dev.ecsemulator.scheduler.task;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link TaskReconciler#decide} asks for. Immutable. The runner applies the actions in order; an action
 * that fails in Docker ends the plan there ({@link TaskReconciler#afterFailure} decides what that means).
 *
 * @param actions what to do now, in order
 * @param observeAgain whether the pass observes the task again and decides once more after applying: the actions
 *     changed what Docker or the task shows (containers created, started or stopped; a start failed)
 * @param wakeAt when the decision next changes by the clock alone (a dependency's startTimeout); the caller runs a
 *     pass then at the latest
 */
public record TaskPlan(List<TaskAction> actions, boolean observeAgain, Optional<Instant> wakeAt) {

  public TaskPlan {
    actions = List.copyOf(actions);
    Objects.requireNonNull(wakeAt, "wakeAt");
  }

  static TaskPlan done(List<TaskAction> actions) {
    return new TaskPlan(actions, false, Optional.empty());
  }

  static TaskPlan thenObserve(List<TaskAction> actions) {
    return new TaskPlan(actions, true, Optional.empty());
  }
}
