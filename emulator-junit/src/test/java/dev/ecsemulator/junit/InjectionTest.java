package dev.ecsemulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** What {@link EcsEmulatorTest} fills in: parameters and fields, each a working client of the emulator. */
@EcsEmulatorTest(region = "eu-west-1", accountId = "123456789012")
class InjectionTest {

  @FromEmulator
  static EcsClient staticEcs;

  @FromEmulator
  EcsClient ecs;

  @FromEmulator
  URI endpoint;

  @FromEmulator
  EcsEmulator emulator;

  @Test
  void fieldsAndParametersGetTheSameClassWideClients(EcsClient parameter, EcsEmulator handle) {
    assertThat(ecs).isSameAs(staticEcs).isSameAs(parameter);
    assertThat(emulator).isSameAs(handle);
  }

  @Test
  void theEndpointIsALoopbackPortOfThisJvm(URI parameter) {
    assertThat(parameter).isEqualTo(endpoint).isEqualTo(emulator.endpoint());
    assertThat(parameter.getScheme()).isEqualTo("http");
    assertThat(parameter.getHost()).isEqualTo("127.0.0.1");
    assertThat(parameter.getPort()).isPositive();
  }

  @Test
  void clientsSignForTheClassRegionAndAccount(Region region) {
    assertThat(region).isEqualTo(Region.EU_WEST_1);

    String arn = ecs.createCluster(b -> b.clusterName("demo")).cluster().clusterArn();

    assertThat(arn).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/demo");
  }

  @Test
  void everyServiceOfTheEndpointHasItsClient(SecretsManagerClient secrets, SsmClient ssm, CloudWatchLogsClient logs,
      ElasticLoadBalancingV2Client elb, EcsAsyncClient async) {
    secrets.createSecret(b -> b.name("db-password").secretString("s3cr3t"));
    ssm.putParameter(b -> b.name("/app/db-host").value("db.internal").type("String"));
    logs.createLogGroup(b -> b.logGroupName("/ecs/web"));
    String targetGroupArn = elb.createTargetGroup(b -> b.name("web").protocol("HTTP").port(8080).vpcId("vpc-0"))
        .targetGroups().get(0).targetGroupArn();

    assertThat(secrets.getSecretValue(b -> b.secretId("db-password")).secretString()).isEqualTo("s3cr3t");
    assertThat(ssm.getParameter(b -> b.name("/app/db-host")).parameter().value()).isEqualTo("db.internal");
    assertThat(logs.describeLogGroups().logGroups()).extracting(g -> g.logGroupName()).containsExactly("/ecs/web");
    assertThat(targetGroupArn).startsWith("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/");
    assertThat(async.listClusters().join().clusterArns()).isEmpty();
  }

  @Test
  void theEmulatorAndItsLibrariesStayOutOfTheTestsClassPath() {
    ClassLoader tests = getClass().getClassLoader();
    for (String name : new String[] {"dev.ecsemulator.api.Emulator", "dev.ecsemulator.embedded.EmbeddedEmulator",
        "io.javalin.Javalin", "com.github.dockerjava.api.DockerClient", "org.apache.commons.cli.Options"}) {
      assertThat(loads(tests, name)).as(name).isFalse();
    }
  }

  private static boolean loads(ClassLoader loader, String name) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
