package dev.ecsemulator.core.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.instance.ContainerInstances;
import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.core.instance.TaskResources;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.tag.ResourceTagging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places new tasks and records them, inside the caller's store transaction: the one path by which RunTask,
 * StartTask and the service scheduler create tasks. FARGATE tasks need no instance; EC2 tasks go on the
 * cluster's local container instance (registered at the cluster's first EC2 placement) while it has room,
 * and what does not fit comes back as {@code failures} with ECS's reasons (RESOURCE:CPU, RESOURCE:MEMORY,
 * RESOURCE:PORTS, or AGENT when the Docker engine does not answer).
 */
public final class TaskCreation {

  /** What a launch produced. */
  public record Result(List<Task> started, List<Failure> failures) {}

  private final Ids ids;
  private final String emulatorId;

  public TaskCreation(Ids ids, String emulatorId) {
    this.ids = ids;
    this.emulatorId = emulatorId;
  }

  /**
   * Creates one task per ID in {@code taskIds} from {@code template} (whose containerInstanceArn is
   * ignored: placement decides it), with {@code tags} stored for each.
   */
  public Result create(StateTxn txn, LaunchSpec template, List<String> taskIds, List<Tag> tags,
      HostResources engine, Instant now) {
    List<Task> started = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    if (template.isFargate()) {
      for (String id : taskIds) {
        started.add(record(txn, template, id, tags, now));
      }
      return new Result(started, failures);
    }
    ContainerInstance instance = ContainerInstances.ensureLocal(
        txn, template.scope(), template.clusterName(), emulatorId, engine, now);
    if (!engine.connected()) {
      // As when an instance's agent is disconnected: the placement fails with reason AGENT.
      taskIds.forEach(id -> failures.add(failure(instance, "AGENT")));
      return new Result(started, failures);
    }
    TaskResources need = TaskResources.of(template.definition(), template.overrides());
    ContainerInstance described = ContainerInstances.describe(txn, instance, true);
    LaunchSpec onInstance = new LaunchSpec(template.scope(), template.clusterName(), template.definition(),
        template.launchType(), template.capacityProviderName(), instance.containerInstanceArn(),
        template.overrides(), template.group(), template.startedBy(), template.enableExecuteCommand(),
        template.platformVersion(), template.networkConfiguration());
    for (String id : taskIds) {
      Optional<String> misfit = ContainerInstances.misfit(described, need);
      if (misfit.isPresent()) {
        failures.add(failure(instance, misfit.get()));
        continue;
      }
      started.add(record(txn, onInstance, id, tags, now));
      described = ContainerInstances.withPlaced(described, need);
    }
    return new Result(started, failures);
  }

  /** {@code n} fresh task IDs. */
  public List<String> newTaskIds(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(ids.taskId());
    }
    return out;
  }

  private Task record(StateTxn txn, LaunchSpec spec, String taskId, List<Tag> tags, Instant now) {
    Task task = TaskFactory.create(spec, taskId, ids, now);
    txn.put(TASK, EcsKinds.taskKey(spec.clusterName(), taskId), task);
    if (tags.isEmpty()) {
      return task;
    }
    ResourceTagging.put(txn, task.taskArn(), tags);
    return task.toBuilder().tags(tags).build();
  }

  private static Failure failure(ContainerInstance instance, String reason) {
    return Failure.builder().arn(instance.containerInstanceArn()).reason(reason).build();
  }
}
