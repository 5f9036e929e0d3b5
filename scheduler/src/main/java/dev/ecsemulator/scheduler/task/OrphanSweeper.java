package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;
import dev.ecsemulator.scheduler.runtime.ManagedVolume;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes our containers and task-scoped volumes whose task the store no longer knows: what clears orphans after a
 * restart, and after the engine or its event stream comes back (the task engine's full resync). Shared volumes the
 * emulator provisioned are left: they outlive tasks. Idempotent; thread-safe.
 */
final class OrphanSweeper {

  private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);

  private final StateStore store;
  private final ContainerRuntime runtime;

  OrphanSweeper(StateStore store, ContainerRuntime runtime) {
    this.store = store;
    this.runtime = runtime;
  }

  /** Sweeps once; an engine that does not answer is logged, not thrown. */
  void sweep() {
    try {
      // Containers and volumes first, known tasks second: a task is committed before its containers and volumes
      // are created, so every one listed here belongs to a task the store already holds when it is read next.
      // The other order would remove those of a task launched in between.
      List<ObservedContainer> containers = runtime.listManaged();
      List<ManagedVolume> volumes = runtime.listManagedVolumes();
      Set<String> known = new HashSet<>();
      for (Scope scope : store.scopes()) {
        store.read(scope, v -> v.list(TASK)).forEach(t -> known.add(t.taskArn()));
      }
      for (ObservedContainer container : containers) {
        String arn = container.taskArn();
        if (arn != null && !known.contains(arn)) {
          log.info("Removing container {} of unknown task {}", container.name(), arn);
          runtime.removeContainer(container.id());
        }
      }
      // After the containers: Docker keeps a volume that a container still uses.
      for (ManagedVolume volume : volumes) {
        if (volume.taskScoped() && !known.contains(volume.taskArn())) {
          log.info("Removing volume {} of unknown task {}", volume.name(), volume.taskArn());
          runtime.removeVolume(volume.name());
        }
      }
    } catch (ContainerRuntimeException e) {
      log.warn("Could not sweep orphan containers and volumes: {}", e.reason());
    }
  }
}
