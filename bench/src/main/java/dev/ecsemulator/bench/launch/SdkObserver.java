package dev.ecsemulator.bench.launch;

import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.core.task.TaskStatus;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A launch as a user sees it (issue 21's external definition): the AWS SDK v2 {@link EcsClient}, with the SDK's own
 * HTTP client, sends RunTask, then DescribeTasks every {@code poll} until the task's {@code lastStatus} is RUNNING;
 * the time runs from before RunTask to the answer of the DescribeTasks that shows RUNNING. Not thread-safe.
 */
final class SdkObserver implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final EcsClient client;
  private final Duration poll;

  SdkObserver(URI endpoint, Duration poll) {
    this.client = EcsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench")))
        .build();
    this.poll = poll;
  }

  /** One observed launch: the task's ARN and how long until DescribeTasks showed it RUNNING. */
  record Observed(String taskArn, long runTaskNanos, long runningNanos, int polls) {}

  /**
   * Runs one task of {@code family} and polls until it is RUNNING.
   *
   * @throws IllegalStateException when RunTask reports a failure, or the task stops, or it is not RUNNING in time
   */
  Observed launch(String family) {
    RunTaskRequest.Builder request = RunTaskRequest.builder().cluster(LaunchKinds.CLUSTER).taskDefinition(family)
        .launchType(LaunchType.EC2);
    if (family.equals(LaunchKinds.AWSVPC)) {
      request.networkConfiguration(NetworkConfiguration.builder().awsvpcConfiguration(
          AwsVpcConfiguration.builder().subnets(LaunchKinds.SUBNET).build()).build());
    }
    long begin = System.nanoTime();
    RunTaskResponse answer = client.runTask(request.build());
    long answered = System.nanoTime();
    if (!answer.failures().isEmpty() || answer.tasks().size() != 1) {
      throw new IllegalStateException("RunTask failed: " + answer.failures());
    }
    String arn = answer.tasks().get(0).taskArn();
    int[] polls = {0};
    Poll.until(arn + " RUNNING", TIMEOUT, poll, () -> {
      polls[0]++;
      Task task = client.describeTasks(b -> b.cluster(LaunchKinds.CLUSTER).tasks(List.of(arn))).tasks().get(0);
      if (TaskStatus.RUNNING.is(task.lastStatus())) {
        return task;
      }
      if (TaskStatus.STOPPED.is(task.lastStatus())) {
        throw new IllegalStateException("task " + arn + " stopped instead of reaching RUNNING: " + task.stoppedReason());
      }
      return null;
    });
    long seen = System.nanoTime();
    return new Observed(arn, answered - begin, seen - begin, polls[0]);
  }

  /** DescribeTasks of one task, back to back, for {@code duration}: JIT warm-up of the SDK's polled path. */
  int warmUp(String taskArn, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    int calls = 0;
    while (System.nanoTime() < end) {
      client.describeTasks(b -> b.cluster(LaunchKinds.CLUSTER).tasks(List.of(taskArn)));
      calls++;
    }
    return calls;
  }

  @Override
  public void close() {
    client.close();
  }
}
