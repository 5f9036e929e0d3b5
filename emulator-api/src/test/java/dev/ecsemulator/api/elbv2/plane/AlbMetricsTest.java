package dev.ecsemulator.api.elbv2.plane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.elbv2.plane.AlbMetrics.Group;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cloudwatch.Aggregate;
import dev.ecsemulator.core.cloudwatch.MetricWrites.Sample;
import dev.ecsemulator.core.cloudwatch.model.Dimension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The counting of {@link RequestMeter} and the samples {@link AlbMetrics} makes of a period. */
class AlbMetricsTest {

  static final String PREFIX = "arn:aws:elasticloadbalancing:us-east-1:000000000000:";
  static final String LB = PREFIX + "loadbalancer/app/web/0123456789abcdef";
  static final String LISTENER = PREFIX + "listener/app/web/0123456789abcdef/fedcba9876543210";
  static final String TG = PREFIX + "targetgroup/web-tg/00000000000000aa";
  static final Instant AT = Instant.parse("2026-12-07T16:00:00Z");
  static final Scope SCOPE = new Scope("000000000000", "us-east-1");

  static Map<String, Aggregate> byName(List<Sample> samples) {
    return samples.stream().collect(Collectors.toMap(s -> s.metric().metricName() + " " + s.metric().dimensions()
        .stream().map(Dimension::name).collect(Collectors.joining("+")), Sample::data));
  }

  @Test
  void requestsAreCountedByGroupAndBalancerAndPerHealthyTarget() {
    RequestMeter meter = new RequestMeter();
    for (int i = 0; i < 9; i++) {
      meter.targetAnswered(LISTENER, TG, 200, 0.010);
    }
    meter.targetAnswered(LISTENER, TG, 404, 0.030);
    meter.targetAnswered(LISTENER, TG, 500, 0.002);
    meter.loadBalancerAnswered(LISTENER, TG, RequestMeter.OwnAnswer.TARGET_FAILED, 502);
    meter.loadBalancerAnswered(LISTENER, null, RequestMeter.OwnAnswer.REDIRECT, 301);
    meter.loadBalancerAnswered(LISTENER, null, RequestMeter.OwnAnswer.FIXED_RESPONSE, 404);

    List<Sample> samples = AlbMetrics.samples(meter.drain(), List.of(new Group(LB, TG, 3, 1, 4)), AT, 1).get(SCOPE);
    Map<String, Aggregate> data = byName(samples);

    assertThat(data.get("RequestCount TargetGroup").sum()).isEqualTo(12);
    assertThat(data.get("RequestCount LoadBalancer+TargetGroup").sum()).isEqualTo(12);
    assertThat(data.get("RequestCount LoadBalancer").sum()).isEqualTo(12);
    assertThat(data.get("RequestCountPerTarget TargetGroup").sum()).isEqualTo(4);
    assertThat(data.get("RequestCountPerTarget LoadBalancer+TargetGroup").sum()).isEqualTo(4);
    assertThat(data.get("HealthyHostCount LoadBalancer+TargetGroup").maximum()).isEqualTo(3);
    assertThat(data.get("UnHealthyHostCount LoadBalancer+TargetGroup").maximum()).isEqualTo(1);
    assertThat(data.get("HTTPCode_Target_2XX_Count LoadBalancer+TargetGroup")).isEqualTo(new Aggregate(9, 9, 1, 1));
    assertThat(data.get("HTTPCode_Target_4XX_Count LoadBalancer").sum()).isEqualTo(1);
    assertThat(data.get("HTTPCode_Target_5XX_Count LoadBalancer").sum()).isEqualTo(1);
    assertThat(data).doesNotContainKey("HTTPCode_Target_3XX_Count LoadBalancer");
    assertThat(data.get("HTTPCode_ELB_5XX_Count LoadBalancer").sum()).isEqualTo(1);
    assertThat(data.get("HTTPCode_ELB_4XX_Count LoadBalancer").sum()).isEqualTo(1);
    assertThat(data.get("HTTPCode_ELB_3XX_Count LoadBalancer").sum()).isEqualTo(1);
    assertThat(data.get("HTTP_Redirect_Count LoadBalancer").sum()).isEqualTo(1);
    assertThat(data.get("HTTP_Fixed_Response_Count LoadBalancer").sum()).isEqualTo(1);
    Aggregate time = data.get("TargetResponseTime LoadBalancer+TargetGroup");
    assertThat(time.sampleCount()).isEqualTo(11);
    assertThat(time.minimum()).isEqualTo(0.002);
    assertThat(time.maximum()).isEqualTo(0.030);

    Sample perTarget = samples.stream().filter(s -> s.metric().metricName().equals("RequestCountPerTarget")
        && s.metric().dimensions().size() == 1).findFirst().orElseThrow();
    assertThat(perTarget.metric().namespace()).isEqualTo("AWS/ApplicationELB");
    assertThat(perTarget.metric().dimensions()).containsExactly(new Dimension("TargetGroup",
        "targetgroup/web-tg/00000000000000aa"));
    assertThat(perTarget.timestamp()).isEqualTo(AT);
    Sample pair = samples.stream().filter(s -> s.metric().metricName().equals("HealthyHostCount")).findFirst()
        .orElseThrow();
    assertThat(pair.metric().dimensions()).contains(new Dimension("LoadBalancer", "app/web/0123456789abcdef"));
    assertThat(time).isNotNull();
    assertThat(samples.stream().filter(s -> s.metric().metricName().equals("TargetResponseTime")).findFirst()
        .orElseThrow().unit()).isEqualTo("Seconds");
  }

  @Test
  void aQuietPeriodReportsHostsAndZeroRequestsOnlyAndTheMeterStartsAgain() {
    RequestMeter meter = new RequestMeter();
    meter.targetAnswered(LISTENER, TG, 200, 0.001);
    meter.drain();

    Map<String, Aggregate> data = byName(AlbMetrics.samples(meter.drain(), List.of(new Group(LB, TG, 2, 0, 2)),
        AT, 60).get(SCOPE));

    assertThat(data).containsOnlyKeys("RequestCount TargetGroup", "RequestCount LoadBalancer+TargetGroup",
        "RequestCount LoadBalancer", "RequestCountPerTarget TargetGroup",
        "RequestCountPerTarget LoadBalancer+TargetGroup", "HealthyHostCount LoadBalancer+TargetGroup",
        "UnHealthyHostCount LoadBalancer+TargetGroup");
    assertThat(data.get("RequestCount TargetGroup").sum()).isZero();
    assertThat(data.get("RequestCountPerTarget TargetGroup").sum()).isZero();
  }

  @Test
  void withoutHealthyTargetsRequestsAreSharedByAllRegisteredOnes() {
    RequestMeter meter = new RequestMeter();
    for (int i = 0; i < 6; i++) {
      meter.targetAnswered(LISTENER, TG, 200, 0.001);
    }
    Map<String, Aggregate> data = byName(AlbMetrics.samples(meter.drain(), List.of(new Group(LB, TG, 0, 3, 3)),
        AT, 1).get(SCOPE));
    assertThat(data.get("RequestCountPerTarget TargetGroup").sum()).isEqualTo(2);
  }

  @Test
  void noGroupInUseAndNoRequestsIsNothing() {
    assertThat(AlbMetrics.samples(new RequestMeter().drain(), List.of(), AT, 1)).isEmpty();
  }
}
