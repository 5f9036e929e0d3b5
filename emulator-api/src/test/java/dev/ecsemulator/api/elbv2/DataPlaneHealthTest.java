package dev.ecsemulator.api.elbv2;

import static dev.ecsemulator.api.elbv2.Elbv2Fixture.DECIDED;
import static dev.ecsemulator.api.elbv2.Elbv2Fixture.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.elbv2.Elbv2Fixture.Setup;
import dev.ecsemulator.api.support.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The data plane's health checks taking an unhealthy target out of traffic, with real targets (HTTP servers in this
 * JVM). Apart from {@link DataPlaneTest} and {@link DataPlaneFailOpenTest} because each waits through several
 * health-check intervals (AWS's shortest, 5 s, here of {@link Elbv2Fixture#CHECK_SECOND} seconds) and the methods of
 * one class run in turn: apart, they run side by side.
 */
class DataPlaneHealthTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(Elbv2Fixture::fastChecks);
  @RegisterExtension
  static final Elbv2Fixture fixture = new Elbv2Fixture(EMULATOR.emulator().sdk(ElasticLoadBalancingV2Client.builder()));

  @Test
  void anUnhealthyTargetGetsNoTraffic() {
    TestTarget a = fixture.target("a");
    TestTarget b = fixture.target("b");
    Setup setup = fixture.healthyBehindListener("health", a, b);

    b.healthStatus = 503;
    await().atMost(DECIDED).until(() -> fixture.state(setup.group(), b) == TargetHealthStateEnum.UNHEALTHY);
    TargetHealthDescription described = fixture.elb().describeTargetHealth(r -> r.targetGroupArn(setup.group())
        .targets(Elbv2Fixture.descriptions(b))).targetHealthDescriptions().get(0);
    assertThat(described.targetHealth().reasonAsString()).isEqualTo("Target.ResponseCodeMismatch");
    assertThat(described.targetHealth().description()).isEqualTo("Health checks failed with these codes: [503]");
    assertThat(spread(setup.port(), "/", 6)).containsOnlyKeys("a");
  }
}
