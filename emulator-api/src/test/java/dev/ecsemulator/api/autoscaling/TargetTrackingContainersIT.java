package dev.ecsemulator.api.autoscaling;

import org.junit.jupiter.api.parallel.Isolated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.AwsCli;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The end-to-end case, on real containers: a service of 2 tasks (the sample app, 256 CPU units each) with a
 * 40 % CPU target-tracking policy (minimum 2, maximum 4). One task burns a core, so the service's CPU utilization is
 * about 200 %: the high alarm (3 of 3) fires and the service scales out (to 4 in one step); when the burn ends the
 * low alarm (15 of 15, below 36 %) fires and the service comes back one task at a time to 2. Metrics period 2 s.
 *
 * <p>ECS and CloudWatch are read through the SDK v2 clients (CloudWatch in Smithy RPC v2 CBOR); Application Auto
 * Scaling through the AWS CLI (botocore, AWS JSON 1.1), as the SDK v2 module is not on the Maven mirror here (the test
 * is skipped where no {@code aws} is installed).
 */
// Alone: it scales on the tasks' real CPU use, which another class's containers on 2 cores would skew.
@Isolated
class TargetTrackingContainersIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String RESOURCE = "service/autoscale/web";
  static final String ALARMS = "TargetTracking-" + RESOURCE + "-";
  /** How long each burn of {@link #burnUntilScaledOut} lasts. */
  static final int SPELL_SECONDS = 10;

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(config -> config.withMetricsPeriod(Duration.ofSeconds(2)));
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = emulator.client();
  static final CloudWatchClient cw = emulator.sdk(CloudWatchClient.builder());

  @TempDir Path work;

  @AfterAll
  static void closeClient() {
    cw.close();
  }

  @Test
  void burningCpuScalesTheServiceOutAndItsEndScalesItBackIn() throws Exception {
    AwsCli aws = AwsCli.installed("aws");
    Instant started = Instant.now();
    ecs.createCluster(b -> b.clusterName("autoscale"));
    ecs.registerTaskDefinition(b -> b.family("cpu").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:1").memory(64).cpu(256).portMappings(p -> p.containerPort(8080))
        // With a health check the creation completes at the tasks' first passing probe, not 40 s after RUNNING (the
        // rule for tasks without one); a timeout and retries no loaded machine trips, even while a task burns.
        .healthCheck(h -> h.command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
            .interval(5).timeout(5).retries(3).startPeriod(0))));
    ecs.createService(b -> b.cluster("autoscale").serviceName("web").taskDefinition("cpu").desiredCount(2));
    // Steady first: no scale-in while a deployment is in progress, and this one is the service's creation.
    await().atMost(Duration.ofMinutes(3)).until(() -> service().runningCount() == 2
        && "COMPLETED".equals(service().deployments().get(0).rolloutStateAsString()));

    autoScaling(aws, "register-scalable-target", "--service-namespace", "ecs", "--scalable-dimension",
        "ecs:service:DesiredCount", "--resource-id", RESOURCE, "--min-capacity", "2", "--max-capacity", "4");
    JsonNode policy = autoScaling(aws, "put-scaling-policy", "--policy-name", "cpu40", "--service-namespace", "ecs",
        "--scalable-dimension", "ecs:service:DesiredCount", "--resource-id", RESOURCE, "--policy-type",
        "TargetTrackingScaling", "--target-tracking-scaling-policy-configuration", "{\"TargetValue\": 40, "
            + "\"ScaleOutCooldown\": 60, \"ScaleInCooldown\": 3, \"PredefinedMetricSpecification\": "
            + "{\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}}");
    String policyArn = policy.path("PolicyARN").asText();

    List<MetricAlarm> alarms = cw.describeAlarms(b -> b.alarmNamePrefix(ALARMS)).metricAlarms();
    assertThat(alarms).extracting(MetricAlarm::alarmName).containsExactlyInAnyOrderElementsOf(
        policy.path("Alarms").findValuesAsText("AlarmName"));
    MetricAlarm high = alarm(alarms, "AlarmHigh-");
    MetricAlarm low = alarm(alarms, "AlarmLow-");
    List<Dimension> service = List.of(Dimension.builder().name("ClusterName").value("autoscale").build(),
        Dimension.builder().name("ServiceName").value("web").build());
    for (MetricAlarm alarm : alarms) {
      assertThat(alarm.namespace()).isEqualTo("AWS/ECS");
      assertThat(alarm.metricName()).isEqualTo("CPUUtilization");
      assertThat(alarm.statistic()).isEqualTo(Statistic.AVERAGE);
      assertThat(alarm.dimensions()).containsExactlyInAnyOrderElementsOf(service);
      assertThat(alarm.alarmActions()).containsExactly(policyArn);
      assertThat(alarm.alarmDescription()).isEqualTo("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy "
          + policyArn + ".");
    }
    assertThat(List.of(high.comparisonOperator(), high.threshold(), high.evaluationPeriods(),
        high.datapointsToAlarm())).containsExactly(ComparisonOperator.GREATER_THAN_THRESHOLD, 40.0, 3, 3);
    assertThat(List.of(low.comparisonOperator(), low.threshold(), low.evaluationPeriods(), low.datapointsToAlarm()))
        .containsExactly(ComparisonOperator.LESS_THAN_THRESHOLD, 36.0, 15, 15);

    burnUntilScaledOut(anyRunningTask());
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
        .until(() -> service().desiredCount() == 2);

    List<JsonNode> activities = new ArrayList<>();
    autoScaling(aws, "describe-scaling-activities", "--service-namespace", "ecs", "--resource-id", RESOURCE)
        .path("ScalingActivities").forEach(activities::add); // newest first
    assertThat(activities).hasSizeGreaterThanOrEqualTo(2).allSatisfy(a -> {
      assertThat(a.path("StatusCode").asText()).isEqualTo("Successful");
      String count = a.path("Description").asText().replaceAll("^Setting desired count to (\\d+)\\.$", "$1");
      assertThat(a.path("StatusMessage").asText())
          .isEqualTo("Successfully set desired count to " + count + ". Change successfully fulfilled by ecs.");
    });
    // Out proportionally (about 200 % against 40 %: to the maximum at once, unless the alarm caught the burn's first
    // partial period or a busy machine left the burn part of a core); in by one task at a time.
    JsonNode out = activities.get(activities.size() - 1);
    assertThat(out.path("Description").asText()).matches("Setting desired count to [34]\\.");
    assertThat(out.path("Cause").asText())
        .isEqualTo("monitor alarm " + high.alarmName() + " in state ALARM triggered policy cpu40");
    assertThat(activities.get(0).path("Description").asText()).isEqualTo("Setting desired count to 2.");
    assertThat(activities.get(0).path("Cause").asText())
        .isEqualTo("monitor alarm " + low.alarmName() + " in state ALARM triggered policy cpu40");

    for (MetricAlarm alarm : List.of(high, low)) {
      assertThat(cw.describeAlarmHistory(b -> b.alarmName(alarm.alarmName())
          .historyItemType(HistoryItemType.STATE_UPDATE)).alarmHistoryItems())
          .extracting(AlarmHistoryItem::historySummary).anySatisfy(h -> assertThat(h).endsWith(" to ALARM"));
    }
    assertThat(cw.getMetricStatistics(b -> b.namespace("AWS/ECS").metricName("CPUUtilization").dimensions(service)
        .startTime(started).endTime(Instant.now()).period(1).statistics(Statistic.MAXIMUM)).datapoints())
        .anySatisfy(p -> assertThat(p.maximum()).isGreaterThan(40.0))
        .anySatisfy(p -> assertThat(p.maximum()).isLessThan(36.0));
    // Each change went through the service: its own events say so (the first "has started" is its creation's).
    assertThat(service().events()).extracting(ServiceEvent::message)
        .filteredOn(m -> m.startsWith("(service web) has started ")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(service().events()).extracting(ServiceEvent::message)
        .anySatisfy(m -> assertThat(m).startsWith("(service web) has stopped 1 running tasks:"));
  }

  static Service service() {
    return ecs.describeServices(b -> b.cluster("autoscale").services("web")).services().get(0);
  }

  static MetricAlarm alarm(List<MetricAlarm> alarms, String kind) {
    return alarms.stream().filter(a -> a.alarmName().startsWith(ALARMS + kind)).findFirst().orElseThrow();
  }

  static Task anyRunningTask() {
    List<String> arns = ecs.listTasks(b -> b.cluster("autoscale").serviceName("web")).taskArns();
    return ecs.describeTasks(b -> b.cluster("autoscale").tasks(arns)).tasks().stream()
        .filter(t -> "RUNNING".equals(t.lastStatus())).findFirst().orElseThrow();
  }

  /**
   * Keeps one core of {@code task} busy until the service scales out, in spells of {@value #SPELL_SECONDS} s renewed
   * before each ends: as long as the high alarm takes (3 periods, more on a loaded machine), and not much longer, since
   * the low alarm's 15 periods only start counting once the burn is over. A fixed burn had to allow for the slowest
   * machine, and made every run wait for it; and where the machine is busier still (load average 30-50 here) the burn
   * gets so little of a core that the high alarm took 2 minutes: 5 minutes at most.
   */
  static void burnUntilScaledOut(Task task) {
    Instant[] renewAt = {Instant.MIN};
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      if (service().desiredCount() > 2) {
        return true;
      }
      if (!Instant.now().isBefore(renewAt[0])) {
        burn(task, SPELL_SECONDS);
        renewAt[0] = Instant.now().plusSeconds(SPELL_SECONDS - 2); // overlapping: no idle gap between spells
      }
      return false;
    });
  }

  /** The sample app's CPU burn: one core busy for {@code seconds}, then idle again. */
  static void burn(Task task, int seconds) throws IOException, InterruptedException {
    int port = task.containers().get(0).networkBindings().get(0).hostPort();
    HttpResponse<String> burn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + port + "/control/burn?seconds=" + seconds + "&workers=1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(burn.statusCode()).as(burn.body()).isEqualTo(200);
  }

  JsonNode autoScaling(AwsCli aws, String... args) {
    List<String> command = new ArrayList<>(List.of("application-autoscaling"));
    command.addAll(List.of(args));
    AwsCli.Result result = aws.runJson(emulator.url(), work, command.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    try {
      return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
