package dev.ecsemulator.api.elbv2;

import static dev.ecsemulator.api.elbv2.Elbv2Fixture.freePort;
import static dev.ecsemulator.api.elbv2.Elbv2Fixture.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * AWS/ApplicationELB as the data plane publishes it every metrics period (2 s here), read through the CloudWatch SDK
 * client, with real targets in this JVM; and a target-tracking policy on ALBRequestCountPerTarget (Application Auto
 * Scaling over raw AWS JSON 1.1: its SDK v2 client is not on the Maven mirror) whose alarm goes to ALARM under load.
 */
class AlbMetricsApiTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(config -> Elbv2Fixture.fastChecks(config.withMetricsPeriod(Duration.ofSeconds(2))));
  static final TestEmulator emulator = EMULATOR.emulator();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final CloudWatchClient cw = emulator.sdk(CloudWatchClient.builder());
  static final Elbv2Fixture fixture = new Elbv2Fixture(elb);
  static final ObjectMapper json = new ObjectMapper();
  static final Duration DECIDED = Duration.ofSeconds(60);

  final List<TestTarget> targets = new CopyOnWriteArrayList<>();
  final AtomicBoolean loading = new AtomicBoolean();

  @AfterEach
  void stop() {
    loading.set(false);
    targets.forEach(TestTarget::close);
  }

  @AfterAll
  static void closeClients() {
    elb.close();
    cw.close();
  }

  record Setup(int port, String lb, String group) {

    /** The end of an ARN, as AWS/ApplicationELB's dimensions name it. */
    String lbDimension() {
      return lb.substring(lb.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }

    String groupDimension() {
      return group.substring(group.lastIndexOf(':') + 1);
    }
  }

  /** A listener on a free port forwarding to a group of {@code count} healthy targets. */
  Setup healthy(String name, int count) {
    String lb = fixture.loadBalancer(name);
    String group = fixture.targetGroup(name + "-tg");
    int port = freePort();
    fixture.listener(lb, port, group);
    for (int i = 0; i < count; i++) {
      TestTarget target = new TestTarget(name + i);
      targets.add(target);
      fixture.register(group, target);
      await().atMost(DECIDED).until(() -> fixture.state(group, target) == TargetHealthStateEnum.HEALTHY);
    }
    return new Setup(port, lb, group);
  }

  /** Over the last ten minutes: the sum of the Sums, or the greatest Maximum. */
  static double sum(String metric, Statistic statistic, Dimension... dimensions) {
    Instant now = Instant.now();
    List<Datapoint> points = cw.getMetricStatistics(b -> b.namespace("AWS/ApplicationELB").metricName(metric)
        .dimensions(dimensions).startTime(now.minus(Duration.ofMinutes(10))).endTime(now.plus(Duration.ofMinutes(1)))
        .period(60).statistics(statistic)).datapoints();
    return statistic == Statistic.SUM ? points.stream().mapToDouble(Datapoint::sum).sum()
        : points.stream().mapToDouble(Datapoint::maximum).max().orElse(0);
  }

  static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }

  @Test
  void requestsThroughAListenerAreCountedByTargetGroupAndPerHealthyTarget() {
    Setup setup = healthy("count", 2);
    int requests = 10;
    for (int i = 0; i < requests; i++) {
      assertThat(get(setup.port(), "/").statusCode()).isEqualTo(200);
    }

    Dimension group = dimension("TargetGroup", setup.groupDimension());
    Dimension balancer = dimension("LoadBalancer", setup.lbDimension());
    assertThat(setup.groupDimension()).matches("targetgroup/count-tg/[0-9a-f]{16}");
    assertThat(setup.lbDimension()).matches("app/count/[0-9a-f]{16}");
    await().atMost(DECIDED).untilAsserted(() -> {
      assertThat(sum("RequestCount", Statistic.SUM, group)).isEqualTo(requests);
      assertThat(sum("RequestCount", Statistic.SUM, balancer)).isEqualTo(requests);
      assertThat(sum("RequestCount", Statistic.SUM, group, balancer)).isEqualTo(requests);
      assertThat(sum("HTTPCode_Target_2XX_Count", Statistic.SUM, group, balancer)).isEqualTo(requests);
    });
    assertThat(sum("RequestCountPerTarget", Statistic.SUM, group)).isEqualTo(requests / 2.0);
    // Reported every period, also while the second target was still becoming healthy (then 1).
    assertThat(sum("HealthyHostCount", Statistic.MAXIMUM, group, balancer)).isEqualTo(2.0);
    assertThat(sum("UnHealthyHostCount", Statistic.MAXIMUM, group, balancer)).isZero();
    assertThat(sum("TargetResponseTime", Statistic.MAXIMUM, balancer)).isPositive();
    assertThat(sum("HTTPCode_ELB_5XX_Count", Statistic.SUM, balancer)).isZero();
  }

  @Test
  void aGroupWithoutTargetsCountsTheLoadBalancers503() {
    Setup setup = healthy("empty", 0);
    await().atMost(DECIDED).until(() -> get(setup.port(), "/").statusCode() == 503);
    Dimension balancer = dimension("LoadBalancer", setup.lbDimension());

    await().atMost(DECIDED).untilAsserted(() -> assertThat(sum("HTTPCode_ELB_5XX_Count", Statistic.SUM, balancer))
        .isPositive());
    assertThat(sum("RequestCount", Statistic.SUM, balancer)).isZero();
    assertThat(sum("HTTPCode_Target_5XX_Count", Statistic.SUM, balancer)).isZero();
  }

  @Test
  void anAlbRequestCountPerTargetPolicysAlarmGoesToAlarmUnderLoad() {
    Setup setup = healthy("scale", 1);
    emulator.client().createCluster(b -> b.clusterName("shop"));
    emulator.client().registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator-test/absent:none").memory(32)));
    emulator.client().createService(b -> b.cluster("shop").serviceName("web").taskDefinition("web").desiredCount(1));
    String target = "{\"ServiceNamespace\":\"ecs\",\"ScalableDimension\":\"ecs:service:DesiredCount\","
        + "\"ResourceId\":\"service/shop/web\"";
    autoScaling("RegisterScalableTarget", target + ",\"MinCapacity\":1,\"MaxCapacity\":4}");
    String label = setup.lbDimension() + "/" + setup.groupDimension();
    JsonNode policy = autoScaling("PutScalingPolicy", target + ",\"PolicyName\":\"requests\",\"PolicyType\":"
        + "\"TargetTrackingScaling\",\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":2,"
        + "\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"ALBRequestCountPerTarget\","
        + "\"ResourceLabel\":\"" + label + "\"}}}");
    String high = policy.path("Alarms").get(0).path("AlarmName").asText();
    MetricAlarm alarm = cw.describeAlarms(b -> b.alarmNames(high)).metricAlarms().get(0);
    assertThat(alarm.namespace()).isEqualTo("AWS/ApplicationELB");
    assertThat(alarm.metricName()).isEqualTo("RequestCountPerTarget");
    assertThat(alarm.dimensions()).containsExactly(dimension("TargetGroup", setup.groupDimension()));

    loading.set(true);
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      while (loading.get()) {
        HttpResponse<String> response = get(setup.port(), "/");
        assertThat(response.statusCode()).isEqualTo(200);
      }
    });
    try {
      await().atMost(DECIDED).until(() -> cw.describeAlarms(b -> b.alarmNames(high)).metricAlarms().get(0)
          .stateValue() == StateValue.ALARM);
      await().atMost(DECIDED).until(() -> emulator.client().describeServices(b -> b.cluster("shop").services("web"))
          .services().get(0).desiredCount() > 1);
    } finally {
      loading.set(false);
      load.join();
    }
  }

  static JsonNode autoScaling(String operation, String body) {
    HttpResponse<String> response = emulator.post("AnyScaleFrontendService." + operation, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
