package dev.ecsemulator.scheduler.service;

import java.util.List;

/**
 * The observed state of one service at the instant of a reconcile.
 *
 * @param tasks every task of the service the store holds, STOPPED ones included, and every task the
 *     previous plan launched (the caller records launched tasks before reconciling again, or the
 *     reconciler launches them a second time)
 * @param containerInstanceArns for a DAEMON service, the container instances that should each run one
 *     task (ACTIVE and meeting the placement constraints: filtering is the caller's job); ignored for
 *     REPLICA
 * @param unplacedTasks how many tasks the previous plan launched that the caller could not place (no
 *     container instance met their requirements) and therefore never created; each counts as a task
 *     that failed to start
 * @param waitingForAgent how many tasks the previous plan launched that the caller could not place
 *     because no container instance's agent was connected (the Docker engine did not answer): reported
 *     like {@code unplacedTasks}, but never counted as tasks that failed to start, so an outage of the
 *     engine does not throttle the service's launches once the engine is back
 */
public record ServiceObservation(List<ObservedTask> tasks, List<String> containerInstanceArns, int unplacedTasks,
    int waitingForAgent) {

  public ServiceObservation {
    tasks = List.copyOf(tasks);
    containerInstanceArns = containerInstanceArns == null ? List.of() : List.copyOf(containerInstanceArns);
    if (unplacedTasks < 0 || waitingForAgent < 0) {
      throw new IllegalArgumentException("unplaced counts must not be negative: " + unplacedTasks + ", " + waitingForAgent);
    }
  }

  /** With every launch that could be placed placed, or counted in {@code unplacedTasks}. */
  public ServiceObservation(List<ObservedTask> tasks, List<String> containerInstanceArns, int unplacedTasks) {
    this(tasks, containerInstanceArns, unplacedTasks, 0);
  }

  /** A REPLICA observation: just the tasks. */
  public static ServiceObservation ofTasks(List<ObservedTask> tasks) {
    return new ServiceObservation(tasks, List.of(), 0);
  }
}
