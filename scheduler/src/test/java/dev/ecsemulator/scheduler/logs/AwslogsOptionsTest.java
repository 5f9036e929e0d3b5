package dev.ecsemulator.scheduler.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwslogsOptionsTest {

  static Map<String, String> options(String... pairs) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("awslogs-group", "/ecs/web");
    for (int i = 0; i < pairs.length; i += 2) {
      options.put(pairs[i], pairs[i + 1]);
    }
    return options;
  }

  static AwslogsOptions parse(String... pairs) {
    return AwslogsOptions.parse(options(pairs), "us-east-1");
  }

  @Test
  void defaultsAreDockersAndTheTasksRegion() {
    AwslogsOptions options = parse();

    assertThat(options.group()).isEqualTo("/ecs/web");
    assertThat(options.region()).isEqualTo("us-east-1");
    assertThat(options.createGroup()).isFalse();
    assertThat(options.createStream()).isTrue();
    assertThat(options.multiline()).isNull();
    assertThat(options.flushInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(parse("awslogs-region", "eu-west-1").region()).isEqualTo("eu-west-1");
  }

  @Test
  void theStreamIsPrefixContainerTaskWithAPrefixElseTheContainerId() {
    assertThat(parse("awslogs-stream-prefix", "web").streamName("app", "0123abc", "f00d"))
        .isEqualTo("web/app/0123abc");
    assertThat(parse().streamName("app", "0123abc", "f00d")).isEqualTo("f00d");
    assertThat(parse("awslogs-stream-prefix", "").streamName("app", "0123abc", "f00d")).isEqualTo("f00d");
    assertThat(parse("awslogs-stream", "mine").streamName("app", "0123abc", "f00d")).isEqualTo("mine");
  }

  @ParameterizedTest
  @CsvSource({"true, true", "True, true", "1, true", "t, true", "false, false", "FALSE, false", "0, false"})
  void createGroupTakesWhatGosParseBoolTakes(String value, boolean expected) {
    assertThat(parse("awslogs-create-group", value).createGroup()).isEqualTo(expected);
  }

  @Test
  void modeAndMaxBufferSizeAreAccepted() {
    assertThat(parse("mode", "non-blocking", "max-buffer-size", "25m").group()).isEqualTo("/ecs/web");
    assertThat(parse("mode", "blocking").group()).isEqualTo("/ecs/web");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "awslogs-create-group|yes|must specify valid value for log opt 'awslogs-create-group': strconv.ParseBool: "
          + "parsing \"yes\": invalid syntax",
      "awslogs-colour|blue|unknown log opt 'awslogs-colour' for awslogs log driver",
      "mode|fast|logger: logging mode not supported: fast",
      "max-buffer-size|4m|logger: max-buffer-size option is only supported with 'mode=non-blocking'",
      "awslogs-force-flush-interval-seconds|0|must specify a positive integer for log opt "
          + "'awslogs-force-flush-interval-seconds': 0",
      "awslogs-format|text|unsupported log format 'text'"})
  void optionsDockerRefusesAreRefusedAtCreation(String key, String value, String message) {
    assertThatThrownBy(() -> parse(key, value))
        .isInstanceOfSatisfying(DriverRefusal.class, r -> assertThat(r.step()).isEqualTo(DriverRefusal.Step.CREATE))
        .hasMessage(message);
  }

  @Test
  void theGroupIsRequiredAndTheTwoMultilineOptionsExcludeEachOther() {
    assertThatThrownBy(() -> AwslogsOptions.parse(Map.of("awslogs-stream-prefix", "x"), "us-east-1"))
        .hasMessage("must specify a value for log opt 'awslogs-group'");
    assertThatThrownBy(() -> parse("awslogs-datetime-format", "%Y", "awslogs-multiline-pattern", "^x"))
        .hasMessage("you cannot configure log opt 'awslogs-datetime-format' and 'awslogs-multiline-pattern' at the "
            + "same time");
    assertThatThrownBy(() -> parse("max-buffer-size", "lots", "mode", "non-blocking"))
        .hasMessage("error parsing option max-buffer-size: invalid size: 'lots'");
  }

  @Test
  void aBadMultilinePatternFailsTheStart() {
    assertThatThrownBy(() -> parse("awslogs-multiline-pattern", "[unclosed"))
        .isInstanceOfSatisfying(DriverRefusal.class, r -> assertThat(r.step()).isEqualTo(DriverRefusal.Step.START))
        .hasMessageStartingWith("awslogs could not parse multiline pattern key <nil>: error parsing regexp: ")
        .hasMessageEndingWith("`[unclosed`");
  }

  @Test
  void theDatetimeFormatBecomesTheDriversPattern() {
    assertThat(parse("awslogs-datetime-format", "%Y-%m-%d").multiline().pattern())
        .isEqualTo("\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[1,2][0-9]|3[0,1])");
    assertThat(parse("awslogs-multiline-pattern", "^INFO").multiline().pattern()).isEqualTo("^INFO");
  }

  @Test
  void strftimeCodesTheDriverDoesNotKnowBecomeNothingAndTheRestIsKept() {
    assertThat(StrftimePattern.toRegex("[%H:%M:%S%L] %q%%")).isEqualTo(
        "[(?:[0,1][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\\.\\d{3}] ");
    assertThat(StrftimePattern.toRegex("%b %d, %Y %I:%M %p")).isEqualTo(
        "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?:0[1-9]|[1,2][0-9]|3[0,1]), \\d{4} "
            + "(?:0[0-9]|1[0-2]):[0-5][0-9] [A,P]M");
  }

  @Test
  void refusalsAreWordedAsEcsReportsThem() {
    DriverRefusal missing = new DriverRefusal(DriverRefusal.Step.START, "failed to create Cloudwatch log stream: "
        + "ResourceNotFoundException: The specified log group does not exist.", true);

    assertThat(DriverErrors.reported(missing, false, "r-1").reason()).isEqualTo("CannotStartContainerError: Error "
        + "response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: "
        + "ResourceNotFoundException: The specified log group does not exist. status code: 400, request id: r-1");
    assertThat(DriverErrors.reported(missing, true, "r-1").reason()).isEqualTo("ResourceInitializationError: failed "
        + "to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: "
        + "ResourceNotFoundException: The specified log group does not exist. : exit status 1");
    DriverRefusal option = new DriverRefusal(DriverRefusal.Step.CREATE, "unknown log opt 'x' for awslogs log driver",
        false);
    assertThat(DriverErrors.reported(option, false, "r-2").reason())
        .isEqualTo("CannotCreateContainerError: Error response from daemon: unknown log opt 'x' for awslogs log "
            + "driver");
  }

  @Test
  void namesCreateLogStreamWouldRefuseAreRefusedAtTheStart() {
    LogNames.check("/ecs/web_1.#-x", "prefix/app/0123");
    assertThatThrownBy(() -> LogNames.check("/ecs/my group", "s"))
        .hasMessage("failed to create Cloudwatch log stream: InvalidParameterException: 1 validation error "
            + "detected: Value '/ecs/my group' at 'logGroupName' failed to satisfy constraint: Member must satisfy "
            + "regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    assertThatThrownBy(() -> LogNames.check("/ecs/web", "a:b/app/1"))
        .hasMessageContaining("at 'logStreamName' failed to satisfy constraint: Member must satisfy regular "
            + "expression pattern: [^:*]*");
    assertThatThrownBy(() -> LogNames.check("g".repeat(513), "s"))
        .hasMessageContaining("Member must have length less than or equal to 512");
  }
}
