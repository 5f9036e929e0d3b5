package dev.ecsemulator.scheduler.service.runner;

import static dev.ecsemulator.scheduler.service.runner.EngineHarness.CLUSTER;
import static dev.ecsemulator.scheduler.service.runner.EngineHarness.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceDeployment;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.service.ServiceHistory;
import dev.ecsemulator.core.task.TaskLifecycle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ServiceRecount} against a real store: the state a graceful stop with {@code --stop-tasks-on-exit}
 * leaves (the engine closed first, then every task stopped), recounted as the next start does.
 */
class ServiceRecountTest {

  final EngineHarness h = new EngineHarness();

  @AfterEach
  void close() {
    h.close();
  }

  /** The engine closes, then every task is asked to stop and stops, as Emulator#close does. */
  void stopLikeAGracefulStopWithStopTasksOnExit() {
    h.engine.close();
    h.store.write(SCOPE, txn -> {
      for (Task t : txn.list(EcsKinds.TASK)) {
        txn.put(EcsKinds.TASK, EcsKinds.taskKey(CLUSTER, EngineHarness.id(t)),
            TaskLifecycle.requestStop(t, "UserInitiated", "shut down", h.clock.instant()));
      }
      return null;
    });
    h.finishStops();
  }

  @Test
  void countsSavedBeforeTheTasksStoppedAreRecountedFromTheTasks() {
    h.register("web", "ecs-emulator/sample-web:1", true);
    h.create(b -> b.taskDefinition("web").desiredCount(2));
    h.runPending();
    h.advance(Duration.ofSeconds(10));
    stopLikeAGracefulStopWithStopTasksOnExit();
    Service saved = h.service();
    assertThat(h.tasks(t -> true)).hasSize(2).allMatch(t -> "STOPPED".equals(t.lastStatus()));
    assertThat(saved.runningCount()).as("the stale count this fixes").isEqualTo(2);

    h.advance(Duration.ofSeconds(10));
    int changed = ServiceRecount.all(h.store, h.clock);

    assertThat(changed).isEqualTo(1);
    Service recounted = h.service();
    assertThat(List.of(recounted.runningCount(), recounted.pendingCount())).containsExactly(0, 0);
    Deployment primary = recounted.deployments().get(0);
    assertThat(List.of(primary.runningCount(), primary.pendingCount())).containsExactly(0, 0);
    assertThat(primary.updatedAt()).isEqualTo(h.clock.instant());
    assertThat(recounted.events()).as("no event: the engine's job").isEqualTo(saved.events());
    assertThat(primary.rolloutState()).isEqualTo(saved.deployments().get(0).rolloutState());
    assertThat(h.tasks(t -> true)).as("nothing launched").hasSize(2);
    ServiceDeployment history = h.store.read(SCOPE, v -> ServiceHistory.of(v, saved.serviceArn())).get(0);
    assertThat(history.targetServiceRevision().runningTaskCount()).isZero();
    assertThat(history.status()).isEqualTo("SUCCESSFUL");

    assertThat(ServiceRecount.all(h.store, h.clock)).as("idempotent").isZero();
    assertThat(h.service()).isEqualTo(recounted);
  }

  @Test
  void aServiceWhoseCountsAgreeIsNotWritten() {
    h.register("web", "ecs-emulator/sample-web:1", true);
    h.create(b -> b.taskDefinition("web").desiredCount(2));
    h.runPending();
    Service saved = h.service();

    assertThat(ServiceRecount.all(h.store, h.clock)).isZero();
    assertThat(h.service()).isSameAs(saved);
  }
}
