package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.model.EphemeralStorage;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import java.util.Optional;

/**
 * A Fargate task's ephemeral storage: 20 GiB unless its task definition or the RunTask overrides ask for more, from
 * 21 to 200 GiB (Model EphemeralStorage.sizeInGiB: "The minimum supported value is 21 GiB and the maximum supported
 * value is 200 GiB"; Guide {@code fargate-task-storage.md}: "each task receives 20 GB of ephemeral storage" by
 * default). Pure.
 */
public final class EphemeralStorageSize {

  /** What a Fargate task on platform 1.4.0 gets when nothing asks for more. */
  public static final int DEFAULT_GIB = 20;
  public static final int MIN_GIB = 21;
  public static final int MAX_GIB = 200;

  private EphemeralStorageSize() {}

  /**
   * What is wrong with a requested size, in AWS's words, if anything. "EphemeralStorage size should be at least 21"
   * is seen (guardian/cdk#1101, CloudFormation relaying RegisterTaskDefinition's answer for 20); "... at most 200" is
   * the same sentence's other bound, as a public measurement of RegisterTaskDefinition quotes it (not a verbatim
   * capture: unverified).
   */
  public static Optional<String> violation(EphemeralStorage requested) {
    if (requested == null || requested.sizeInGiB() == null) {
      return Optional.empty();
    }
    if (requested.sizeInGiB() < MIN_GIB) {
      return Optional.of("EphemeralStorage size should be at least " + MIN_GIB);
    }
    if (requested.sizeInGiB() > MAX_GIB) {
      return Optional.of("EphemeralStorage size should be at most " + MAX_GIB);
    }
    return Optional.empty();
  }

  /** The size a Fargate task of {@code definition} started with {@code overrides} (either may say nothing) reports. */
  public static EphemeralStorage forFargateTask(TaskDefinition definition, TaskOverride overrides) {
    EphemeralStorage asked = overrides != null && overrides.ephemeralStorage() != null
        ? overrides.ephemeralStorage() : definition.ephemeralStorage();
    int size = asked == null || asked.sizeInGiB() == null ? DEFAULT_GIB : asked.sizeInGiB();
    return new EphemeralStorage(size);
  }
}
