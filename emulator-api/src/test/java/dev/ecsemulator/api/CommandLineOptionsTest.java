package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.api.CommandLineOptions.Parsed;
import dev.ecsemulator.api.CommandLineOptions.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The emulator's command line: option, else environment variable, else default; bad input is one message. */
class CommandLineOptionsTest {

  private static Parsed parse(Map<String, String> env, String... args) {
    return Main.OPTIONS.parse(args, env::get);
  }

  private static EmulatorConfig config(Map<String, String> env, String... args) {
    return Main.config(parse(env, args).values());
  }

  @Test
  void withNothingGivenEveryDefaultApplies() {
    EmulatorConfig config = config(Map.of());

    assertThat(config.port()).isEqualTo(4566);
    assertThat(config.bind()).isEqualTo("127.0.0.1");
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.accountId()).isEqualTo("000000000000");
    assertThat(config.dataDir()).isEqualTo(EmulatorConfig.defaultDataDir());
    assertThat(config.dockerHost()).isNull();
    assertThat(config.ephemeral()).isFalse();
    assertThat(config.scheduler().stopTasksOnExit()).isFalse();
    assertThat(config.scheduler().allowHostAccess()).isFalse();
    assertThat(config.scheduler().instanceCpu()).isNull();
    assertThat(config.scheduler().stoppedTaskRetention()).isEqualTo(Duration.ofHours(1));
    assertThat(config.allowedHosts()).isEmpty();
    assertThat(config.scheduler().taskMetadata()).as("the agent's endpoint, on by default").isTrue();
    assertThat(config.scheduler().injectAwsEndpointUrl()).isFalse();
  }

  @Test
  void allowedHostsAreACommaSeparatedListFromTheOptionOrTheEnvironment() {
    assertThat(config(Map.of(), "--allowed-hosts", "host.docker.internal, Docker").allowedHosts())
        .containsExactly("host.docker.internal", "docker");
    assertThat(config(Map.of("ECS_EMULATOR_ALLOWED_HOSTS", "emulator.test,*")).allowedHosts())
        .containsExactly("emulator.test", "*");
  }

  @Test
  void theTaskEndpointOptionsComeFromTheCommandLineOrTheEnvironment() {
    assertThat(config(Map.of(), "--task-metadata=false").scheduler().taskMetadata()).isFalse();
    assertThat(config(Map.of("ECS_EMULATOR_TASK_METADATA", "false")).scheduler().taskMetadata()).isFalse();
    assertThat(config(Map.of(), "--inject-aws-endpoint-url").scheduler().injectAwsEndpointUrl()).isTrue();
    assertThat(config(Map.of("ECS_EMULATOR_INJECT_AWS_ENDPOINT_URL", "true")).scheduler().injectAwsEndpointUrl())
        .isTrue();
  }

  @Test
  void theMetricsPeriodIsAMinuteUnlessShortened() {
    assertThat(config(Map.of()).metricsPeriod()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config(Map.of(), "--metrics-period", "5s").metricsPeriod()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config(Map.of("ECS_EMULATOR_METRICS_PERIOD", "10s")).metricsPeriod())
        .isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> config(Map.of(), "--metrics-period", "2m"))
        .hasMessage("--metrics-period must be whole seconds from 1s to 60s, got '2m'");
  }

  @Test
  void aHealthCheckSecondIsASecondUnlessShortened() {
    assertThat(config(Map.of()).healthCheckSecond()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config(Map.of(), "--elb-health-check-second", "100ms").healthCheckSecond())
        .isEqualTo(Duration.ofMillis(100));
    assertThat(config(Map.of("ECS_EMULATOR_ELB_HEALTH_CHECK_SECOND", "250ms")).healthCheckSecond())
        .isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> config(Map.of(), "--elb-health-check-second", "2s"))
        .hasMessage("--elb-health-check-second must be from 10ms to 1s, got '2s'");
    assertThatThrownBy(() -> config(Map.of(), "--elb-health-check-second", "5ms"))
        .hasMessage("--elb-health-check-second must be from 10ms to 1s, got '5ms'");
  }

  @Test
  void theEndpointUrlNeedsTheTaskEndpoint() {
    assertThatThrownBy(() -> config(Map.of(), "--task-metadata=false", "--inject-aws-endpoint-url"))
        .isInstanceOf(UsageException.class).hasMessageContaining("--inject-aws-endpoint-url needs the task endpoint");
  }

  @Test
  void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheDefault() {
    Map<String, String> env = Map.of("ECS_EMULATOR_PORT", "5000", "ECS_EMULATOR_REGION", "eu-west-1",
        "ECS_EMULATOR_DATA_DIR", "/tmp/x", "ECS_EMULATOR_INSTANCE_MEMORY", "4096");

    EmulatorConfig config = config(env, "--port", "6000", "--account-id=123456789012");

    assertThat(config.port()).isEqualTo(6000);
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.accountId()).isEqualTo("123456789012");
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(config.scheduler().instanceMemory()).isEqualTo(4096);
  }

  @Test
  void anEmptyEnvironmentVariableCountsAsUnset() {
    assertThat(config(Map.of("ECS_EMULATOR_PORT", "")).port()).isEqualTo(4566);
  }

  @ParameterizedTest
  @CsvSource({"--ephemeral, true", "--ephemeral=true, true", "--ephemeral=false, false", "--ephemeral=TRUE, true"})
  void aBooleanIsTrueWhenGivenBareOrSaysSo(String arg, boolean expected) {
    assertThat(config(Map.of(), arg).ephemeral()).isEqualTo(expected);
  }

  @Test
  void aBooleanCanComeFromTheEnvironment() {
    assertThat(config(Map.of("ECS_EMULATOR_STOP_TASKS_ON_EXIT", "true")).scheduler().stopTasksOnExit()).isTrue();
  }

  @Test
  void hostAccessIsAllowedByTheOptionOrTheEnvironment() {
    assertThat(config(Map.of(), "--allow-host-access").scheduler().allowHostAccess()).isTrue();
    assertThat(config(Map.of("ECS_EMULATOR_ALLOW_HOST_ACCESS", "true")).scheduler().allowHostAccess()).isTrue();
    assertThat(config(Map.of("ECS_EMULATOR_ALLOW_HOST_ACCESS", "true"), "--allow-host-access=false")
        .scheduler().allowHostAccess()).isFalse();
  }

  @Test
  void durationsTakeSecondsMinutesHoursOrIso8601() {
    EmulatorConfig config = config(Map.of(), "--stopped-task-retention", "90s", "--task-cleanup-delay=PT2M");

    assertThat(config.scheduler().stoppedTaskRetention()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.scheduler().taskCleanupDelay()).isEqualTo(Duration.ofMinutes(2));
  }

  @ParameterizedTest
  @CsvSource({"'', 67108864", "--logs-max-group-bytes=1048576, 1048576", "--logs-max-group-bytes=512KiB, 524288",
      "--logs-max-group-bytes=16m, 16777216", "--logs-max-group-bytes=2GiB, 2147483648"})
  void theLogGroupBudgetIsBytesOrKibMibGib(String arg, long bytes) {
    String[] args = arg.isEmpty() ? new String[0] : new String[] {arg};
    assertThat(config(Map.of(), args).logs().maxGroupBytes()).isEqualTo(bytes);
    assertThat(config(Map.of("ECS_EMULATOR_LOGS_MAX_GROUP_BYTES", "1MiB")).logs().maxGroupBytes()).isEqualTo(1048576);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--logs-max-group-bytes=lots| --logs-max-group-bytes must be a size such as 67108864, 512KiB or 64MiB",
      "--logs-max-group-bytes=0   | --logs-max-group-bytes must be a size",
      "--port=abc                 | --port must be a whole number, got 'abc'",
      "--port=70000               | --port must be between 0 and 65535",
      "--prot=1                   | prot",
      "--po=1                     | po",
      "--port                     | port",
      "--ephemeral=yes            | --ephemeral must be true or false, got 'yes'",
      "--allow-host-access=maybe  | --allow-host-access must be true or false, got 'maybe'",
      "--account-id=12            | --account-id must be 12 digits",
      "--image-pull-behavior=some | --image-pull-behavior must be prefer-cached, always or once",
      "--instance-cpu=64          | must be at least 128",
      "--task-cleanup-delay=soon  | --task-cleanup-delay must be a duration",
      "--allowed-hosts=a.test:80  | --allowed-hosts: 'a.test:80' is not a host name",
      "--task-metadata=off        | --task-metadata must be true or false, got 'off'",
      "extra                      | unexpected argument 'extra'"})
  void badInputIsOneMessageNamingTheOption(String arg, String message) {
    assertThatThrownBy(() -> config(Map.of(), arg)).isInstanceOf(UsageException.class).hasMessageContaining(message);
  }

  @Test
  void resetStateWithEphemeralIsRefused() {
    assertThatThrownBy(() -> config(Map.of(), "--ephemeral", "--reset-state"))
        .isInstanceOf(UsageException.class).hasMessageContaining("--reset-state has no effect with --ephemeral");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void helpNamesEveryOptionWithItsVariableAndDefault(String arg) {
    assertThat(parse(Map.of(), arg).action()).isEqualTo(Parsed.Action.HELP);
    String help = Main.OPTIONS.help("ecs-emulator [OPTIONS]", "text");
    assertThat(help.lines()).allMatch(line -> line.length() <= 100);
    help = help.replaceAll("\\s+", " ");
    assertThat(help).contains("--port=PORT", "(env ECS_EMULATOR_PORT; default 4566)");
    assertThat(help).contains("--ephemeral[=BOOLEAN]", "ECS_EMULATOR_STOP_TASKS_ON_EXIT", "--docker-host=URI", "--version",
        "--allow-host-access[=BOOLEAN]", "(env ECS_EMULATOR_ALLOW_HOST_ACCESS; default false)");
    assertThat(help).contains("--allowed-hosts=NAMES", "(env ECS_EMULATOR_ALLOWED_HOSTS)");
    assertThat(help).contains("--task-metadata[=BOOLEAN]", "(env ECS_EMULATOR_TASK_METADATA; default true)",
        "--inject-aws-endpoint-url[=BOOLEAN]", "(env ECS_EMULATOR_INJECT_AWS_ENDPOINT_URL; default false)");
  }

  @Test
  void versionIsAnAction() {
    assertThat(parse(Map.of(), "--version").action()).isEqualTo(Parsed.Action.VERSION);
  }
}
