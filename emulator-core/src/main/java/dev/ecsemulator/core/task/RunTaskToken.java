package dev.ecsemulator.core.task;

import dev.ecsemulator.core.state.Kind;
import java.time.Instant;
import java.util.List;

/**
 * A RunTask {@code clientToken} and what it started, so that a retried RunTask returns the same tasks
 * instead of starting new ones (Model: RunTaskRequest.clientToken). {@code requestDigest} tells a retry
 * from a different request with the same token (ConflictException).
 */
public record RunTaskToken(String clientToken, String requestDigest, List<String> taskArns, Instant createdAt) {

  /** Key: the cluster name and the token. */
  public static final Kind<RunTaskToken> KIND = Kind.of("run-task-token", RunTaskToken.class);

  public RunTaskToken {
    taskArns = List.copyOf(taskArns);
  }

  public static String key(String clusterName, String clientToken) {
    return clusterName + "/" + clientToken;
  }
}
