package dev.ecsemulator.scheduler.service;

import java.util.Objects;

/**
 * One task the plan launches. The caller creates it with this ID, {@code startedBy} the deployment ID,
 * {@code group} {@code service:NAME} and this task definition, and records it (PROVISIONING or PENDING)
 * before the next reconcile.
 *
 * @param taskId the new task's ID (32 lowercase hex characters), chosen by the {@link dev.ecsemulator.core.Ids}
 * @param deploymentId the deployment it belongs to ({@code ecs-svc/...}): its {@code startedBy}
 * @param taskDefinition the task definition ARN of that deployment
 * @param containerInstanceArn for a DAEMON service, the container instance it must run on; null for
 *     REPLICA (the caller places it)
 */
public record TaskLaunch(String taskId, String deploymentId, String taskDefinition, String containerInstanceArn) {

  public TaskLaunch {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(deploymentId, "deploymentId");
  }
}
