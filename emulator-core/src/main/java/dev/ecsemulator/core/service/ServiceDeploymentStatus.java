package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code status} of a service deployment, the history record ListServiceDeployments shows (Model:
 * ServiceDeploymentStatus). {@link ServiceHistory} says which transitions the emulator makes.
 */
public enum ServiceDeploymentStatus implements ApiEnum {
  PENDING(false),
  SUCCESSFUL(true),
  STOPPED(true),
  STOP_REQUESTED(false),
  IN_PROGRESS(false),
  ROLLBACK_REQUESTED(false),
  ROLLBACK_IN_PROGRESS(false),
  ROLLBACK_SUCCESSFUL(true),
  ROLLBACK_FAILED(true);

  private static final Set<String> UNFINISHED = Arrays.stream(values())
      .filter(s -> !s.finished).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final boolean finished;

  ServiceDeploymentStatus(boolean finished) {
    this.finished = finished;
  }

  /**
   * Whether {@code status} is one a service deployment still moves on from: PENDING, IN_PROGRESS or one of
   * the *_REQUESTED and ROLLBACK_IN_PROGRESS; false for a final or unknown one.
   *
   * @throws NullPointerException for a null status
   */
  public static boolean isUnfinished(String status) {
    return UNFINISHED.contains(status);
  }
}
