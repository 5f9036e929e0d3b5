package dev.ecsemulator.api.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.AwsCli;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudWatch and Application Auto Scaling through the other clients on these machines: boto3 1.43 (Smithy RPC v2
 * CBOR for CloudWatch), the pip CLI v1 1.45 (AWS JSON 1.0: it does not take CBOR), and Debian's CLI v2 2.9 at
 * /usr/bin/aws (AWS query). Application Auto Scaling is AWS JSON 1.1 for all. A client that is not installed is skipped, saying so.
 */
class CloudWatchCliIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();

  @TempDir
  Path work;

  @BeforeEach
  void service() {
    emulator.client().createCluster(b -> b.clusterName("shop"));
    emulator.client().registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator-test/absent:none").memory(32)));
    emulator.client().createService(b -> b.cluster("shop").serviceName("web").taskDefinition("web").desiredCount(1));
  }

  @Test
  void boto3SpeaksCbor() throws Exception {
    Path script = Path.of(getClass().getResource("/clients/cloudwatch_boto3.py").toURI());
    ProcessBuilder python = new ProcessBuilder("python3", script.toString(), emulator.url()).redirectErrorStream(true);
    python.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    python.environment().put("AWS_CONFIG_FILE", "/dev/null");
    python.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    Process process;
    try {
      process = python.start();
    } catch (IOException noPython) {
      org.junit.jupiter.api.Assumptions.abort("python3 is not installed");
      return;
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("No module named 'boto3'"), "boto3 is not installed");
    assertThat(process.exitValue()).as(out).isZero();
    JsonNode seen = JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));

    assertThat(seen.path("protocol").asText()).isEqualTo("smithy-rpc-v2-cbor");
    assertThat(seen.path("stats").path("Sum").asDouble()).isEqualTo(12.0);
    assertThat(seen.path("stats").path("SampleCount").asDouble()).isEqualTo(3.0);
    assertThat(seen.path("stats").path("Maximum").asDouble()).isEqualTo(6.0);
    assertThat(seen.path("stats").path("Timestamp").asText()).endsWith(":00+00:00");
    assertThat(seen.path("stats").path("Label").asText()).isEqualTo("Orders");
    assertThat(seen.path("data").toString()).isEqualTo("[24.0]");
    assertThat(seen.path("metrics").toString()).isEqualTo("[\"Orders\"]");
    assertThat(seen.path("alarm").path("StateValue").asText()).isEqualTo("ALARM");
    assertThat(seen.path("alarm").path("StateReason").asText()).isEqualTo("from boto3");
    assertThat(seen.path("alarm").path("updated").asBoolean()).isTrue();
    assertThat(seen.path("history").toString()).contains("Alarm updated from INSUFFICIENT_DATA to ALARM",
        "Alarm \\\"py-alarm\\\" created");
    assertThat(seen.path("error").path("Code").asText()).isEqualTo("ResourceNotFound");
    assertThat(seen.path("error").path("Status").asInt()).isEqualTo(404);
    assertThat(seen.path("reserved").path("Code").asText()).isEqualTo("InvalidParameterValue");
    assertThat(seen.path("reserved").path("modelled").asText()).isEqualTo("InvalidParameterValueException");
    assertThat(seen.path("policyAlarms").toString()).isEqualTo("[\"High\",\"Low\"]");
    assertThat(seen.path("target").path("MaxCapacity").asInt()).isEqualTo(4);
    assertThat(seen.path("target").path("created").asBoolean()).isTrue();
  }

  @Test
  void pipCliV1() throws Exception {
    cli(AwsCli.installed("aws"));
  }

  @Test
  void debianCliV2SpeaksQuery() throws Exception {
    cli(AwsCli.installed("/usr/bin/aws"));
  }

  private void cli(AwsCli aws) throws Exception {
    String url = emulator.url();
    long minute = Instant.now().getEpochSecond() / 60 * 60 - 300;
    String at = Instant.ofEpochSecond(minute).toString();
    ok(aws.run(url, work, "cloudwatch", "put-metric-data", "--namespace", "Cli", "--metric-name", "Orders",
        "--value", "3", "--unit", "Count", "--timestamp", at, "--dimensions", "App=web"));
    ok(aws.run(url, work, "cloudwatch", "put-metric-data", "--namespace", "Cli", "--metric-name", "Orders",
        "--value", "5", "--unit", "Count", "--timestamp", at, "--dimensions", "App=web"));
    JsonNode stats = JSON.readTree(ok(aws.runJson(url, work, "cloudwatch", "get-metric-statistics", "--namespace",
        "Cli", "--metric-name", "Orders", "--dimensions", "Name=App,Value=web", "--start-time", at, "--end-time",
        Instant.ofEpochSecond(minute + 60).toString(), "--period", "60", "--statistics", "Sum", "Average")));
    assertThat(stats.path("Datapoints").get(0).path("Sum").asDouble()).isEqualTo(8.0);
    assertThat(stats.path("Datapoints").get(0).path("Average").asDouble()).isEqualTo(4.0);
    // v2 prints ISO 8601; v1 prints what the wire had (it speaks AWS JSON 1.0 here): epoch seconds.
    JsonNode timestamp = stats.path("Datapoints").get(0).path("Timestamp");
    assertThat(timestamp.isNumber() ? Instant.ofEpochSecond(timestamp.asLong()) : Instant.parse(timestamp.asText()
        .replace("+00:00", "Z"))).isEqualTo(Instant.ofEpochSecond(minute));

    ok(aws.run(url, work, "cloudwatch", "put-metric-alarm", "--alarm-name", "cli-alarm", "--namespace", "Cli",
        "--metric-name", "Orders", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1",
        "--threshold", "5", "--comparison-operator", "GreaterThanThreshold", "--dimensions", "Name=App,Value=web"));
    JsonNode alarms = JSON.readTree(ok(aws.runJson(url, work, "cloudwatch", "describe-alarms", "--alarm-names",
        "cli-alarm")));
    assertThat(alarms.path("MetricAlarms").get(0).path("StateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
    assertThat(alarms.path("MetricAlarms").get(0).path("Dimensions").get(0).path("Value").asText()).isEqualTo("web");
    AwsCli.Result missing = aws.run(url, work, "cloudwatch", "set-alarm-state", "--alarm-name", "nope",
        "--state-value", "OK", "--state-reason", "x");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.stderr()).contains("(ResourceNotFound)");
    ok(aws.run(url, work, "cloudwatch", "delete-alarms", "--alarm-names", "cli-alarm"));

    ok(aws.run(url, work, "application-autoscaling", "register-scalable-target", "--service-namespace", "ecs",
        "--scalable-dimension", "ecs:service:DesiredCount", "--resource-id", "service/shop/web", "--min-capacity",
        "1", "--max-capacity", "3"));
    JsonNode targets = JSON.readTree(ok(aws.runJson(url, work, "application-autoscaling",
        "describe-scalable-targets", "--service-namespace", "ecs")));
    assertThat(targets.path("ScalableTargets").get(0).path("ResourceId").asText()).isEqualTo("service/shop/web");
  }

  private static String ok(AwsCli.Result result) {
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return result.stdout();
  }

}
