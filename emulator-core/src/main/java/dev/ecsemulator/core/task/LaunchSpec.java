package dev.ecsemulator.core.task;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.NetworkConfiguration;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;

/**
 * Everything that decides the shape of one new task, already validated: what RunTask, StartTask and the
 * service scheduler hand to {@link TaskFactory}.
 *
 * @param launchType FARGATE or EC2 (a capacity provider strategy is resolved to one before this)
 * @param capacityProviderName the provider that placed it, when a strategy was used, else null
 * @param containerInstanceArn the instance it runs on (EC2), else null
 */
public record LaunchSpec(
    Scope scope,
    String clusterName,
    TaskDefinition definition,
    String launchType,
    String capacityProviderName,
    String containerInstanceArn,
    TaskOverride overrides,
    String group,
    String startedBy,
    boolean enableExecuteCommand,
    String platformVersion,
    NetworkConfiguration networkConfiguration) {

  /** The task definition's network mode; {@code bridge} when it names none (Model docs). */
  public String networkMode() {
    return definition.networkMode() == null ? "bridge" : definition.networkMode();
  }

  public boolean isFargate() {
    return "FARGATE".equals(launchType);
  }
}
