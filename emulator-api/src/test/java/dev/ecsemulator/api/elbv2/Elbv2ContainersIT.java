package dev.ecsemulator.api.elbv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * A load balancer in front of real containers: tasks of ecs-emulator/sample-web:1 and :2 run by the emulator (bridge
 * mode, dynamic host ports), registered as {@code instance} targets of the one container instance. Health checks hit
 * the app's /health; its /control/unhealthy takes a version out of rotation.
 */
class Elbv2ContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(Elbv2Fixture::fastChecks);
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final Elbv2Fixture fixture = new Elbv2Fixture(elb);
  static final Duration LONG = Duration.ofSeconds(90);

  @AfterAll
  static void close() {
    elb.close();
  }

  /** Runs one task of the sample app's {@code version}; returns its host port for 8080 once it runs. */
  static int runWeb(String version) {
    ecs.registerTaskDefinition(b -> b.family("web-" + version).containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:" + version).memory(32)
        .portMappings(p -> p.containerPort(8080).hostPort(0))));
    String arn = ecs.runTask(b -> b.taskDefinition("web-" + version)).tasks().get(0).taskArn();
    await().atMost(LONG).until(() -> "RUNNING".equals(describe(arn).lastStatus()));
    return describe(arn).containers().get(0).networkBindings().get(0).hostPort();
  }

  static Task describe(String arn) {
    return ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
  }

  static String version(int port) {
    String body = Elbv2Fixture.get(port, "/").body();
    return body.replaceAll("(?s).*\"version\":\"([^\"]*)\".*", "$1");
  }

  @Test
  void twoVersionsBehindOneListenerAndAnUnhealthyOneTakenOut() {
    ecs.createCluster(b -> b.clusterName("default"));
    int v1 = runWeb("1");
    int v2 = runWeb("2");
    String instance = ecs.describeContainerInstances(b -> b.containerInstances(
        ecs.listContainerInstances().containerInstanceArns())).containerInstances().get(0).ec2InstanceId();

    String lb = fixture.loadBalancer("containers");
    // A 4 s timeout: the sample answers each request from a shell it forks, which a loaded machine can keep past 2 s
    // twice in a row, and a target taken out then would skew the 5/5 split below.
    String group = elb.createTargetGroup(b -> b.name("containers-tg").protocol("HTTP").port(8080).vpcId("vpc-1")
        .targetType("instance").healthCheckPath("/health").healthCheckIntervalSeconds(5)
        .healthCheckTimeoutSeconds(4).healthyThresholdCount(2).unhealthyThresholdCount(2))
        .targetGroups().get(0).targetGroupArn();
    int port = Elbv2Fixture.freePort();
    fixture.listener(lb, port, group);
    TargetDescription first = TargetDescription.builder().id(instance).port(v1).build();
    TargetDescription second = TargetDescription.builder().id(instance).port(v2).build();
    elb.registerTargets(b -> b.targetGroupArn(group).targets(first, second));
    for (TargetDescription target : new TargetDescription[] {first, second}) {
      await().atMost(LONG).until(() -> elb.describeTargetHealth(b -> b.targetGroupArn(group).targets(target))
          .targetHealthDescriptions().get(0).targetHealth().state() == TargetHealthStateEnum.HEALTHY);
    }

    Map<String, Long> versions = IntStream.range(0, 10).mapToObj(i -> version(port))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(versions).containsEntry("1", 5L).containsEntry("2", 5L);

    Elbv2Fixture.get(v1, "/control/unhealthy");
    await().atMost(LONG).until(() -> elb.describeTargetHealth(b -> b.targetGroupArn(group).targets(first))
        .targetHealthDescriptions().get(0).targetHealth().state() == TargetHealthStateEnum.UNHEALTHY);
    assertThat(IntStream.range(0, 6).mapToObj(i -> version(port))).containsOnly("2");
  }
}
