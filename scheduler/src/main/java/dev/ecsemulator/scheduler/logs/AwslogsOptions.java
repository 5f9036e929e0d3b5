package dev.ecsemulator.scheduler.logs;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code awslogs} options of one container, read as ECS and Docker's awslogs driver read them: ECS turns
 * {@code awslogs-stream-prefix} into the stream {@code prefix/container-name/task-id} (without it the driver names
 * the stream after the container ID); Docker checks the rest when the container is created (moby
 * {@code daemon/logger/factory.go} {@code ValidateLogOpts}, then the driver's {@code ValidateLogOpt}) and compiles
 * the multiline pattern when it starts. The region defaults to the task's. Pure.
 *
 * @param group {@code awslogs-group}
 * @param region {@code awslogs-region}, else the task's region
 * @param streamPrefix {@code awslogs-stream-prefix}, or null
 * @param stream {@code awslogs-stream} (a Docker option ECS does not document), or null
 * @param createGroup {@code awslogs-create-group}
 * @param createStream {@code awslogs-create-stream} (Docker's; true unless set to false)
 * @param multiline the multiline start pattern ({@code awslogs-multiline-pattern}, or {@code awslogs-datetime-format}
 *     translated as the driver translates it), or null for one event per line
 * @param flushInterval {@code awslogs-force-flush-interval-seconds} (default 5 s): how long a multiline event waits
 *     for more lines
 */
public record AwslogsOptions(String group, String region, String streamPrefix, String stream, boolean createGroup,
    boolean createStream, Pattern multiline, Duration flushInterval) {

  public static final String DRIVER = "awslogs";
  static final String GROUP = "awslogs-group";
  static final String REGION = "awslogs-region";
  static final String STREAM_PREFIX = "awslogs-stream-prefix";
  static final String STREAM = "awslogs-stream";
  static final String CREATE_GROUP = "awslogs-create-group";
  static final String CREATE_STREAM = "awslogs-create-stream";
  static final String DATETIME_FORMAT = "awslogs-datetime-format";
  static final String MULTILINE_PATTERN = "awslogs-multiline-pattern";
  static final String FORCE_FLUSH = "awslogs-force-flush-interval-seconds";
  static final String MAX_BUFFERED_EVENTS = "awslogs-max-buffered-events";
  static final String FORMAT = "awslogs-format";
  static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(5);

  /** The driver's own options ({@code ValidateLogOpt}); {@code tag} is the generic logger tag. */
  private static final Set<String> DRIVER_OPTIONS = Set.of(GROUP, STREAM, CREATE_GROUP, CREATE_STREAM, REGION,
      "awslogs-endpoint", DATETIME_FORMAT, MULTILINE_PATTERN, "awslogs-credentials-endpoint", FORCE_FLUSH,
      MAX_BUFFERED_EVENTS, FORMAT, "tag");
  /** Options every driver takes, which the driver's validator never sees (the cache ones: Docker's dual logging). */
  private static final Set<String> BUILT_IN = Set.of("mode", "max-buffer-size", "cache-disabled", "cache-max-size",
      "cache-max-file", "cache-compress");
  /** go-units {@code RAMInBytes}. */
  private static final Pattern SIZE = Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");
  private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> GO_FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  /**
   * Reads a container's {@code logConfiguration.options} of the awslogs driver.
   *
   * @param options the options as the task definition has them (null is none)
   * @param taskRegion the region of the task, the default of {@code awslogs-region}
   * @throws DriverRefusal with Docker's words, at {@link DriverRefusal.Step#CREATE} for what {@code docker create}
   *     refuses, at {@link DriverRefusal.Step#START} for a multiline pattern that does not compile
   */
  public static AwslogsOptions parse(Map<String, String> options, String taskRegion) {
    Map<String, String> docker = new TreeMap<>(options == null ? Map.of() : options); // sorted: a stable first error
    String prefix = docker.remove(STREAM_PREFIX); // ECS's own option: the agent gets awslogs-stream instead
    checkGeneric(docker);
    for (String key : docker.keySet()) {
      if (!BUILT_IN.contains(key) && !DRIVER_OPTIONS.contains(key)) {
        throw create("unknown log opt '" + key + "' for awslogs log driver");
      }
    }
    String group = docker.getOrDefault(GROUP, "");
    if (group.isEmpty()) {
      throw create("must specify a value for log opt '" + GROUP + "'");
    }
    boolean createGroup = bool(docker, CREATE_GROUP, false);
    boolean createStream = bool(docker, CREATE_STREAM, true);
    Duration flush = Duration.ofSeconds(positive(docker, FORCE_FLUSH, DEFAULT_FLUSH_INTERVAL.toSeconds()));
    positive(docker, MAX_BUFFERED_EVENTS, 4096);
    boolean datetime = docker.containsKey(DATETIME_FORMAT);
    boolean multiline = docker.containsKey(MULTILINE_PATTERN);
    if (datetime && multiline) {
      throw create("you cannot configure log opt '" + DATETIME_FORMAT + "' and '" + MULTILINE_PATTERN
          + "' at the same time");
    }
    String format = docker.getOrDefault(FORMAT, "");
    if (!format.isEmpty()) {
      if (!format.equals("json/emf")) {
        throw create("unsupported log format '" + format + "'");
      }
      if (datetime || multiline) {
        throw create("you cannot configure log opt '" + DATETIME_FORMAT + "' or '" + MULTILINE_PATTERN
            + "' when log opt '" + FORMAT + "' is set to 'json/emf'");
      }
    }
    String region = docker.getOrDefault(REGION, "");
    return new AwslogsOptions(group, region.isEmpty() ? taskRegion : region, emptyToNull(prefix),
        emptyToNull(docker.get(STREAM)), createGroup, createStream, multilinePattern(docker), flush);
  }

  /**
   * The stream the container's output goes to: {@code prefix/container-name/task-id} with a prefix (ECS); else
   * {@code awslogs-stream}; else the container's full ID, Docker's default ({@code {{.FullID}}}).
   */
  public String streamName(String containerName, String taskId, String containerId) {
    if (streamPrefix != null) {
      return streamPrefix + "/" + containerName + "/" + taskId;
    }
    return stream != null ? stream : containerId;
  }

  /** {@code mode} and {@code max-buffer-size}, which Docker checks for every driver first. */
  private static void checkGeneric(Map<String, String> docker) {
    String mode = docker.getOrDefault("mode", "");
    if (!mode.isEmpty() && !mode.equals("blocking") && !mode.equals("non-blocking")) {
      throw create("logger: logging mode not supported: " + mode);
    }
    String size = docker.get("max-buffer-size");
    if (size != null) {
      if (!mode.equals("non-blocking")) {
        throw create("logger: max-buffer-size option is only supported with 'mode=non-blocking'");
      }
      if (!SIZE.matcher(size).matches()) {
        throw create("error parsing option max-buffer-size: invalid size: '" + size + "'");
      }
    }
  }

  /** The multiline start pattern; the datetime format wins over the pattern, as in the driver. */
  private static Pattern multilinePattern(Map<String, String> docker) {
    String format = docker.getOrDefault(DATETIME_FORMAT, "");
    String pattern = format.isEmpty() ? docker.getOrDefault(MULTILINE_PATTERN, "") : StrftimePattern.toRegex(format);
    if (pattern.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      // The driver formats its nil *Regexp with %q, which prints <nil>. After "error parsing regexp:" Go names the
      // fault in its own words; Java's description stands in for them (unverified).
      throw new DriverRefusal(DriverRefusal.Step.START, "awslogs could not parse multiline pattern key <nil>: "
          + "error parsing regexp: " + e.getDescription() + ": `" + pattern + "`", false);
    }
  }

  /** Go's {@code strconv.ParseBool}, worded as the driver reports a bad value. */
  private static boolean bool(Map<String, String> docker, String key, boolean otherwise) {
    String value = docker.getOrDefault(key, "");
    if (value.isEmpty()) {
      return otherwise;
    }
    if (GO_TRUE.contains(value)) {
      return true;
    }
    if (GO_FALSE.contains(value)) {
      return false;
    }
    throw create("must specify valid value for log opt '" + key + "': strconv.ParseBool: parsing \""
        + value + "\": invalid syntax");
  }

  private static long positive(Map<String, String> docker, String key, long otherwise) {
    String value = docker.getOrDefault(key, "");
    if (value.isEmpty()) {
      return otherwise;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw create("must specify a positive integer for log opt '" + key + "': " + value);
  }

  private static DriverRefusal create(String message) {
    return new DriverRefusal(DriverRefusal.Step.CREATE, message, false);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
