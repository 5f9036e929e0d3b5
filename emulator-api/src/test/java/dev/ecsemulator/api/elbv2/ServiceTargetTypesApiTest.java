package dev.ecsemulator.api.elbv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * CreateService and UpdateService refuse a target group whose target type does not fit the task definition's network
 * mode (awsvpc needs {@code ip}, bridge and host {@code instance}), and CreateService one that does not exist or has no
 * load balancer, with ECS's InvalidParameterException. No task runs: the services have a desired count of 0, or none
 * is created.
 */
class ServiceTargetTypesApiTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final Elbv2Fixture fixture = new Elbv2Fixture(elb);

  String ipGroup;
  String instanceGroup;

  @AfterAll
  static void close() {
    elb.close();
  }

  @BeforeEach
  void setUp() {
    ecs.createCluster(b -> b.clusterName("default"));
    register("web-bridge", NetworkMode.BRIDGE);
    register("web-host", NetworkMode.HOST);
    register("web-vpc", NetworkMode.AWSVPC);
    String lb = fixture.loadBalancer("web");
    ipGroup = group("web-ip", "ip");
    instanceGroup = group("web-instance", "instance");
    fixture.listener(lb, Elbv2Fixture.freePort(), ipGroup);
    elb.createListener(b -> b.loadBalancerArn(lb).protocol("HTTP").port(Elbv2Fixture.freePort())
        .defaultActions(Elbv2Fixture.forward(instanceGroup)));
  }

  static void register(String family, NetworkMode mode) {
    ecs.registerTaskDefinition(b -> b.family(family).networkMode(mode).containerDefinitions(c -> c.name("app")
        .image("ecs-emulator-test/absent:none").memory(32).portMappings(p -> p.containerPort(8080))));
  }

  static String group(String name, String type) {
    return elb.createTargetGroup(b -> b.name(name).protocol("HTTP").port(8080).vpcId("vpc-1").targetType(type))
        .targetGroups().get(0).targetGroupArn();
  }

  static String refusal(Runnable call) {
    return catchThrowableOfType(InvalidParameterException.class, call::run).awsErrorDetails().errorMessage();
  }

  static void create(String name, String family, String group) {
    ecs.createService(b -> b.cluster("default").serviceName(name).taskDefinition(family).desiredCount(0)
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
        .loadBalancers(l -> l.targetGroupArn(group).containerName("app").containerPort(8080)));
  }

  static void createWithoutNetwork(String name, String family, String group) {
    ecs.createService(b -> b.cluster("default").serviceName(name).taskDefinition(family).desiredCount(0)
        .loadBalancers(l -> l.targetGroupArn(group).containerName("app").containerPort(8080)));
  }

  @Test
  void createServiceRefusesATargetTypeTheNetworkModeCannotUse() {
    assertThat(refusal(() -> create("vpc", "web-vpc", instanceGroup))).isEqualTo("The provided target group "
        + instanceGroup + " has target type instance, which is incompatible with the awsvpc network mode specified in "
        + "the task definition.");
    assertThat(refusal(() -> createWithoutNetwork("bridge", "web-bridge", ipGroup))).isEqualTo("The provided target "
        + "group " + ipGroup + " has target type ip, which is incompatible with the bridge network mode specified in "
        + "the task definition.");
    assertThat(refusal(() -> createWithoutNetwork("host", "web-host", ipGroup))).isEqualTo("The provided target "
        + "group " + ipGroup + " has target type ip, which is incompatible with the host network mode specified in "
        + "the task definition.");
    assertThat(ecs.listServices(b -> b.cluster("default")).serviceArns()).isEmpty();

    create("vpc", "web-vpc", ipGroup);
    createWithoutNetwork("bridge", "web-bridge", instanceGroup);
    createWithoutNetwork("host", "web-host", instanceGroup);
    assertThat(ecs.listServices(b -> b.cluster("default")).serviceArns()).hasSize(3);
  }

  @Test
  void createServiceRefusesATargetGroupThatDoesNotExistOrHasNoLoadBalancer() {
    String lonely = group("lonely-tg", "instance");
    String missing = lonely.replace("lonely-tg", "missing-tg");
    assertThat(refusal(() -> createWithoutNetwork("web", "web-bridge", lonely)))
        .startsWith("The target group with targetGroupArn " + lonely + " does not have an associated load balancer.");
    assertThat(refusal(() -> createWithoutNetwork("web", "web-bridge", missing)))
        .startsWith("The target group with targetGroupArn " + missing + " does not exist.");
    assertThat(ecs.listServices(b -> b.cluster("default")).serviceArns()).isEmpty();
  }

  @Test
  void updateServiceChecksTheNewTargetGroupAndTheNewTaskDefinition() {
    createWithoutNetwork("web", "web-bridge", instanceGroup);

    assertThat(refusal(() -> ecs.updateService(b -> b.cluster("default").service("web")
        .loadBalancers(l -> l.targetGroupArn(ipGroup).containerName("app").containerPort(8080)))))
        .contains("has target type ip, which is incompatible with the bridge network mode");
    assertThat(refusal(() -> ecs.updateService(b -> b.cluster("default").service("web").taskDefinition("web-vpc")
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))))
        .contains("has target type instance, which is incompatible with the awsvpc network mode");

    ecs.updateService(b -> b.cluster("default").service("web").taskDefinition("web-vpc")
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
        .loadBalancers(l -> l.targetGroupArn(ipGroup).containerName("app").containerPort(8080)));
    assertThat(ecs.describeServices(b -> b.cluster("default").services("web")).services().get(0).loadBalancers())
        .extracting(l -> l.targetGroupArn()).containsExactly(ipGroup);
  }
}
