package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.runtime.ListedContainer;
import java.util.List;
import java.util.Map;

/**
 * Which tasks the periodic resync must pass over, from one call of Docker's container list instead of an inspect per
 * container. A task that is RUNNING, should run, and whose every container Docker lists in the state and health its
 * record holds has nothing to repair: its pass would inspect, decide nothing and write nothing. Every other task gets
 * its pass (the pass inspects, records and acts as it would without this triage), so a container that died or was
 * removed without an event is still noticed within one resync interval. Pure.
 */
final class ResyncTriage {

  private ResyncTriage() {}

  /** Whether {@code task}'s record agrees with Docker's list ({@code listed}, by container ID). */
  static boolean current(Task task, Map<String, ListedContainer> listed) {
    if (!TaskStatus.RUNNING.is(task.lastStatus()) || !TaskStatus.RUNNING.is(task.desiredStatus())) {
      return false; // on its way somewhere: its pass moves it on
    }
    List<Container> containers = task.containers();
    if (containers == null || containers.isEmpty()) {
      return false;
    }
    for (Container c : containers) {
      ListedContainer seen = c.runtimeId() == null ? null : listed.get(c.runtimeId());
      if (seen == null || !Observations.state(seen.state()).name().equals(c.lastStatus())
          || !Observations.health(seen.health()).equals(c.healthStatus())) {
        return false;
      }
    }
    return true;
  }
}
