package dev.ecsemulator.api.elbv2;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.UnsupportedFeatureException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;

/**
 * CreateService and UpdateService with the BLUE_GREEN, LINEAR and CANARY strategies through the SDKs, without
 * Docker: what is accepted and shown, what is refused and how (the model's ranges; the wording is the emulator's,
 * unverified), and how a service's deployments alternate between its two target groups (each service revision shows
 * the group its tasks register with).
 */
class BlueGreenConfigurationTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final Elbv2Fixture fixture = new Elbv2Fixture(elb);

  String blue;
  String green;
  String productionRule;

  @AfterAll
  static void close() {
    elb.close();
  }

  @BeforeEach
  void setUp() {
    ecs.createCluster(b -> b.clusterName("apps"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c.name("web")
        .image("ecs-emulator/sample-web:1").memory(64).portMappings(p -> p.containerPort(8080))));
    String lb = fixture.loadBalancer("web");
    blue = fixture.targetGroup("blue", "instance");
    green = fixture.targetGroup("green", "instance");
    String listener = fixture.listener(lb, Elbv2Fixture.freePort(), blue);
    elb.createRule(b -> b.listenerArn(listener).priority(10).conditions(c -> c.field("path-pattern").values("/x/*"))
        .actions(Elbv2Fixture.forward(green)));
    productionRule = elb.describeRules(b -> b.listenerArn(listener)).rules().stream().filter(Rule::isDefault)
        .findFirst().orElseThrow().ruleArn();
  }

  static Service create(Consumer<CreateServiceRequest.Builder> more) {
    return ecs.createService(b -> {
      b.cluster("apps").serviceName("web").taskDefinition("web").desiredCount(0);
      more.accept(b);
    }).service();
  }

  static DeploymentConfiguration.Builder strategy(String strategy) {
    return DeploymentConfiguration.builder().strategy(strategy);
  }

  LoadBalancer.Builder withAlternate() {
    return LoadBalancer.builder().targetGroupArn(blue).containerName("web").containerPort(8080)
        .advancedConfiguration(a -> a.alternateTargetGroupArn(green).productionListenerRule(productionRule)
            .roleArn("arn:aws:iam::000000000000:role/ecs-elb"));
  }

  @Test
  void theStrategiesAndTheirSettingsAreAcceptedAndShown() {
    Service s = create(b -> b.deploymentConfiguration(strategy("LINEAR").bakeTimeInMinutes(5)
        .linearConfiguration(l -> l.stepPercent(12.5).stepBakeTimeInMinutes(2)).build())
        .loadBalancers(withAlternate().build()));
    assertThat(s.deploymentConfiguration().strategyAsString()).isEqualTo("LINEAR");
    assertThat(s.deploymentConfiguration().bakeTimeInMinutes()).isEqualTo(5);
    assertThat(s.deploymentConfiguration().linearConfiguration().stepPercent()).isEqualTo(12.5);
    assertThat(s.loadBalancers().get(0).advancedConfiguration().alternateTargetGroupArn()).isEqualTo(green);

    Service canary = ecs.updateService(b -> b.cluster("apps").service("web").deploymentConfiguration(
        strategy("CANARY").canaryConfiguration(c -> c.canaryPercent(0.1).canaryBakeTimeInMinutes(0)).build()))
        .service();
    assertThat(canary.deploymentConfiguration().canaryConfiguration().canaryPercent()).isEqualTo(0.1);
    assertThat(canary.deploymentConfiguration().linearConfiguration()).as("LINEAR's settings go with it").isNull();
    assertThat(canary.deploymentConfiguration().bakeTimeInMinutes()).isNull();
  }

  @Test
  void settingsOutOfTheModelsRangesOrOfAnotherStrategyAreRefused() {
    assertAwsError(() -> create(b -> b.deploymentConfiguration(strategy("BLUE_GREEN")
            .linearConfiguration(l -> l.stepPercent(10.0)).build())),
        InvalidParameterException.class, "linearConfiguration is only valid when the deployment strategy is LINEAR.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(strategy("ROLLING")
            .canaryConfiguration(c -> c.canaryPercent(10.0)).build())),
        InvalidParameterException.class, "canaryConfiguration is only valid when the deployment strategy is CANARY.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(strategy("LINEAR")
            .linearConfiguration(l -> l.stepPercent(2.9)).build())),
        InvalidParameterException.class, "linearConfiguration.stepPercent must be a multiple of 0.1 from 3.0 to 100.0.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(strategy("CANARY")
            .canaryConfiguration(c -> c.canaryPercent(5.05)).build())),
        InvalidParameterException.class, "canaryConfiguration.canaryPercent must be a multiple of 0.1 from 0.1 to 100.0.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(strategy("BLUE_GREEN").bakeTimeInMinutes(1441).build())),
        InvalidParameterException.class, "bakeTimeInMinutes must be between 0 and 1440 minutes.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(strategy("BLUE_GREEN").lifecycleHooks(h -> h
            .hookTargetArn("arn:aws:lambda:us-east-1:000000000000:function:check").roleArn("arn:aws:iam::0:role/r")
            .lifecycleStagesWithStrings("POST_TEST_TRAFFIC_SHIFT")).build())),
        UnsupportedFeatureException.class, "ecs-emulator does not run deployment lifecycle hooks (they are Lambda"
            + " functions); remove lifecycleHooks from the deploymentConfiguration.");
    assertAwsError(() -> create(b -> b.schedulingStrategy("DAEMON").desiredCount(null)
            .deploymentConfiguration(strategy("BLUE_GREEN").build())),
        InvalidParameterException.class,
        "The BLUE_GREEN deployment strategy is not supported for services using the DAEMON scheduling strategy.");
    assertThat(ecs.listServices(b -> b.cluster("apps")).serviceArns()).isEmpty();
  }

  @Test
  void aLoadBalancedServiceNeedsAnAlternateGroupInUseAndAProductionRuleThatExist() {
    String lonely = fixture.targetGroup("lonely", "instance");
    String missing = green.replace("/green/", "/missing/");
    String goneRule = productionRule.replaceAll("/[0-9a-f]+$", "/0000000000000000");
    DeploymentConfiguration blueGreen = strategy("BLUE_GREEN").bakeTimeInMinutes(1).build();
    assertAwsError(() -> create(b -> b.deploymentConfiguration(blueGreen)
            .loadBalancers(withAlternate().advancedConfiguration((software.amazon.awssdk.services.ecs.model
                .AdvancedConfiguration) null).build())),
        InvalidParameterException.class, "advancedConfiguration with an alternateTargetGroupArn and a"
            + " productionListenerRule is required for each load balancer of a service using the BLUE_GREEN deployment"
            + " strategy.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(blueGreen).loadBalancers(withAlternate()
            .advancedConfiguration(a -> a.alternateTargetGroupArn(blue).productionListenerRule(productionRule)).build())),
        InvalidParameterException.class, "The alternateTargetGroupArn must differ from the targetGroupArn.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(blueGreen).loadBalancers(withAlternate()
            .advancedConfiguration(a -> a.alternateTargetGroupArn(missing).productionListenerRule(productionRule))
            .build())),
        InvalidParameterException.class, "The target group with targetGroupArn " + missing + " does not exist.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(blueGreen).loadBalancers(withAlternate()
            .advancedConfiguration(a -> a.alternateTargetGroupArn(lonely).productionListenerRule(productionRule))
            .build())),
        InvalidParameterException.class,
        "The target group with targetGroupArn " + lonely + " does not have an associated load balancer.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(blueGreen).loadBalancers(withAlternate()
            .advancedConfiguration(a -> a.alternateTargetGroupArn(green).productionListenerRule(goneRule)).build())),
        InvalidParameterException.class, "The productionListenerRule " + goneRule + " does not exist.");
    assertAwsError(() -> create(b -> b.deploymentConfiguration(blueGreen).loadBalancers(withAlternate()
            .advancedConfiguration(a -> a.alternateTargetGroupArn(green).productionListenerRule(productionRule)
                .testListenerRule(goneRule)).build())),
        InvalidParameterException.class, "The testListenerRule " + goneRule + " does not exist.");

    create(b -> b.loadBalancers(LoadBalancer.builder().targetGroupArn(blue).containerName("web").containerPort(8080)
        .build()));
    assertAwsError(() -> ecs.updateService(b -> b.cluster("apps").service("web")
            .deploymentConfiguration(blueGreen)),
        InvalidParameterException.class, "advancedConfiguration with an alternateTargetGroupArn and a"
            + " productionListenerRule is required for each load balancer of a service using the BLUE_GREEN deployment"
            + " strategy.");
    assertThat(ecs.describeServices(b -> b.cluster("apps").services("web")).services().get(0)
        .deploymentConfiguration().strategyAsString()).as("unchanged").isNull();
  }

  @Test
  void eachNewDeploymentTakesTheGroupItsPredecessorDoesNotUse() {
    create(b -> b.deploymentConfiguration(strategy("BLUE_GREEN").bakeTimeInMinutes(0).build())
        .loadBalancers(withAlternate().build()));
    String first = revisionGroup();
    redeploy();
    String second = revisionGroup();
    redeploy();
    String third = revisionGroup();
    assertThat(java.util.List.of(first, second, third)).containsExactly(blue, green, blue);
    assertThat(ecs.describeServices(b -> b.cluster("apps").services("web")).services().get(0).loadBalancers().get(0)
        .targetGroupArn()).as("the service's own loadBalancers stay as configured").isEqualTo(blue);
  }

  /** A forced new deployment, once the previous one has completed (desiredCount 0: at once). */
  static void redeploy() {
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      Service s = ecs.describeServices(b -> b.cluster("apps").services("web")).services().get(0);
      return s.deployments().size() == 1 && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString());
    });
    ecs.updateService(b -> b.cluster("apps").service("web").forceNewDeployment(true));
  }

  /** The target group the current service deployment's revision registers its tasks with. */
  static String revisionGroup() {
    Service s = ecs.describeServices(b -> b.cluster("apps").services("web")).services().get(0);
    String revision = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(s.currentServiceDeployment()))
        .serviceDeployments().get(0).targetServiceRevision().arn();
    return ecs.describeServiceRevisions(b -> b.serviceRevisionArns(revision)).serviceRevisions().get(0)
        .loadBalancers().get(0).targetGroupArn();
  }
}
