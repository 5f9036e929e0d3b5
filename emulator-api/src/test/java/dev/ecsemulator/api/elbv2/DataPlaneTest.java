package dev.ecsemulator.api.elbv2;

import static dev.ecsemulator.api.elbv2.Elbv2Fixture.DECIDED;
import static dev.ecsemulator.api.elbv2.Elbv2Fixture.freePort;
import static dev.ecsemulator.api.elbv2.Elbv2Fixture.get;
import static dev.ecsemulator.api.elbv2.Elbv2Fixture.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.elbv2.Elbv2Fixture.Setup;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.RawHttp;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.TargetRegistry;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The data plane with real targets (HTTP servers in this JVM): listeners proxy on their ports, health checks decide
 * who gets traffic, deregistered targets drain, rules route by path and host, forwards split by weight. Health taking
 * targets out of traffic and failing open is {@link DataPlaneHealthTest}'s and {@link DataPlaneFailOpenTest}'s.
 */
class DataPlaneTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(Elbv2Fixture::fastChecks);
  static final TestEmulator emulator = EMULATOR.emulator();
  @RegisterExtension
  static final Elbv2Fixture fixture = new Elbv2Fixture(emulator.sdk(ElasticLoadBalancingV2Client.builder()));
  static final ElasticLoadBalancingV2Client elb = fixture.elb();

  @Test
  void aListenerProxiesRoundRobinToHealthyTargets() {
    TestTarget a = fixture.target("a");
    TestTarget b = fixture.target("b");
    Setup setup = fixture.healthyBehindListener("rr", a, b);

    HttpResponse<String> response = get(setup.port(), "/hello?x=1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).endsWith(" /hello");
    assertThat(spread(setup.port(), "/", 10)).containsEntry("a", 5L).containsEntry("b", 5L);
    assertThat(a.lastUserAgent).isEqualTo("ELB-HealthChecker/2.0");
    assertThat(a.lastForwardedFor).isEqualTo("127.0.0.1");
    assertThat(get(setup.port(), "/").headers().firstValue("Via")).isEmpty();
  }

  @Test
  void aDeregisteredTargetFinishesItsRequestUnderWayAndGetsNoNewOnes() throws Exception {
    TestTarget a = fixture.target("a");
    TestTarget b = fixture.target("b");
    Setup setup = fixture.healthyBehindListener("drain", a, b);
    List<TargetRegistry.DrainedTarget> drained = new CopyOnWriteArrayList<>();
    emulator.emulator().elbv2().targets().onDrained(drained::add);

    // Round-robin: of two slow requests, one reaches a.
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> get(setup.port(), "/slow"));
    CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> get(setup.port(), "/slow"));
    await().atMost(DECIDED).until(() -> a.slowStarted.getCount() == 0 && b.slowStarted.getCount() == 0);
    fixture.deregister(setup.group(), a);
    assertThat(fixture.state(setup.group(), a)).isEqualTo(TargetHealthStateEnum.DRAINING);
    b.releaseSlow.countDown();
    await().atMost(DECIDED).untilAsserted(() -> assertThat(spread(setup.port(), "/", 4)).containsOnlyKeys("b"));
    assertThat(fixture.state(setup.group(), a)).isEqualTo(TargetHealthStateEnum.DRAINING);
    assertThat(drained).isEmpty();

    a.releaseSlow.countDown();
    assertThat(first.get().statusCode()).isEqualTo(200);
    assertThat(second.get().statusCode()).isEqualTo(200);
    await().atMost(DECIDED).until(() -> fixture.state(setup.group(), a) == TargetHealthStateEnum.UNUSED);
    assertThat(drained).singleElement().isEqualTo(new TargetRegistry.DrainedTarget(
        new Scope("000000000000", "us-east-1"), setup.group(), "127.0.0.1", a.port()));
  }

  @Test
  void rulesRouteByPathAndHostAndForwardsSplitByWeight() {
    TestTarget web = fixture.target("web");
    TestTarget api = fixture.target("api");
    TestTarget blue = fixture.target("blue");
    TestTarget green = fixture.target("green");
    Setup setup = fixture.healthyBehindListener("rules", web);
    String apiGroup = fixture.targetGroup("rules-api");
    String blueGroup = fixture.targetGroup("rules-blue");
    String greenGroup = fixture.targetGroup("rules-green");
    elb.createRule(b -> b.listenerArn(setup.listener()).priority(10)
        .conditions(c -> c.field("path-pattern").values("/api/*"))
        .actions(Elbv2Fixture.forward(apiGroup)));
    elb.createRule(b -> b.listenerArn(setup.listener()).priority(20)
        .conditions(c -> c.field("host-header").hostHeaderConfig(h -> h.values("*.example.COM")))
        .actions(Action.builder().type("forward").forwardConfig(f -> f.targetGroups(
            t -> t.targetGroupArn(blueGroup).weight(3), t -> t.targetGroupArn(greenGroup).weight(1))).build()));
    elb.createRule(b -> b.listenerArn(setup.listener()).priority(30)
        .conditions(c -> c.field("path-pattern").values("/teapot"))
        .actions(Action.builder().type("fixed-response").fixedResponseConfig(f -> f.statusCode("418")
            .contentType("text/plain").messageBody("short and stout")).build()));
    fixture.register(apiGroup, api);
    fixture.register(blueGroup, blue);
    fixture.register(greenGroup, green);
    for (var pair : List.of(Map.entry(apiGroup, api), Map.entry(blueGroup, blue), Map.entry(greenGroup, green))) {
      await().atMost(DECIDED).until(() -> fixture.state(pair.getKey(), pair.getValue()) == TargetHealthStateEnum.HEALTHY);
    }

    assertThat(get(setup.port(), "/api/users").body()).isEqualTo("api /api/users");
    assertThat(get(setup.port(), "/apiary").body()).isEqualTo("web /apiary");
    String url = "http://127.0.0.1:" + setup.port();
    Map<String, Long> split = IntStream.range(0, 8)
        .mapToObj(i -> RawHttp.exchange(url, "GET / HTTP/1.1\r\nHost: shop.Example.com:" + setup.port(), "").body())
        .collect(Collectors.groupingBy(body -> body.split(" ")[0], Collectors.counting()));
    assertThat(split).containsEntry("blue", 6L).containsEntry("green", 2L);
    HttpResponse<String> teapot = get(setup.port(), "/teapot");
    assertThat(teapot.statusCode()).isEqualTo(418);
    assertThat(teapot.body()).isEqualTo("short and stout");
  }

  @Test
  void aListenerWithoutTargetsAnswers503() {
    String lb = fixture.loadBalancer("empty");
    String group = fixture.targetGroup("empty-tg");
    int port = freePort();
    fixture.listener(lb, port, group);
    HttpResponse<String> response = get(port, "/");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("503 Service Temporarily Unavailable");
  }

  @Test
  void aTakenPortFailsCreateListenerNamingThePort() throws Exception {
    String lb = fixture.loadBalancer("taken");
    String group = fixture.targetGroup("taken-tg");
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> fixture.listener(lb, port, group))
          .isInstanceOfSatisfying(InvalidConfigurationRequestException.class, e -> assertThat(
              e.awsErrorDetails().errorMessage()).isEqualTo("ecs-emulator cannot open the listener's port " + port
              + " on 127.0.0.1: it is already in use. Choose another port."));
    }
    assertThat(elb.describeListeners(b -> b.loadBalancerArn(lb)).listeners()).isEmpty();
  }

  @Test
  void deletingTheListenerOrResettingClosesItsPort() {
    String lb = fixture.loadBalancer("closing");
    String group = fixture.targetGroup("closing-tg");
    int port = freePort();
    String listener = fixture.listener(lb, port, group);
    assertThat(emulator.emulator().loadBalancing().openPorts()).contains(port);
    elb.deleteListener(b -> b.listenerArn(listener));
    await().atMost(DECIDED).until(() -> !emulator.emulator().loadBalancing().openPorts().contains(port));

    fixture.listener(lb, port, group);
    emulator.reset();
    await().atMost(DECIDED).until(() -> !emulator.emulator().loadBalancing().openPorts().contains(port));
  }
}
