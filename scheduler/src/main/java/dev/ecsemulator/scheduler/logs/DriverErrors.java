package dev.ecsemulator.scheduler.logs;

import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException.ErrorName;

/**
 * A {@link DriverRefusal} as ECS reports it, in a container's {@code reason} and the task's {@code stoppedReason}.
 * Pure.
 *
 * <ul>
 *   <li>EC2 (the agent and Docker's driver): {@code CannotCreateContainerError: Error response from daemon: ...} for
 *       options Docker refuses; {@code CannotStartContainerError: Error response from daemon: failed to initialize
 *       logging driver: ...} at the start, where a failed CloudWatch Logs call ends as the AWS SDK for Go prints it:
 *       {@code ... status code: 400, request id: ...}. Captured for a missing group (ECS console and ecs-cli, quoted
 *       in cn-terraform/terraform-aws-ecs-fargate-task-definition#1, Rayraegah/terraform-aws-hasura#25):
 *       {@code CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to
 *       create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. status code:
 *       400, request id: 7463029c-...}.
 *   <li>Fargate: {@code ResourceInitializationError: failed to validate logger args: create stream has been retried 1
 *       times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not
 *       exist. : exit status 1} (captured, quoted in a public Terraform configuration); the same frame around the
 *       other CloudWatch failures is seen too (AccessDeniedException of CreateLogGroup). Around option errors it is
 *       unverified.
 * </ul>
 */
final class DriverErrors {

  private DriverErrors() {}

  /**
   * @param fargate whether the task runs on Fargate
   * @param requestId the request ID the failed CloudWatch Logs call answered with (EC2 wording only)
   */
  static ContainerRuntimeException reported(DriverRefusal refusal, boolean fargate, String requestId) {
    String message = refusal.getMessage();
    if (fargate) {
      String retried = refusal.cloudWatchCall() ? "create stream has been retried 1 times: " : "";
      return new ContainerRuntimeException(ErrorName.RESOURCE_INITIALIZATION,
          "failed to validate logger args: " + retried + message + " : exit status 1");
    }
    if (refusal.step() == DriverRefusal.Step.CREATE) {
      return new ContainerRuntimeException(ErrorName.CANNOT_CREATE_CONTAINER, "Error response from daemon: " + message);
    }
    String sdk = refusal.cloudWatchCall() ? " status code: 400, request id: " + requestId : "";
    return new ContainerRuntimeException(ErrorName.CANNOT_START_CONTAINER,
        "Error response from daemon: failed to initialize logging driver: " + message + sdk);
  }
}
