package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.ContainerDependency;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.RecordCheck;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.task.ContainerObservation;
import dev.ecsemulator.core.task.ContainerStatus;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.core.taskdef.TaskDefinitionRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a stored task holds what the task engine needs to run, observe and stop it, and the stop of one
 * that does not. Pure (the {@link #check} reads one consistent view).
 *
 * <p>Why it exists: tasks are durable and read back by later versions, and every member of the generated
 * model may be null (a member added to a stored record reads as null from older files; a record seeded by
 * hand or written by a bug may lack any). The engine never throws on such a record: a task that lacks what
 * running needs is stopped once, with stop code {@value #STOP_CODE} and a stoppedReason naming every gap
 * (the emulator's own wording: ECS has no such state). A STOPPED (or DELETED) task is left alone whatever it
 * lacks.
 *
 * <p>A pass checks its task once, when it reads it back ({@link #RUNNABLE}); past that point the task engine's
 * decision ({@link TaskReconciler}) and the runner rely on what {@link #gaps(Task)} and
 * {@link #gaps(Task, TaskDefinition)} check, without null checks of their own. What handles final or incomplete
 * tasks ({@link UnrunnableTasks}, the stopped-task cleaner) reads their {@link #remains} once instead; only
 * {@link #stopped}, which rewrites such a record, takes no member for granted itself.
 */
public final class TaskRecords {

  /** The stop code of a task stopped because its record is incomplete (the code of a task that cannot start). */
  public static final String STOP_CODE = "TaskFailedToStart";

  /** The stoppedReason of such a task starts with this; the gaps follow, separated by "; ". */
  public static final String REASON_PREFIX = "ecs-emulator cannot run this task: ";

  private static final Set<String> CONDITIONS = Set.of("START", "COMPLETE", "SUCCESS", "HEALTHY");

  /** The check a pass makes of its task when it reads it back: {@link #check}. */
  public static final RecordCheck<Task, Check> RUNNABLE = TaskRecords::check;

  private TaskRecords() {}

  /**
   * What {@link #check} found: the task definition to run the task with, or the gaps that stop it.
   *
   * @param definition the task's stored task definition when {@code gaps} is empty, else possibly null
   * @param gaps what the record lacks, in words; empty when the task can run
   */
  public record Check(TaskDefinition definition, List<String> gaps) implements RecordCheck.Result {

    public Check {
      gaps = List.copyOf(gaps);
    }

    public boolean runnable() {
      return complete();
    }

    /** The stoppedReason for these gaps. */
    public String reason() {
      return TaskRecords.reason(gaps);
    }

    static Check gaps(List<String> gaps) {
      return new Check(null, gaps);
    }
  }

  /** The task's lastStatus as a {@link TaskStatus}; empty when it is missing or not one. */
  public static Optional<TaskStatus> lastStatus(Task task) {
    return lastStatus(task.lastStatus());
  }

  /** A lastStatus as a {@link TaskStatus}; empty when null or not one (unlike {@link TaskStatus#of}). */
  public static Optional<TaskStatus> lastStatus(String lastStatus) {
    return Arrays.stream(TaskStatus.values()).filter(s -> s.name().equals(lastStatus)).findFirst();
  }

  /**
   * Whether the task has ended: lastStatus STOPPED, or DELETED (a status ECS reports after STOPPED that
   * the emulator never writes). The engine only cleans such a task up and purges it.
   */
  public static boolean isFinal(Task task) {
    return TaskStatus.STOPPED.is(task.lastStatus()) || "DELETED".equals(task.lastStatus());
  }

  /**
   * Whether the engine can run, observe and stop {@code task} in {@code scope}: its own members
   * ({@link #gaps(Task)}), then its task definition, stored in this scope ({@link #gaps(Task, TaskDefinition)}).
   */
  public static Check check(Scope scope, Task task, StateView view) {
    List<String> own = gaps(task);
    if (!own.isEmpty()) {
      return Check.gaps(own);
    }
    String arn = task.taskDefinitionArn();
    Optional<String> key = definitionKey(scope, arn);
    if (key.isEmpty()) {
      return Check.gaps(List.of("its taskDefinitionArn " + arn + " does not name a task definition of "
          + scope.accountId() + " in " + scope.region()));
    }
    Optional<TaskDefinition> definition = view.get(EcsKinds.TASK_DEFINITION, key.get());
    if (definition.isEmpty()) {
      return Check.gaps(List.of("its task definition " + arn + " is not stored"));
    }
    return new Check(definition.get(), gaps(task, definition.get()));
  }

  /**
   * What the task's own record lacks for the engine, in words; empty when nothing: a taskArn, a lastStatus
   * and a desiredStatus it knows, a taskDefinitionArn, and its containers, each with a name and a
   * container status (PENDING, RUNNING or STOPPED).
   */
  public static List<String> gaps(Task task) {
    List<String> gaps = new ArrayList<>();
    if (task.taskArn() == null) {
      gaps.add("the stored task has no taskArn");
    }
    if (task.lastStatus() == null) {
      gaps.add("the stored task has no lastStatus");
    } else if (lastStatus(task).isEmpty() && !isFinal(task)) {
      gaps.add("the stored task has lastStatus " + task.lastStatus() + ", which is not a task status");
    }
    if (task.desiredStatus() == null) {
      gaps.add("the stored task has no desiredStatus");
    } else if (!TaskStatus.RUNNING.is(task.desiredStatus()) && !TaskStatus.STOPPED.is(task.desiredStatus())) {
      gaps.add("the stored task has desiredStatus " + task.desiredStatus() + ", which is neither RUNNING nor STOPPED");
    }
    if (task.taskDefinitionArn() == null) {
      gaps.add("the stored task has no taskDefinitionArn");
    }
    if (task.containers() == null) {
      gaps.add("the stored task has no containers");
      return gaps;
    }
    for (int i = 0; i < task.containers().size(); i++) {
      Container c = task.containers().get(i);
      if (c == null) {
        gaps.add("container " + (i + 1) + " of the stored task is empty");
        continue;
      }
      String name = c.name() != null ? c.name() : String.valueOf(i + 1);
      if (c.name() == null) {
        gaps.add("container " + name + " of the stored task has no name");
      }
      if (c.lastStatus() == null) {
        gaps.add("container " + name + " of the stored task has no lastStatus");
      } else if (Arrays.stream(ContainerObservation.State.values()).noneMatch(s -> s.name().equals(c.lastStatus()))) {
        gaps.add("container " + name + " of the stored task has lastStatus " + c.lastStatus()
            + ", which is not a container status");
      }
    }
    return gaps;
  }

  /**
   * What the task definition lacks for running {@code task}, in words; empty when nothing: container
   * definitions, each with a name and an image, dependsOn entries that name one of them with a known
   * condition (registration refuses the rest), and the same container names as the task (the engine
   * creates, observes and stops the task's containers by their definitions).
   *
   * @param task a task with no {@link #gaps(Task) gaps of its own}
   */
  public static List<String> gaps(Task task, TaskDefinition definition) {
    String arn = task.taskDefinitionArn();
    List<ContainerDefinition> cds = definition.containerDefinitions();
    if (cds == null || cds.isEmpty()) {
      return List.of("its task definition " + arn + " has no containerDefinitions");
    }
    List<String> gaps = new ArrayList<>();
    Set<String> names = new HashSet<>();
    cds.stream().filter(cd -> cd != null && cd.name() != null).forEach(cd -> names.add(cd.name()));
    Set<String> inTask = new java.util.LinkedHashSet<>();
    task.containers().forEach(c -> inTask.add(c.name()));
    for (int i = 0; i < cds.size(); i++) {
      ContainerDefinition cd = cds.get(i);
      String which = "container definition " + (cd == null || cd.name() == null ? String.valueOf(i + 1) : cd.name())
          + " of " + arn;
      if (cd == null || cd.name() == null) {
        gaps.add(which + " has no name");
        continue;
      }
      if (cd.image() == null) {
        gaps.add(which + " has no image");
      }
      for (ContainerDependency dep : cd.dependsOn() == null ? List.<ContainerDependency>of() : cd.dependsOn()) {
        if (dep == null || dep.containerName() == null || !names.contains(dep.containerName())) {
          gaps.add(which + " depends on " + (dep == null ? null : dep.containerName())
              + ", which is not a container of the task definition");
        } else if (dep.condition() == null || !CONDITIONS.contains(dep.condition())) {
          gaps.add(which + " depends on " + dep.containerName() + " with condition " + dep.condition()
              + ", which is not a dependency condition");
        }
      }
      if (!inTask.contains(cd.name())) {
        gaps.add("the stored task has no container " + cd.name() + " of its task definition");
      }
    }
    for (String name : inTask) {
      if (!names.contains(name)) {
        gaps.add("container " + name + " of the stored task is not in its task definition " + arn);
      }
    }
    return gaps;
  }

  /**
   * The store key of the task definition {@code arn} names, when it is a task definition ARN of
   * {@code scope} ({@code arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION}); else empty.
   * Never throws.
   */
  public static Optional<String> definitionKey(Scope scope, String arn) {
    if (arn == null || !Arn.looksLikeArn(arn)) {
      return Optional.empty();
    }
    try {
      return TaskDefinitionRef.parse(scope, arn)
          .filter(ref -> ref.revision() != null)
          .map(ref -> EcsKinds.taskDefinitionKey(ref.family(), ref.revision()));
    } catch (InvalidParameterException e) {
      return Optional.empty(); // a revision that is not a number
    }
  }

  /** The stoppedReason naming {@code gaps}, cut to ECS's 1024 characters. */
  public static String reason(List<String> gaps) {
    String reason = REASON_PREFIX + String.join("; ", gaps) + ".";
    return reason.length() <= TaskLifecycle.MAX_REASON ? reason : reason.substring(0, TaskLifecycle.MAX_REASON);
  }

  /**
   * The task stopped because the engine cannot run it, in one step (there is nothing left for a later pass
   * to observe): desiredStatus and lastStatus STOPPED; stop code {@value #STOP_CODE} and {@code reason},
   * unless a stop was asked before (the first reason wins, as in {@link TaskLifecycle}); stoppingAt and
   * executionStoppedAt kept or now, stoppedAt now; containers not yet STOPPED marked so; an ENI attachment
   * DELETED; version + 1. Takes no member for granted. A final task is returned unchanged.
   */
  public static Task stopped(Task task, String reason, Instant now) {
    if (isFinal(task)) {
      return task;
    }
    boolean stopAsked = TaskStatus.STOPPED.is(task.desiredStatus())
        && (task.stopCode() != null || task.stoppedReason() != null);
    Task.Builder next = task.toBuilder()
        .desiredStatus(TaskStatus.STOPPED.name())
        .lastStatus(TaskStatus.STOPPED.name())
        .stoppingAt(task.stoppingAt() != null ? task.stoppingAt() : now)
        .executionStoppedAt(task.executionStoppedAt() != null ? task.executionStoppedAt() : now)
        .stoppedAt(now)
        .version(task.version() == null ? 1 : task.version() + 1);
    if (!stopAsked) {
      next.stopCode(STOP_CODE).stoppedReason(reason);
    }
    if (task.containers() != null) {
      next.containers(task.containers().stream()
          .map(c -> c == null || ContainerStatus.STOPPED.is(c.lastStatus()) ? c
              : c.toBuilder().lastStatus(ContainerStatus.STOPPED.name()).build())
          .toList());
    }
    if (task.attachments() != null) {
      next.attachments(task.attachments().stream()
          .map(a -> a != null && "ElasticNetworkInterface".equals(a.type()) ? a.toBuilder().status("DELETED").build() : a)
          .toList());
    }
    return next.build();
  }

  /**
   * What the engine can find in Docker of a stored task, complete or not: read once from the record, where the task
   * is read back for its stop or its clean-up, so that those take nothing of the record for granted without null
   * checks of their own.
   *
   * @param taskArn the task's ARN, which its containers and sandbox carry as a label; empty when the record has none
   * @param runtimeIds its recorded containers' Docker IDs
   * @param runtimeIdsToStop those of them that may still run: not STOPPED as last seen
   */
  public record Remains(Optional<String> taskArn, List<String> runtimeIds, List<String> runtimeIdsToStop) {

    public Remains {
      runtimeIds = List.copyOf(runtimeIds);
      runtimeIdsToStop = List.copyOf(runtimeIdsToStop);
    }

    /** The task's ARN, else {@code ref}: what names it in a log line. */
    public Object name(TaskRef ref) {
      return taskArn.<Object>map(arn -> arn).orElse(ref);
    }
  }

  /** What of {@code task} the engine can find in Docker. Never throws, whatever member is null. */
  public static Remains remains(Task task) {
    List<Container> recorded = task.containers() == null ? List.of()
        : task.containers().stream().filter(c -> c != null && c.runtimeId() != null).toList();
    return new Remains(Optional.ofNullable(task.taskArn()),
        recorded.stream().map(Container::runtimeId).toList(),
        recorded.stream().filter(c -> !ContainerStatus.STOPPED.is(c.lastStatus())).map(Container::runtimeId).toList());
  }
}
