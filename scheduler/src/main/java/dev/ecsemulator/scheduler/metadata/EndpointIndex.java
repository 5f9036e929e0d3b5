package dev.ecsemulator.scheduler.metadata;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.runtime.EndpointIds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Maps the IDs in endpoint URIs back to the task (and container) they were made for: the agent's
 * {@code TaskARNByV3EndpointID}/{@code DockerIDByV3EndpointID} and its credentials manager's lookup. The IDs
 * are keyed hashes ({@link EndpointIds}), so they cannot be inverted: the index computes them for every stored
 * task, at start and whenever a task is created, and forgets them when the task is purged. A caller is
 * identified by the ID in its path alone, as by the agent. Thread-safe.
 */
public final class EndpointIndex {

  /** The task an ID names: where it is stored, and its ARN. */
  public record TaskRef(Scope scope, String key, String taskArn) {}

  /** The container an endpoint ID names. */
  public record ContainerRef(TaskRef task, String containerName) {}

  private final EndpointIds ids;
  private final Map<String, ContainerRef> containers = new ConcurrentHashMap<>();
  private final Map<String, TaskRef> credentials = new ConcurrentHashMap<>();
  private volatile Consumer<String> forgotten = id -> { };

  private EndpointIndex(EndpointIds ids) {
    this.ids = ids;
  }

  /** An index of every task in {@code store} now and from now on. */
  public static EndpointIndex of(StateStore store, EndpointIds ids) {
    EndpointIndex index = new EndpointIndex(ids);
    store.subscribe(index::onChanges); // first, so that no task created during the scan is missed
    for (Scope scope : store.scopes()) {
      store.read(scope, v -> {
        for (String key : v.keys(TASK)) {
          v.get(TASK, key).ifPresent(task -> index.add(scope, key, task));
        }
        return null;
      });
    }
    return index;
  }

  public Optional<ContainerRef> container(String endpointId) {
    return Optional.ofNullable(endpointId == null ? null : containers.get(endpointId));
  }

  public Optional<TaskRef> credentials(String credentialsId) {
    return Optional.ofNullable(credentialsId == null ? null : credentials.get(credentialsId));
  }

  /** Tells {@code listener} the credentials ID of each task that is purged (so its credentials go too). */
  public void onForgotten(Consumer<String> listener) {
    this.forgotten = listener;
  }

  private void onChanges(List<Change> changes) {
    for (Change change : changes) {
      if (change.kind() != TASK) {
        continue;
      }
      if (change.after() != null && change.before() == null) {
        add(change.scope(), change.key(), (Task) change.after());
      } else if (change.after() == null && change.before() != null) {
        remove((Task) change.before());
      }
    }
  }

  private void add(Scope scope, String key, Task task) {
    if (task.taskArn() == null) {
      return;
    }
    TaskRef ref = new TaskRef(scope, key, task.taskArn());
    credentials.put(ids.credentials(task.taskArn()), ref);
    for (Container container : task.containers() == null ? List.<Container>of() : task.containers()) {
      if (container.name() != null) {
        containers.put(ids.container(task.taskArn(), container.name()), new ContainerRef(ref, container.name()));
      }
    }
  }

  private void remove(Task task) {
    if (task.taskArn() == null) {
      return;
    }
    String credentialsId = ids.credentials(task.taskArn());
    credentials.remove(credentialsId);
    forgotten.accept(credentialsId);
    for (Container container : task.containers() == null ? List.<Container>of() : task.containers()) {
      if (container.name() != null) {
        containers.remove(ids.container(task.taskArn(), container.name()));
      }
    }
  }
}
