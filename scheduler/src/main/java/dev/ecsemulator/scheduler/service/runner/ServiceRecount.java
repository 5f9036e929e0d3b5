package dev.ecsemulator.scheduler.service.runner;

import static dev.ecsemulator.core.EcsKinds.SERVICE;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.service.ServiceHistory;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.scheduler.service.ObservedTask;
import dev.ecsemulator.scheduler.service.TaskCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Brings the stored counts of every service in line with its stored tasks ({@link TaskCounts#recount}),
 * for the emulator to run once at start, before it answers any request.
 *
 * <p>Why: each {@link ServiceRunner} stores the counts it observed, so while the emulator runs a count lags
 * its tasks only until the next pass, which every task change triggers (ECS's counts are eventually
 * consistent too). Across a restart that no longer holds: the tasks may have changed after the last pass
 * (a graceful stop with {@code --stop-tasks-on-exit} closes the engine first, then stops every task),
 * and until the engine's first pass DescribeServices would show counts from the previous process, e.g.
 * {@code runningCount} 2 with every task STOPPED, on which {@code aws ecs wait services-stable} could
 * return. Tasks that change at start-up afterwards (the task engine's first resync stops tasks whose
 * containers vanished) trigger a pass like any task change.
 *
 * <p>Why at start, and not at a graceful stop or whenever a service is shown: recounting at the stop, after
 * {@code --stop-tasks-on-exit} stopped the tasks, would miss every stop that is not graceful (a
 * {@code kill -9} between a task's change and the pass it triggers leaves the same stale counts), while the
 * saved state cannot change between two processes, so a recount before the first answer covers every
 * case. Counting from the tasks whenever a service is shown, as clusters count theirs, would scan the
 * tasks on every DescribeServices, need these scheduler rules in the core module, and still leave the
 * stored records (and the service deployments that copy their counts) stale.
 *
 * <p>Only the counts change: deployments are not moved along, no task is launched or stopped, no event is
 * added (that is the engine's job, with the Docker engine's state at hand). INACTIVE services are left
 * alone: their counts were zeroed when they became INACTIVE and nothing reconciles them again.
 */
public final class ServiceRecount {

  private ServiceRecount() {}

  /**
   * Recounts every ACTIVE and DRAINING service of every scope: one store write per scope, which commits
   * only the services (and their service deployments' counts) that change. Idempotent; safe to run beside
   * the engine (each scope's write sees its committed tasks), though meant to run before it.
   *
   * @return how many services' counts changed
   */
  public static int all(StateStore store, Clock clock) {
    int changed = 0;
    for (Scope scope : store.scopes()) {
      changed += store.write(scope, txn -> recountScope(txn, scope, clock.instant()));
    }
    return changed;
  }

  private static int recountScope(StateTxn txn, Scope scope, Instant now) {
    int changed = 0;
    for (String key : txn.keys(SERVICE)) {
      Service service = txn.get(SERVICE, key).orElseThrow();
      if (ServiceStatus.INACTIVE.is(service.status())) {
        continue;
      }
      // The tasks as each pass sees them, so that a recount agrees with what the last pass stored.
      List<ObservedTask> tasks = ServiceRunner.observedTasks(txn, ServiceRef.ofKey(scope, key));
      Service recounted = TaskCounts.recount(service, tasks, now);
      if (!recounted.equals(service)) {
        txn.put(SERVICE, key, recounted);
        if (recounted.deployments() != null) {
          ServiceHistory.syncCounts(txn, recounted, now);
        }
        changed++;
      }
    }
    return changed;
  }
}
