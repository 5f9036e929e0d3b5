package dev.ecsemulator.scheduler.logs;

import java.util.regex.Pattern;

/**
 * The log group and stream names CreateLogStream takes (the CloudWatch Logs model: {@code LogGroupName} 1–512 of
 * {@code [\.\-_/#A-Za-z0-9]}, {@code LogStreamName} 1–512 without {@code :} or {@code *}), refused as the driver
 * reports the service's validation error. The driver calls the service, which checks them; the emulator's store does
 * not, so they are checked here. Pure.
 */
final class LogNames {

  static final String GROUP_PATTERN = "[\\.\\-_/#A-Za-z0-9]+";
  static final String STREAM_PATTERN = "[^:*]*";
  private static final Pattern GROUP = Pattern.compile(GROUP_PATTERN);
  private static final Pattern STREAM = Pattern.compile(STREAM_PATTERN);
  private static final int MAX = 512;

  private LogNames() {}

  /** @throws DriverRefusal at the start, as a failed CreateLogStream */
  static void check(String group, String stream) {
    check(group, "logGroupName", GROUP, GROUP_PATTERN);
    check(stream, "logStreamName", STREAM, STREAM_PATTERN);
  }

  private static void check(String value, String member, Pattern pattern, String patternText) {
    String constraint = null;
    if (value.length() > MAX) {
      constraint = "Member must have length less than or equal to " + MAX;
    } else if (value.isEmpty()) {
      constraint = "Member must have length greater than or equal to 1";
    } else if (!pattern.matcher(value).matches()) {
      constraint = "Member must satisfy regular expression pattern: " + patternText;
    }
    if (constraint != null) {
      // The service's validation wording, as the emulator's API words it; the driver's frame around it (verified for
      // other errors) is assumed.
      throw new DriverRefusal(DriverRefusal.Step.START, "failed to create Cloudwatch log stream: "
          + "InvalidParameterException: 1 validation error detected: Value '" + value + "' at '" + member
          + "' failed to satisfy constraint: " + constraint, true);
    }
  }
}
