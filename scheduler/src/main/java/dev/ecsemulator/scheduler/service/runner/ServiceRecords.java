package dev.ecsemulator.scheduler.service.runner;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskSet;
import dev.ecsemulator.core.service.Deployments;
import dev.ecsemulator.core.state.RecordCheck;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.scheduler.task.TaskRecords;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a stored service holds what the service scheduler needs to plan for it. Pure over one view.
 *
 * <p>Services are durable and read back by later versions, and every member of the generated model may be
 * null. A service that lacks what planning needs is left as it is (no launch, no stop, no write: guessing
 * would launch or stop the wrong tasks), and the engine says so once at WARN. Its tasks are still run
 * and stopped by the task engine. Members the scheduler can do without are not gaps: the cluster comes
 * from the service's key, a missing desiredCount counts as 0, missing deployments as none, a deployment's
 * missing failedTasks as 0 (no failure counted yet).
 *
 * <p>A pass checks its service once, when it reads it back ({@link #PLANNABLE}), and hands the reconciler
 * {@link Check#service() the service as planning sees it}, on which it relies without null checks of its own.
 */
final class ServiceRecords {

  /** The check a pass makes of its service when it reads it back: {@link #check}. */
  static final RecordCheck<Service, Check> PLANNABLE = ServiceRecords::check;

  private ServiceRecords() {}

  /**
   * What {@link #check} found.
   *
   * @param service when {@code gaps} is empty, the service as stored with what planning can do without filled
   *     in: a missing desiredCount as 0, missing deployments as none, a deployment's missing failedTasks as 0;
   *     else null. For planning only: what the pass stores is derived from the service as stored, except the
   *     deployments, which the plan rewrites (so a missing failedTasks is stored as 0 on the first pass).
   * @param gaps what the record lacks for planning, in words; empty when it can be planned
   */
  record Check(Service service, List<String> gaps) implements RecordCheck.Result {

    Check {
      gaps = List.copyOf(gaps);
    }
  }

  /** Whether {@code service} can be planned ({@link #gaps}), and if so, the service planning sees. */
  static Check check(Scope scope, Service service, StateView view) {
    List<String> gaps = gaps(scope, service, view);
    if (!gaps.isEmpty()) {
      return new Check(null, gaps);
    }
    List<Deployment> deployments = service.deployments() == null ? List.of() : service.deployments();
    boolean counted = deployments.stream().allMatch(d -> d.failedTasks() != null);
    if (service.desiredCount() != null && service.deployments() != null && counted) {
      return new Check(service, List.of());
    }
    return new Check(service.toBuilder()
        .desiredCount(service.desiredCount() == null ? 0 : service.desiredCount())
        .deployments(counted ? deployments : deployments.stream()
            .map(d -> d.failedTasks() != null ? d : d.toBuilder().failedTasks(0).build())
            .toList())
        .build(), List.of());
  }

  /**
   * What {@code service} lacks for planning, in words; empty when nothing: a serviceArn and a serviceName
   * (its deployment history is recorded under them), counts and percentages that are not negative, an id
   * for each deployment and each task set (its tasks name it in startedBy) and a deployment's taskDefinition, if
   * any, that is a task definition ARN of {@code scope} (the history looks its revision up), and a PRIMARY
   * deployment whose taskDefinition is stored in {@code scope} (what it launches).
   */
  static List<String> gaps(Scope scope, Service service, StateView view) {
    List<String> gaps = new ArrayList<>();
    if (service.serviceArn() == null) {
      gaps.add("the stored service has no serviceArn");
    } else if (!isServiceArn(service.serviceArn())) {
      gaps.add("the stored service has serviceArn " + service.serviceArn()
          + ", which is not of the form arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME");
    }
    if (service.serviceName() == null) {
      gaps.add("the stored service has no serviceName");
    }
    if (service.desiredCount() != null && service.desiredCount() < 0) {
      gaps.add("the stored service has desiredCount " + service.desiredCount() + ", which is negative");
    }
    DeploymentConfiguration config = service.deploymentConfiguration();
    if (config != null && (negative(config.minimumHealthyPercent()) || negative(config.maximumPercent()))) {
      gaps.add("the stored service has a negative minimumHealthyPercent or maximumPercent");
    }
    List<Deployment> deployments = service.deployments() == null ? List.of() : service.deployments();
    for (int i = 0; i < deployments.size(); i++) {
      Deployment d = deployments.get(i);
      if (d == null || d.id() == null) {
        gaps.add("deployment " + (i + 1) + " of the stored service has no id");
      } else if (d.taskDefinition() != null && TaskRecords.definitionKey(scope, d.taskDefinition()).isEmpty()) {
        // Its revision is looked up for the deployment history: only an ARN of this scope can be.
        gaps.add("deployment " + d.id() + " has taskDefinition " + d.taskDefinition()
            + ", which is not a task definition ARN of " + scope.accountId() + " in " + scope.region());
      }
    }
    List<TaskSet> taskSets = service.taskSets() == null ? List.of() : service.taskSets();
    for (int i = 0; i < taskSets.size(); i++) {
      TaskSet t = taskSets.get(i);
      if (t == null || t.id() == null) {
        gaps.add("task set " + (i + 1) + " of the stored service has no id"); // its tasks name it in startedBy
      }
    }
    if (!gaps.isEmpty() || deployments.isEmpty()) {
      return gaps;
    }
    Deployment primary = Deployments.primary(deployments);
    String definition = primary.taskDefinition();
    if (definition == null) {
      gaps.add("its PRIMARY deployment " + primary.id() + " has no taskDefinition");
    } else if (TaskRecords.definitionKey(scope, definition)
        .flatMap(key -> view.get(EcsKinds.TASK_DEFINITION, key)).isEmpty()) {
      gaps.add("the taskDefinition " + definition + " of its PRIMARY deployment " + primary.id() + " is not stored");
    }
    return gaps;
  }

  private static boolean negative(Integer n) {
    return n != null && n < 0;
  }

  /** {@code arn:...:service/CLUSTER/NAME}: the form the deployment history takes the cluster from. */
  private static boolean isServiceArn(String text) {
    return Arn.parse(text)
        .filter(arn -> "service".equals(arn.resourceType()) && arn.resourcePath().indexOf('/') > 0)
        .isPresent();
  }
}
