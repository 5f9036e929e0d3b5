package dev.ecsemulator.core.task;

import static dev.ecsemulator.core.EcsKinds.CONTAINER_INSTANCE;
import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.error.ConflictException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerOverride;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.RunTaskRequest;
import dev.ecsemulator.core.model.RunTaskResponse;
import dev.ecsemulator.core.model.StartTaskRequest;
import dev.ecsemulator.core.model.StartTaskResponse;
import dev.ecsemulator.core.model.StopTaskRequest;
import dev.ecsemulator.core.model.StopTaskResponse;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.core.service.TaskLoadBalancers;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.core.tag.TagRules;
import dev.ecsemulator.core.taskdef.TaskDefinitions;
import dev.ecsemulator.core.taskdef.TaskSize;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * RunTask, StartTask and StopTask: validate, place, and record the tasks' desired state in one store
 * transaction. Nothing here touches Docker: the task engine reacts to the stored tasks, so the response
 * comes back at once with the tasks PROVISIONING or PENDING. Thread-safe.
 */
public final class TaskCommands {

  /** StopTask's default reason (Guide task-lifecycle; observed outputs). */
  public static final String STOPPED_BY_USER = "Task stopped by user";

  private final StateStore store;
  private final TaskCreation creation;
  private final Clock clock;
  private final Supplier<HostResources> host;

  /**
   * @param host the local engine as a container instance; must not block (a cached status)
   * @param emulatorId this emulator's instance ID, which names its container instances
   */
  public TaskCommands(StateStore store, Ids ids, Clock clock, Supplier<HostResources> host, String emulatorId) {
    this.store = store;
    this.creation = new TaskCreation(ids, emulatorId);
    this.clock = clock;
    this.host = host;
  }

  public RunTaskResponse run(Scope scope, RunTaskRequest request) {
    int count = request.count() == null ? 1 : request.count();
    if (count < 1 || count > 10) {
      throw new InvalidParameterException("count must be between 1 and 10.");
    }
    LaunchLimits.check(request.startedBy(), request.clientToken(), request.overrides());
    List<Tag> tags = TagRules.validate(request.tags());
    HostResources engine = host.get();
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, request.cluster());
      String clusterName = cluster.clusterName();
      TaskDefinition definition = TaskDefinitions.resolveForLaunch(txn, scope, request.taskDefinition());
      String digest = digest(request);
      if (request.clientToken() != null) {
        Optional<RunTaskToken> seen = txn.get(RunTaskToken.KIND, RunTaskToken.key(clusterName, request.clientToken()));
        if (seen.isPresent()) {
          return replay(txn, seen.get(), digest);
        }
      }
      List<LaunchTypes.Choice> choices = LaunchTypes.chooseEach(request.launchType(),
          request.capacityProviderStrategy(), cluster, Map.of(), count);
      LaunchTypes.Choice choice = choices.get(0);
      LaunchTypes.checkCompatible(definition, choice.launchType());
      LaunchTypes.checkNetworkConfiguration(definition, request.networkConfiguration());
      checkOverrides(definition, request.overrides());
      LaunchLimits.checkPlacement(definition, request.placementConstraints(), request.placementStrategy());
      List<Tag> taskTags = withPropagated(txn, definition, request.propagateTags(), tags,
          Boolean.TRUE.equals(request.enableECSManagedTags()) ? clusterName : null);

