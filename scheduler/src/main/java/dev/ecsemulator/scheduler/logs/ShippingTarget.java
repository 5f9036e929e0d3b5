package dev.ecsemulator.scheduler.logs;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.Task;
import java.util.Optional;

/**
 * Where one container's output goes: its log group and stream, in the task's account and the awslogs region.
 *
 * @param containerId the Docker ID
 * @param tty whether the container has a TTY ({@code pseudoTerminal}): its output is then not multiplexed
 * @param logScope the task's account, in {@code awslogs-region}
 * @param stream the stream name ({@link AwslogsOptions#streamName})
 * @param fargate whether the task runs on Fargate (its errors are worded as Fargate's)
 */
record ShippingTarget(String containerId, String containerName, boolean tty, Scope logScope, String group,
    String stream, AwslogsOptions options, boolean fargate) {

  /**
   * The target of a container whose log driver is awslogs; empty for any other driver.
   *
   * @param taskScope the task's account and region
   * @throws DriverRefusal when Docker would refuse the options
   */
  static Optional<ShippingTarget> of(Scope taskScope, Task task, ContainerDefinition container, String containerId) {
    LogConfiguration log = container.logConfiguration();
    if (log == null || !AwslogsOptions.DRIVER.equals(log.logDriver())) {
      return Optional.empty();
    }
    AwslogsOptions options = AwslogsOptions.parse(log.options(), taskScope.region());
    String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
    boolean tty = Boolean.TRUE.equals(container.pseudoTerminal());
    return Optional.of(new ShippingTarget(containerId, container.name(), tty,
        new Scope(taskScope.accountId(), options.region()), options.group(),
        options.streamName(container.name(), taskId, containerId), options, "FARGATE".equals(task.launchType())));
  }

  @Override
  public String toString() {
    return "container " + containerName + " (" + containerId + ") → " + logScope + " " + group + " " + stream;
  }
}
