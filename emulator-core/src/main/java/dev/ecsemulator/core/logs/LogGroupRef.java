package dev.ecsemulator.core.logs;

import static dev.ecsemulator.core.logs.LogsKinds.GROUP;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.logs.error.ResourceNotFoundException;
import dev.ecsemulator.core.logs.error.ValidationException;
import dev.ecsemulator.core.state.StateView;

/** The one resolver of the log group a request names: by {@code logGroupName}, or by a name or ARN identifier. */
public final class LogGroupRef {

  /** Recorded from AWS (LocalStack's snapshot of DescribeLogStreams with both). */
  static final String BOTH = "LogGroup name and LogGroup ARN are mutually exclusive parameters.";
  /** Unverified wording, after the one above. */
  static final String NEITHER = "Either LogGroup name or LogGroup ARN must be specified.";

  private LogGroupRef() {}

  /**
   * The name of the group {@code logGroupName} or {@code logGroupIdentifier} (a name or a log group ARN) names.
   *
   * @throws ValidationException if both or neither are given
   * @throws ResourceNotFoundException "The specified log group does not exist." for an ARN of another account, region
   *     or resource type
   */
  public static String nameOf(Scope scope, String logGroupName, String logGroupIdentifier) {
    if (logGroupName != null && logGroupIdentifier != null) {
      throw new ValidationException(BOTH);
    }
    if (logGroupName != null) {
      return logGroupName;
    }
    if (logGroupIdentifier == null) {
      throw new ValidationException(NEITHER);
    }
    if (logGroupIdentifier.startsWith("arn:")) {
      return LogArns.groupName(scope, logGroupIdentifier).orElseThrow(ResourceNotFoundException::logGroup);
    }
    return logGroupIdentifier;
  }

  /** @throws ResourceNotFoundException "The specified log group does not exist." */
  public static StoredLogGroup require(StateView view, String group) {
    return view.get(GROUP, LogKeys.group(group)).orElseThrow(ResourceNotFoundException::logGroup);
  }

  /**
   * The group, which a deletion may touch.
   *
   * @throws ValidationException when its deletion protection is on (the model lists ValidationException for the
   *     deletions; the wording is unverified)
   */
  static StoredLogGroup requireDeletable(StateView view, String group) {
    StoredLogGroup stored = require(view, group);
    if (Boolean.TRUE.equals(stored.deletionProtectionEnabled())) {
      throw new ValidationException("Log group " + group + " has deletion protection enabled. Disable it with "
          + "PutLogGroupDeletionProtection before deleting.");
    }
    return stored;
  }
}