      List<Task> started = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      // One placement per provider the strategy splits the tasks among (one in all without a strategy).
      for (Map.Entry<LaunchTypes.Choice, Integer> group : countsByChoice(choices).entrySet()) {
        LaunchTypes.Choice where = group.getKey();
        LaunchSpec spec = launch(scope, clusterName, definition, where, null, request.overrides(), request.group(),
            request.startedBy(), request.enableExecuteCommand(),
            where.launchType().equals("FARGATE") ? request.platformVersion() : null, request.networkConfiguration());
        TaskCreation.Result result = creation.create(txn, spec, creation.newTaskIds(group.getValue()), taskTags,
            engine, now);
        started.addAll(result.started());
        failures.addAll(result.failures());
      }
      if (request.clientToken() != null) {
        txn.put(RunTaskToken.KIND, RunTaskToken.key(clusterName, request.clientToken()),
            new RunTaskToken(request.clientToken(), digest, started.stream().map(Task::taskArn).toList(), now));
      }
      return RunTaskResponse.builder().tasks(started).failures(failures).build();
    });
  }

  public StartTaskResponse start(Scope scope, StartTaskRequest request) {
    if (request.containerInstances().isEmpty() || request.containerInstances().size() > 10) {
      throw new InvalidParameterException("containerInstances must name between 1 and 10 container instances.");
    }
    LaunchLimits.check(request.startedBy(), null, request.overrides());
    List<Tag> tags = TagRules.validate(request.tags());
    HostResources engine = host.get();
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, request.cluster());
      String clusterName = cluster.clusterName();
      TaskDefinition definition = TaskDefinitions.resolveForLaunch(txn, scope, request.taskDefinition());
      LaunchTypes.checkCompatible(definition, "EC2");
      LaunchTypes.checkNetworkConfiguration(definition, request.networkConfiguration());
      checkOverrides(definition, request.overrides());
      List<Tag> taskTags = withPropagated(txn, definition, request.propagateTags(), tags,
          Boolean.TRUE.equals(request.enableECSManagedTags()) ? clusterName : null);
      List<Task> started = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      LaunchSpec spec = launch(scope, clusterName, definition, new LaunchTypes.Choice("EC2", null), null,
          request.overrides(), request.group(), request.startedBy(), request.enableExecuteCommand(), null,
          request.networkConfiguration());
      for (String ref : request.containerInstances()) {
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        if (txn.get(CONTAINER_INSTANCE, EcsKinds.containerInstanceKey(clusterName, id)).isEmpty()) {
          failures.add(Failure.builder().arn(ref).reason("MISSING").build());
          continue;
        }
        // The emulator has one instance per cluster: the local engine, which the ID names.
        TaskCreation.Result result = creation.create(txn, spec, creation.newTaskIds(1), taskTags, engine, now);
        started.addAll(result.started());
        failures.addAll(result.failures());
      }
      return StartTaskResponse.builder().tasks(started).failures(failures).build();
    });
  }

  /**
   * StopTask: desiredStatus STOPPED at once; the engine stops the containers. A running task of a service behind a
   * load balancer is DEACTIVATING first: its targets are deregistered and drain before its containers get SIGTERM,
   * as when the service scheduler stops it (Guide {@code task-lifecycle.md}; unverified for StopTask: users reported
   * SIGTERM before the deregistration in 2019, aws/containers-roadmap#708, since closed). Idempotent.
   */
  public StopTaskResponse stop(Scope scope, StopTaskRequest request) {
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, request.cluster());
      String id = request.task().substring(request.task().lastIndexOf('/') + 1);
      String key = EcsKinds.taskKey(cluster.clusterName(), id);
      Task task = txn.get(TASK, key)
          // Wording seen in AWS answers quoted in public code.
          .orElseThrow(() -> new InvalidParameterException("The referenced task was not found."));
      String reason = request.reason() == null || request.reason().isEmpty() ? STOPPED_BY_USER : request.reason();
      Task stopped = TaskLifecycle.requestStop(task, "UserInitiated", reason, now,
          TaskLoadBalancers.registers(txn, cluster.clusterName(), task));
      txn.put(TASK, key, stopped);
      return new StopTaskResponse(stopped);
    });
  }

  /** How many tasks go to each place, in the order the places first come. */
  private static Map<LaunchTypes.Choice, Integer> countsByChoice(List<LaunchTypes.Choice> choices) {
    Map<LaunchTypes.Choice, Integer> counts = new LinkedHashMap<>();
    choices.forEach(choice -> counts.merge(choice, 1, Integer::sum));
    return counts;
  }

  private LaunchSpec launch(Scope scope, String clusterName, TaskDefinition definition, LaunchTypes.Choice choice,
      String containerInstanceArn, TaskOverride overrides, String group, String startedBy, Boolean exec,
      String platformVersion, dev.ecsemulator.core.model.NetworkConfiguration network) {
    return new LaunchSpec(scope, clusterName, definition, choice.launchType(), choice.capacityProviderName(),
        containerInstanceArn, overrides, group, startedBy, Boolean.TRUE.equals(exec), platformVersion, network);
  }

  private static RunTaskResponse replay(StateTxn txn, RunTaskToken token, String digest) {
    if (!token.requestDigest().equals(digest)) {
      // Model: ConflictException "The RunTask request could not be processed due to conflicts. The provided
      // clientToken is already in use with a different RunTask request."
      throw new ConflictException("The RunTask request could not be processed due to conflicts. The provided "
          + "clientToken is already in use with a different RunTask request.", token.taskArns());
    }
    List<Task> tasks = new ArrayList<>();
    for (String arn : token.taskArns()) {
      String[] parts = arn.substring(arn.indexOf(":task/") + 6).split("/");
      txn.get(TASK, EcsKinds.taskKey(parts[0], parts[1])).ifPresent(tasks::add);
    }
    return RunTaskResponse.builder().tasks(tasks).failures(List.of()).build();
  }

  private static void checkOverrides(TaskDefinition definition, TaskOverride overrides) {
    if (overrides == null) {
      return;
    }
    // Task-level cpu and memory overrides take the forms RegisterTaskDefinition takes ("512", "1 vCPU", "2 GB").
    TaskSize.parse(overrides.cpu(), overrides.memory());
    if (overrides.containerOverrides() == null) {
      return;
    }
    for (ContainerOverride o : overrides.containerOverrides()) {
      boolean known = definition.containerDefinitions().stream().anyMatch(cd -> cd.name().equals(o.name()));
      if (!known) {
        // Wording seen in AWS answers quoted in public reports.
        throw new InvalidParameterException("Override for container named " + o.name()
            + " is not a container in the TaskDefinition.");
      }
    }
  }

  /**
   * The task's tags: the caller's, plus the task definition's with propagateTags TASK_DEFINITION, plus
   * {@code aws:ecs:clusterName} with enableECSManagedTags. SERVICE propagation is the service scheduler's.
   */
  private static List<Tag> withPropagated(StateTxn txn, TaskDefinition definition, String propagate, List<Tag> tags,
      String managedClusterName) {
    List<Tag> out = new ArrayList<>(tags);
    if ("TASK_DEFINITION".equals(propagate)) {
      ResourceTagging.get(txn, definition.taskDefinitionArn()).forEach(tag -> {
        if (out.stream().noneMatch(x -> x.key().equals(tag.key()))) {
          out.add(tag);
        }
      });
    } else if (propagate != null && !propagate.equals("NONE") && !propagate.equals("SERVICE")) {
      throw new ClientException("propagateTags must be TASK_DEFINITION, SERVICE or NONE.");
    }
    if (managedClusterName != null) {
      out.add(new Tag("aws:ecs:clusterName", managedClusterName));
    }
    return out;
  }

  private static String digest(RunTaskRequest request) {
    try {
      return EcsJson.mapper().writeValueAsString(request.toBuilder().clientToken(null).build());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
