package dev.ecsemulator.core.service;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.TaskSetNotFoundException;
import dev.ecsemulator.core.model.Scale;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The rules of task sets shared by the API and the service scheduler, and the one resolver of task set
 * references. Pure.
 */
public final class TaskSets {

  /** ECS's quota of task sets per service (aws-samples/ecs-bg-external-controller#6 quotes the limit of 5). */
  public static final int MAX_PER_SERVICE = 5;

  /** The only unit of Scale (Model: ScaleUnit). */
  public static final String PERCENT = "PERCENT";

  private TaskSets() {}

  /**
   * "Calculated by multiplying the service's desiredCount by the task set's scale percentage. The result is always
   * rounded up" (Model docs of TaskSet.computedDesiredCount). Computed in decimal, so that 10 × 10% is 1, not 2. A
   * DRAINING set wants no task.
   */
  public static int computedDesiredCount(TaskSet taskSet, int serviceDesiredCount) {
    if (TaskSetStatus.DRAINING.is(taskSet.status())) {
      return 0;
    }
    double percent = taskSet.scale() == null || taskSet.scale().value() == null ? 0 : taskSet.scale().value();
    return BigDecimal.valueOf(serviceDesiredCount)
        .multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
        .intValueExact();
  }

  /**
   * The scale a request gives, checked, with its unit: 0% when none is given, as the aws-cli example of
   * create-task-set shows a set created without one (<b>unverified</b> beyond that example).
   */
  public static Scale scale(Scale given) {
    double value = given == null || given.value() == null ? 0.0 : given.value();
    if (Double.isNaN(value) || value < 0 || value > 100) {
      throw new InvalidParameterException(TaskSetMessages.SCALE_RANGE);
    }
    return Scale.builder().unit(PERCENT).value(value).build();
  }

  /** The service's task sets, never null. */
  public static List<TaskSet> of(Service service) {
    return service.taskSets() == null ? List.of() : service.taskSets();
  }

  /** The PRIMARY task set, if any. */
  public static Optional<TaskSet> primary(Service service) {
    return of(service).stream().filter(t -> TaskSetStatus.PRIMARY.is(t.status())).findFirst();
  }

  /** The task set a reference (its ID, or its ARN) names, if the service has it. */
  public static Optional<TaskSet> find(Service service, String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    return of(service).stream().filter(t -> ref.equals(t.id()) || ref.equals(t.taskSetArn())).findFirst();
  }

  /**
   * The task set a reference names.
   *
   * @throws TaskSetNotFoundException when the service has none by that ID or ARN
   */
  public static TaskSet require(Service service, String ref) {
    return find(service, ref).orElseThrow(() -> new TaskSetNotFoundException(TaskSetMessages.NOT_FOUND));
  }

  /** The service with each task set's computedDesiredCount as its desiredCount and the set's scale make it. */
  public static Service withComputedCounts(Service service) {
    int desired = ServiceStatus.ACTIVE.is(service.status()) && service.desiredCount() != null
        ? service.desiredCount() : 0;
    return service.toBuilder()
        .taskSets(of(service).stream()
            .map(t -> t.toBuilder().computedDesiredCount(computedDesiredCount(t, desired)).build())
            .toList())
        .build();
  }

  /** The service with {@code taskSet} replacing the set of the same ID. */
  public static Service replace(Service service, TaskSet taskSet) {
    return service.toBuilder()
        .taskSets(of(service).stream().map(t -> t.id().equals(taskSet.id()) ? taskSet : t).toList())
        .build();
  }
}
