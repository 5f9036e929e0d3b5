package dev.ecsemulator.api.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Application Auto Scaling over AWS JSON 1.1 (raw calls: the SDK v2 ApplicationAutoScalingClient is not on the Maven
 * mirror these tests build from; boto3 and the CLI drive it in AutoScalingCliTest), with the CloudWatch SDK client for
 * its alarms: targets, target tracking with its two alarms, a scale-out from put data, activities, deletion, errors.
 * The ECS service runs no container: its task definition names an image that does not exist locally and cannot be
 * pulled, so only its desired count matters.
 */
class AutoScalingApiTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final CloudWatchClient cw = emulator.sdk(CloudWatchClient.builder());
  static final ObjectMapper json = new ObjectMapper();
  static final String RESOURCE = "service/shop/web";

  @AfterAll
  static void closeClient() {
    cw.close();
  }

  @BeforeEach
  void service() {
    emulator.client().createCluster(b -> b.clusterName("shop"));
    emulator.client().registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator-test/absent:none").memory(32)));
    emulator.client().createService(b -> b.cluster("shop").serviceName("web").taskDefinition("web").desiredCount(1));
  }

  static JsonNode call(String operation, String body, int status) {
    HttpResponse<String> response = emulator.post("AnyScaleFrontendService." + operation, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode ok(String operation, String body) {
    return call(operation, body, 200);
  }

  static String target(String extra) {
    return "{\"ServiceNamespace\":\"ecs\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"ResourceId\":\""
        + RESOURCE + "\"" + extra + "}";
  }

  static int desiredCount() {
    return emulator.client().describeServices(b -> b.cluster("shop").services("web")).services().get(0).desiredCount();
  }

  @Test
  void registerDescribeDeregister() {
    JsonNode registered = ok("RegisterScalableTarget", target(",\"MinCapacity\":2,\"MaxCapacity\":5"));
    assertThat(registered.path("ScalableTargetARN").asText())
        .startsWith("arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/");

    JsonNode targets = ok("DescribeScalableTargets", "{\"ServiceNamespace\":\"ecs\"}").path("ScalableTargets");
    assertThat(targets).hasSize(1);
    assertThat(targets.get(0).path("MinCapacity").asInt()).isEqualTo(2);
    assertThat(targets.get(0).path("SuspendedState").path("DynamicScalingInSuspended").asBoolean(true)).isFalse();
    // A minimum above the count scales to it at once.
    assertThat(desiredCount()).isEqualTo(2);
    JsonNode activity = ok("DescribeScalingActivities", target("")).path("ScalingActivities").get(0);
    assertThat(activity.path("Description").asText()).isEqualTo("Setting desired count to 2.");
    assertThat(activity.path("StatusCode").asText()).isEqualTo("Successful");
    assertThat(activity.path("StatusMessage").asText())
        .isEqualTo("Successfully set desired count to 2. Change successfully fulfilled by ecs.");

    ok("DeregisterScalableTarget", target(""));
    JsonNode missing = call("DeregisterScalableTarget", target(""), 400);
    assertThat(missing.path("__type").asText()).isEqualTo("ObjectNotFoundException");
    assertThat(missing.path("Message").asText()).isEqualTo("No scalable target registered for service namespace: "
        + "ecs, resource ID: service/shop/web, scalable dimension: ecs:service:DesiredCount");
  }

  @Test
  void unknownServicesAndBadInputAreRefused() {
    JsonNode unknown = call("RegisterScalableTarget", "{\"ServiceNamespace\":\"ecs\",\"ScalableDimension\":"
        + "\"ecs:service:DesiredCount\",\"ResourceId\":\"service/shop/nope\",\"MinCapacity\":1,\"MaxCapacity\":2}", 400);
    assertThat(unknown.path("__type").asText()).isEqualTo("ValidationException");
    JsonNode enumValue = call("RegisterScalableTarget", "{\"ServiceNamespace\":\"ecs\",\"ScalableDimension\":"
        + "\"ecs:service:Nope\",\"ResourceId\":\"" + RESOURCE + "\"}", 400);
    assertThat(enumValue.path("Message").asText()).startsWith("1 validation error detected: Value 'ecs:service:Nope' "
        + "at 'scalableDimension' failed to satisfy constraint: Member must satisfy enum value set");
    JsonNode noTarget = call("PutScalingPolicy", target(",\"PolicyName\":\"cpu\",\"PolicyType\":"
        + "\"TargetTrackingScaling\",\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":50,"
        + "\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"}}"), 400);
    assertThat(noTarget.path("__type").asText()).isEqualTo("ObjectNotFoundException");
  }

  @Test
  void targetTrackingOwnsTwoAlarmsAndScalesOutFromTheMetric() {
    ok("RegisterScalableTarget", target(",\"MinCapacity\":1,\"MaxCapacity\":6"));
    JsonNode policy = ok("PutScalingPolicy", target(",\"PolicyName\":\"load\",\"PolicyType\":\"TargetTrackingScaling\","
        + "\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":50,\"ScaleOutCooldown\":300,"
        + "\"ScaleInCooldown\":300,\"CustomizedMetricSpecification\":{\"Namespace\":\"Shop\",\"MetricName\":\"Load\","
        + "\"Statistic\":\"Average\"}}"));
    String arn = policy.path("PolicyARN").asText();
    assertThat(arn).startsWith("arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:")
        .endsWith(":resource/ecs/service/shop/web:policyName/load");
    List<String> names = List.of(policy.path("Alarms").get(0).path("AlarmName").asText(),
        policy.path("Alarms").get(1).path("AlarmName").asText());
    assertThat(names.get(0)).matches("TargetTracking-service/shop/web-AlarmHigh-[0-9a-f-]{36}");
    assertThat(names.get(1)).matches("TargetTracking-service/shop/web-AlarmLow-[0-9a-f-]{36}");

    MetricAlarm high = cw.describeAlarms(b -> b.alarmNames(names.get(0))).metricAlarms().get(0);
    assertThat(high.evaluationPeriods()).isEqualTo(3);
    assertThat(high.datapointsToAlarm()).isEqualTo(3);
    assertThat(high.period()).isEqualTo(60);
    assertThat(high.threshold()).isEqualTo(50.0);
    assertThat(high.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
    assertThat(high.alarmActions()).containsExactly(arn);
    assertThat(high.alarmDescription()).isEqualTo("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + arn + ".");
    MetricAlarm low = cw.describeAlarms(b -> b.alarmNames(names.get(1))).metricAlarms().get(0);
    assertThat(low.evaluationPeriods()).isEqualTo(15);
    assertThat(low.datapointsToAlarm()).isEqualTo(15);
    assertThat(low.threshold()).isEqualTo(45.0);
    assertThat(low.comparisonOperator()).isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);

    long minute = Instant.now().getEpochSecond() / 60 * 60;
    for (int i = 1; i <= 3; i++) {
      Instant at = Instant.ofEpochSecond(minute - 60L * i);
      cw.putMetricData(b -> b.namespace("Shop").metricData(d -> d.metricName("Load").timestamp(at).value(150.0)));
    }
    emulator.emulator().cloudWatch().evaluateAlarms(Instant.now());

    assertThat(desiredCount()).isEqualTo(3); // ceil(1 × 150 / 50)
    JsonNode activity = ok("DescribeScalingActivities", target("")).path("ScalingActivities").get(0);
    assertThat(activity.path("Description").asText()).isEqualTo("Setting desired count to 3.");
    assertThat(activity.path("Cause").asText())
        .isEqualTo("monitor alarm " + names.get(0) + " in state ALARM triggered policy load");
    assertThat(cw.describeAlarmHistory(b -> b.alarmName(names.get(0))).alarmHistoryItems())
        .anySatisfy(item -> assertThat(item.historySummary()).isEqualTo("Successfully executed action " + arn));

    JsonNode policies = ok("DescribeScalingPolicies", "{\"ServiceNamespace\":\"ecs\"}").path("ScalingPolicies");
    assertThat(policies).hasSize(1);
    assertThat(policies.get(0).path("Alarms")).hasSize(2);

    ok("DeleteScalingPolicy", target(",\"PolicyName\":\"load\""));
    assertThat(cw.describeAlarms(b -> b.alarmNames(names)).metricAlarms()).isEmpty();
  }

  @Test
  void deregisteringATargetRemovesItsPoliciesAlarmsAndScheduledActions() {
    ok("RegisterScalableTarget", target(",\"MinCapacity\":1,\"MaxCapacity\":6"));
    ok("PutScalingPolicy", target(",\"PolicyName\":\"cpu\",\"PolicyType\":\"TargetTrackingScaling\","
        + "\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":40,\"PredefinedMetricSpecification\":"
        + "{\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"}}"));
    MetricAlarm high = cw.describeAlarms().metricAlarms().stream().filter(a -> a.alarmName().contains("High"))
        .findFirst().orElseThrow();
    assertThat(high.namespace()).isEqualTo("AWS/ECS");
    assertThat(high.metricName()).isEqualTo("CPUUtilization");
    assertThat(high.dimensions()).extracting(d -> d.name() + "=" + d.value())
        .containsExactly("ClusterName=shop", "ServiceName=web");
    ok("PutScheduledAction", target(",\"ScheduledActionName\":\"night\",\"Schedule\":\"cron(0 22 * * ? *)\","
        + "\"ScalableTargetAction\":{\"MinCapacity\":1,\"MaxCapacity\":2}"));
    assertThat(ok("DescribeScheduledActions", "{\"ServiceNamespace\":\"ecs\"}").path("ScheduledActions")).hasSize(1);

    ok("DeregisterScalableTarget", target(""));

    assertThat(cw.describeAlarms().metricAlarms()).isEmpty();
    assertThat(ok("DescribeScalingPolicies", "{\"ServiceNamespace\":\"ecs\"}").path("ScalingPolicies")).isEmpty();
    assertThat(ok("DescribeScheduledActions", "{\"ServiceNamespace\":\"ecs\"}").path("ScheduledActions")).isEmpty();
  }

  @Test
  void deletingTheServiceRemovesItsTargetPoliciesAlarmsAndScheduledActions() {
    ok("RegisterScalableTarget", target(",\"MinCapacity\":1,\"MaxCapacity\":6"));
    ok("PutScalingPolicy", target(",\"PolicyName\":\"cpu\",\"PolicyType\":\"TargetTrackingScaling\","
        + "\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":40,\"PredefinedMetricSpecification\":"
        + "{\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"}}"));
    ok("PutScheduledAction", target(",\"ScheduledActionName\":\"night\",\"Schedule\":\"cron(0 22 * * ? *)\","
        + "\"ScalableTargetAction\":{\"MinCapacity\":1,\"MaxCapacity\":2}"));
    cw.putMetricAlarm(b -> b.alarmName("mine").namespace("Shop").metricName("Load").statistic("Average").period(60)
        .evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
    assertThat(cw.describeAlarms().metricAlarms()).hasSize(3);

    emulator.client().deleteService(b -> b.cluster("shop").service("web").force(true));

    assertThat(ok("DescribeScalableTargets", "{\"ServiceNamespace\":\"ecs\"}").path("ScalableTargets")).isEmpty();
    assertThat(ok("DescribeScalingPolicies", "{\"ServiceNamespace\":\"ecs\"}").path("ScalingPolicies")).isEmpty();
    assertThat(ok("DescribeScheduledActions", "{\"ServiceNamespace\":\"ecs\"}").path("ScheduledActions")).isEmpty();
    assertThat(ok("DescribeScalingActivities", "{\"ServiceNamespace\":\"ecs\"}").path("ScalingActivities")).isEmpty();
    // The TargetTracking-* alarms go; an alarm the user made on their own stays.
    assertThat(cw.describeAlarms().metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("mine");
    JsonNode gone = call("DeregisterScalableTarget", target(""), 400);
    assertThat(gone.path("__type").asText()).isEqualTo("ObjectNotFoundException");
    // Deleting the DRAINING service again answers it and changes nothing.
    emulator.client().deleteService(b -> b.cluster("shop").service("web").force(true));
  }

  @Test
  void deletingAServiceWithoutATargetLeavesOtherServicesTargets() {
    emulator.client().createService(b -> b.cluster("shop").serviceName("api").taskDefinition("web").desiredCount(0));
    ok("RegisterScalableTarget", target(",\"MinCapacity\":1,\"MaxCapacity\":6"));

    emulator.client().deleteService(b -> b.cluster("shop").service("api"));

    assertThat(ok("DescribeScalableTargets", "{\"ServiceNamespace\":\"ecs\"}").path("ScalableTargets"))
        .extracting(t -> t.path("ResourceId").asText()).containsExactly(RESOURCE);
  }

  @Test
  void aScheduledActionAtATimeSetsTheBounds() {
    ok("RegisterScalableTarget", target(",\"MinCapacity\":1,\"MaxCapacity\":6"));
    ok("PutScheduledAction", target(",\"ScheduledActionName\":\"peak\",\"Schedule\":\"at(2020-01-01T00:00:00)\","
        + "\"ScalableTargetAction\":{\"MinCapacity\":4,\"MaxCapacity\":8}"));

    emulator.emulator().autoScaling().runScheduledActions(Instant.now());

    JsonNode target = ok("DescribeScalableTargets", "{\"ServiceNamespace\":\"ecs\"}").path("ScalableTargets").get(0);
    assertThat(target.path("MinCapacity").asInt()).isEqualTo(4);
    assertThat(target.path("MaxCapacity").asInt()).isEqualTo(8);
    assertThat(desiredCount()).isEqualTo(4);
    assertThat(emulator.emulator().autoScaling().runScheduledActions(Instant.now())).isZero(); // at() runs once
  }
}
