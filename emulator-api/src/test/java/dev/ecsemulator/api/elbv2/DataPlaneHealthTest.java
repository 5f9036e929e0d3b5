package dev.ecsemulator.api.elbv2;

import static dev.ecsemulator.api.elbv2.Elbv2Fixture.DECIDED;
import static dev.ecsemulator.api.elbv2.Elbv2Fixture.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.elbv2.Elbv2Fixture.Setup;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The data plane's health checks deciding who gets traffic, with real targets (HTTP servers in this JVM). Apart from
 * {@link DataPlaneTest} because it waits through several real 5-second health-check intervals (AWS's shortest), and
 * the methods of one class run in turn: on its own it runs beside them.
 */
class DataPlaneHealthTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final Elbv2Fixture fixture = new Elbv2Fixture(elb);

  @AfterEach
  void stopTargets() {
    fixture.closeTargets();
  }

  @AfterAll
  static void close() {
    elb.close();
  }

  @Test
  void anUnhealthyTargetGetsNoTrafficAndAllUnhealthyFailsOpen() {
    TestTarget a = fixture.target("a");
    TestTarget b = fixture.target("b");
    Setup setup = fixture.healthyBehindListener("health", a, b);

    b.healthStatus = 503;
    await().atMost(DECIDED).until(() -> fixture.state(setup.group(), b) == TargetHealthStateEnum.UNHEALTHY);
    TargetHealthDescription described = elb.describeTargetHealth(r -> r.targetGroupArn(setup.group())
        .targets(Elbv2Fixture.descriptions(b))).targetHealthDescriptions().get(0);
    assertThat(described.targetHealth().reasonAsString()).isEqualTo("Target.ResponseCodeMismatch");
    assertThat(described.targetHealth().description()).isEqualTo("Health checks failed with these codes: [503]");
    assertThat(spread(setup.port(), "/", 6)).containsOnlyKeys("a");

    a.healthStatus = 500;
    await().atMost(DECIDED).until(() -> fixture.state(setup.group(), a) == TargetHealthStateEnum.UNHEALTHY);
    assertThat(spread(setup.port(), "/", 6)).containsOnlyKeys("a", "b"); // fail-open: all targets

    b.healthStatus = 200;
    await().atMost(DECIDED).until(() -> fixture.state(setup.group(), b) == TargetHealthStateEnum.HEALTHY);
    assertThat(spread(setup.port(), "/", 4)).containsOnlyKeys("b");
  }
}
