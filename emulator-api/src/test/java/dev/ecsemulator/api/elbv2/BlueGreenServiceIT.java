package dev.ecsemulator.api.elbv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.elbv2.LoadBalancedServiceContainersIT.Load;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * A 3-task service behind a listener with the BLUE_GREEN strategy (bridge mode, {@code instance} targets at dynamic
 * host ports; a blue and a green target group; the production listener's default rule and a test listener's default
 * rule in {@code advancedConfiguration}), deployed from revision 1 to 2 under a steady stream of about 200 requests a
 * second through the production listener: not one request fails, every answer afterwards comes from version 2, the
 * blue targets have drained and are gone, and the service deployment went through ECS's lifecycle stages to
 * SUCCESSFUL. A second deployment whose green tasks fail their health checks is rolled back by the circuit breaker
 * with the same stream answered by version 1 throughout. Bake "minutes" last a second ({@code --bake-minute 1s}),
 * health check seconds 100 ms ({@code --elb-health-check-second 100ms}).
 *
 * <p>The target is the sample image's busybox {@code httpd} serving two files (the version and /health), started by
 * the task definition's command: several hundred answers a second where the image's shell-script app gives 30-80.
 */
class BlueGreenServiceIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(config -> Elbv2Fixture.fastChecks(
      config.withScheduler(config.scheduler().withBakeMinute(Duration.ofSeconds(1)))));
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final Elbv2Fixture fixture = new Elbv2Fixture(elb);
  static final Duration LONG = Duration.ofSeconds(240);
  static final String ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";

  @AfterAll
  static void close() {
    elb.close();
  }

  /**
   * Revision N of family web: busybox httpd on 8080 answering {"app":"sample-web","version":V} at / and, when
   * {@code healthy}, "ok" at /health (else 404). A shell as PID 1 so that SIGTERM stops it at once.
   */
  static void registerWeb(String version, boolean healthy) {
    String script = "mkdir -p /www && printf '{\"app\":\"sample-web\",\"version\":\"%s\"}\\n' \"$(cat /app/version)\""
        + " > /www/index.html" + (healthy ? " && echo ok > /www/health" : "")
        + " && trap 'exit 143' TERM; httpd -f -p 8080 -h /www & wait";
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:" + version).memory(32).stopTimeout(2).command("sh", "-c", script)
        .portMappings(p -> p.containerPort(8080).hostPort(0))));
  }

  static String group(String name) {
    String group = elb.createTargetGroup(b -> b.name(name).protocol("HTTP").port(8080).vpcId("vpc-1")
        .targetType("instance").healthCheckPath("/health").healthCheckIntervalSeconds(5)
        .healthCheckTimeoutSeconds(4).healthyThresholdCount(2).unhealthyThresholdCount(2))
        .targetGroups().get(0).targetGroupArn();
    elb.modifyTargetGroupAttributes(b -> b.targetGroupArn(group)
        .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("20")));
    return group;
  }

  /** The ELB side: a production and a test listener, each forwarding to blue (100) and green (0). */
  record Setup(String blue, String green, int port, int testPort, String productionRule, String testRule) {}

  static Setup loadBalancer() {
    String lb = fixture.loadBalancer("web");
    String blue = group("web-blue");
    String green = group("web-green");
    int port = Elbv2Fixture.freePort();
    int testPort = Elbv2Fixture.freePort();
    return new Setup(blue, green, port, testPort, defaultRule(lb, port, blue, green),
        defaultRule(lb, testPort, blue, green));
  }

  static String defaultRule(String lb, int port, String blue, String green) {
    String listener = elb.createListener(b -> b.loadBalancerArn(lb).protocol("HTTP").port(port)
        .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
            TargetGroupTuple.builder().targetGroupArn(blue).weight(100).build(),
            TargetGroupTuple.builder().targetGroupArn(green).weight(0).build())).build()))
        .listeners().get(0).listenerArn();
    return elb.describeRules(b -> b.listenerArn(listener)).rules().stream().filter(Rule::isDefault).findFirst()
        .orElseThrow().ruleArn();
  }

  static void createService(Setup s, boolean circuitBreaker) {
    ecs.createService(b -> b.cluster("default").serviceName("web").taskDefinition("web:1").desiredCount(3)
        .loadBalancers(l -> l.targetGroupArn(s.blue()).containerName("app").containerPort(8080)
            .advancedConfiguration(a -> a.alternateTargetGroupArn(s.green()).productionListenerRule(s.productionRule())
                .testListenerRule(s.testRule()).roleArn(ROLE)))
        .healthCheckGracePeriodSeconds(circuitBreaker ? 0 : 60)
        .deploymentConfiguration(DeploymentConfiguration.builder().strategy("BLUE_GREEN").bakeTimeInMinutes(3)
            .deploymentCircuitBreaker(c -> c.enable(circuitBreaker).rollback(circuitBreaker)).build()));
  }

  static List<TargetHealthDescription> targets(String group) {
    return elb.describeTargetHealth(b -> b.targetGroupArn(group)).targetHealthDescriptions();
  }

  static Service service() {
    return ecs.describeServices(b -> b.cluster("default").services("web")).services().get(0);
  }

  /** One deployment of the revision, 3 tasks running, exactly 3 targets in {@code group}, all healthy. */
  static boolean settled(String group, int revision) {
    Service s = service();
    List<TargetHealthDescription> targets = targets(group);
    return s.deployments().size() == 1 && s.taskDefinition().endsWith(":" + revision) && s.runningCount() == 3
        && targets.size() == 3 && targets.stream().allMatch(t -> t.targetHealth().state() == TargetHealthStateEnum.HEALTHY);
  }

  static ServiceDeployment currentDeployment() {
    String arn = service().currentServiceDeployment();
    return ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(arn)).serviceDeployments().get(0);
  }

  /** The forward weights of a rule, by target group. */
  static java.util.Map<String, Integer> weights(String ruleArn) {
    return elb.describeRules(b -> b.ruleArns(ruleArn)).rules().get(0).actions().get(0).forwardConfig().targetGroups()
        .stream().collect(Collectors.toMap(TargetGroupTuple::targetGroupArn, TargetGroupTuple::weight));
  }

  static String version(int port) {
    return Elbv2Fixture.get(port, "/").body().replaceAll("(?s).*\"version\":\"([^\"]*)\".*", "$1");
  }

  static Set<String> ids(List<TargetHealthDescription> targets) {
    return targets.stream().map(t -> t.target().id() + ":" + t.target().port()).collect(Collectors.toSet());
  }

  @Test
  void aBlueGreenDeploymentBehindAListenerLosesNoRequest() throws Exception {
    ecs.createCluster(b -> b.clusterName("default"));
    registerWeb("1", true);
    registerWeb("2", true);
    Setup s = loadBalancer();
    createService(s, false);
    await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> settled(s.blue(), 1));
    Set<String> blueTargets = ids(targets(s.blue()));
    assertThat(weights(s.productionRule())).containsEntry(s.blue(), 100).containsEntry(s.green(), 0);

    List<String> stages = new ArrayList<>();
    List<String> testVersions = new ArrayList<>();
    Load load = new Load(s.port());
    try {
      ecs.updateService(b -> b.cluster("default").service("web").taskDefinition("web:2"));
      await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> {
        String stage = currentDeployment().lifecycleStageAsString();
        if (stage != null && (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage))) {
          stages.add(stage);
          if (stage.equals("BAKE_TIME")) {
            testVersions.add(version(s.testPort()));
          }
        }
        return settled(s.green(), 2) && targets(s.blue()).isEmpty();
      });
      load.afterRollout.set(true);
      await().atMost(LONG).until(() -> load.answeredAfterRollout.get() >= 200);
    } finally {
      load.stop();
    }

    assertThat(load.failures).as("failed requests of %d sent", load.sent.get()).isEmpty();
    assertThat(load.versionsAfterRollout).containsOnlyKeys("2");
    assertThat(load.versionsDuring).containsKeys("1", "2");
    assertThat(ids(targets(s.green()))).doesNotContainAnyElementsOf(blueTargets);
    assertThat(weights(s.productionRule())).containsEntry(s.green(), 100).containsEntry(s.blue(), 0);
    assertThat(weights(s.testRule())).containsEntry(s.green(), 100).containsEntry(s.blue(), 0);
    assertThat(version(s.testPort())).isEqualTo("2");
    assertThat(testVersions).as("the test listener during the bake time").allMatch("2"::equals);
    ServiceDeployment done = currentDeployment();
    assertThat(done.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
    assertThat(done.lifecycleStage()).isEqualTo(ServiceDeploymentLifecycleStage.CLEAN_UP);
    List<String> order = java.util.Arrays.stream(ServiceDeploymentLifecycleStage.values()).map(Enum::name).toList();
    assertThat(stages).as("stages seen, in ECS's order").isSortedAccordingTo(java.util.Comparator.comparing(order::indexOf))
        .contains("BAKE_TIME").endsWith("CLEAN_UP");
    System.out.printf("Blue/green behind a listener: %d requests sent (%.0f/s), %d failed; stages seen %s%n",
        load.sent.get(), load.rate(), load.failures.size(), stages);
  }

  @Test
  void aGreenFleetThatFailsItsHealthChecksIsRolledBackWithoutLosingARequest() throws Exception {
    ecs.createCluster(b -> b.clusterName("default"));
    registerWeb("1", true);
    registerWeb("2", false);
    Setup s = loadBalancer();
    createService(s, true);
    await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> settled(s.blue(), 1));

    Load load = new Load(s.port());
    String failed;
    try {
      failed = ecs.updateService(b -> b.cluster("default").service("web").taskDefinition("web:2")).service()
          .currentServiceDeployment();
      await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
          ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(failed)).serviceDeployments().get(0).status()
              == ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL && settled(s.blue(), 1) && targets(s.green()).isEmpty());
    } finally {
      load.stop();
    }

    assertThat(load.failures).as("failed requests of %d sent", load.sent.get()).isEmpty();
    assertThat(load.versionsDuring).containsOnlyKeys("1");
    assertThat(weights(s.productionRule())).containsEntry(s.blue(), 100).containsEntry(s.green(), 0);
    assertThat(weights(s.testRule())).containsEntry(s.blue(), 100).containsEntry(s.green(), 0);
    ServiceDeployment rolledBack =
        ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(failed)).serviceDeployments().get(0);
    assertThat(rolledBack.rollback().serviceRevisionArn()).endsWith("/" + service().deployments().get(0).id()
        .substring("ecs-svc/".length()));
    System.out.printf("Blue/green rolled back behind a listener: %d requests sent (%.0f/s), %d failed%n",
        load.sent.get(), load.rate(), load.failures.size());
  }
}
