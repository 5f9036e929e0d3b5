package dev.ecsemulator.core.ssm.error;

/** AWS error {@code HierarchyLevelLimitExceededException}: the parameter name has more than 15 levels. */
public final class HierarchyLevelLimitExceededException extends SsmException {
  public HierarchyLevelLimitExceededException(String message) {
    super(message);
  }
}
